package dev.datajar.builder.internal.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Opens the right {@link RowCursor} for a source file by its format. */
public final class SourceFiles {
  private SourceFiles() {}

  /**
   * Opens a source file.
   *
   * @param format {@code csv}, {@code json} or {@code jsonl}; {@code null} takes the file name's
   *     extension
   * @param jsonPointer for JSON, the RFC 6901 pointer to the array of rows; {@code null} or empty
   *     for a document that is the array
   * @param problems receives the problems found while reading
   * @throws IllegalArgumentException for an unknown format or a malformed pointer (configuration
   *     errors, the message says how to fix them)
   */
  public static RowCursor open(Path file, String format, String jsonPointer, Problems problems)
      throws IOException {
    return open(file, format, jsonPointer, CsvRows.DEFAULT_MAX_FIELD_SIZE, problems);
  }

  /**
   * Opens a source file, reading CSV fields of up to {@code maxFieldSize} characters; see {@link
   * #open(Path, String, String, Problems)}.
   */
  public static RowCursor open(
      Path file, String format, String jsonPointer, int maxFieldSize, Problems problems)
      throws IOException {
    String chosen = format != null ? format.toLowerCase(Locale.ROOT) : extension(file);
    switch (chosen) {
      case "csv":
        return CsvRows.open(file, maxFieldSize, problems);
      case "json":
        return JsonRows.open(file, jsonPointer, problems);
      case "jsonl":
        return JsonLinesRows.open(file, problems);
      default:
        throw new IllegalArgumentException(
            DisplayPath.of(file)
                + ": unknown source format '"
                + chosen
                + "'. Use csv, json or jsonl (as the file extension or the format setting).");
    }
  }

  /** The formats a source file may have, as file extensions. */
  public static boolean isSourceFile(Path file) {
    String extension = extension(file);
    return extension.equals("csv") || extension.equals("json") || extension.equals("jsonl");
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
