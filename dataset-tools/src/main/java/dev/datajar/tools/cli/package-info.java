/**
 * The {@code java -jar dataset-tools-<version>-cli.jar} command line: {@code inspect}, {@code dump}
 * and {@code diff}; not API.
 */
package dev.datajar.tools.cli;
