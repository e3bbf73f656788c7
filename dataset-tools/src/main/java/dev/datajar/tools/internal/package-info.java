/**
 * How the tools read datasets, render values and compare files; not API, may change without notice.
 *
 * <p>{@link dev.datajar.tools.internal.StorageFormat} is the one place that calls the storage
 * format layer of {@code dataset-runtime} (manifest, layout, Hibernate setup, read-only
 * connections), so that a change there is one edit here.
 */
package dev.datajar.tools.internal;
