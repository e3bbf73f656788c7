/**
 * How the tools read datasets, render values and compare files; not API, may change without notice.
 *
 * <p>Everything the storage format defines (where datasets live in a jar, the index, the manifest,
 * SQLite's header and the metadata table, read-only connections, the entities' schema) is read
 * through {@code dataset-runtime}'s format layer ({@code dev.datajar.runtime.format}), never parsed
 * here a second time.
 */
package dev.datajar.tools.internal;
