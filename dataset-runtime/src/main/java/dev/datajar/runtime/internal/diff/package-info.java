/**
 * The comparison of two versions of a dataset file ({@code FileComparison}): schema ({@code
 * SchemaComparison}) and rows by primary key ({@code RowComparison}, values compared and shown by
 * {@code StoredValue}); it gives {@link dev.datajar.runtime.DataSetChanges}. Exported only to the
 * tools, whose diff renders it; not API.
 */
package dev.datajar.runtime.internal.diff;
