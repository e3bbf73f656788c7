/**
 * The storage format: how a dataset file is laid out and how every value is stored, written by the
 * builder and read by the runtime (and the tools) through the same classes. Not API: public only
 * because the builder is another module; may change without notice. Services use {@code
 * dev.datajar.runtime} ({@code DataSets}, {@code Store}, {@code Query}, {@code Where}).
 *
 * <p>Each thing both sides must agree on has one home with its writer and reader side by side:
 * {@link dev.datajar.runtime.format.Codec} (a value in a column), {@link
 * dev.datajar.runtime.format.FileIdentity} (header and metadata table), {@link
 * dev.datajar.runtime.format.Manifest} with {@code ManifestJson} (the description beside the file,
 * with the {@link dev.datajar.runtime.format.EntityLayout}s that let the runtime read plain
 * entities without Hibernate), {@link dev.datajar.runtime.format.DataSetIndex} (the jar's list of
 * datasets), {@link dev.datajar.runtime.format.Sha256} (every checksum) and {@link
 * dev.datajar.runtime.format.EntityShape} (the entity classes' fingerprint).
 */
package dev.datajar.runtime.format;
