/**
 * Source readers: CSV, JSON and JSON Lines files and code sources, each streamed as {@link
 * dev.datajar.builder.internal.source.RowCursor} (raw field text with exact positions), and {@link
 * dev.datajar.builder.internal.source.Problems}, which collects the problems of one source into the
 * message a user sees.
 *
 * <p>Turning field text into Java values per column type is not done here; the type layer does it
 * with the locations these readers give.
 */
package dev.datajar.builder.internal.source;
