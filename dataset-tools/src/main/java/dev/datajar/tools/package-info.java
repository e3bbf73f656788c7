/**
 * Looks inside built datasets: {@link dev.datajar.tools.Inspector} describes one, {@link
 * dev.datajar.tools.Dumper} writes it back out as source files (and {@link
 * dev.datajar.tools.RoundTrip} proves the dump rebuilds the same bytes), {@link
 * dev.datajar.tools.Differ} compares two versions and {@link dev.datajar.tools.Guard} turns a
 * comparison into a release check.
 *
 * <p>Every entry point takes {@link dev.datajar.tools.DataSetInput}s (a jar, a class folder or a
 * {@code .sqlite} file) and reports wrong input as a {@link dev.datajar.tools.ToolException} whose
 * message is one line for the user. No Maven imports: the plugin's goals and the {@code java -jar}
 * command line ({@code dev.datajar.tools.cli}) are thin adapters.
 */
package dev.datajar.tools;
