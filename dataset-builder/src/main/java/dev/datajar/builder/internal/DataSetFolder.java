package dev.datajar.builder.internal;

import dev.datajar.builder.internal.source.DisplayPath;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.builder.internal.source.SourceFiles;
import dev.datajar.runtime.format.TableModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a dataset's source folder holds by convention: files named after a table ({@code
 * <table>.csv}, {@code .json}, {@code .jsonl}) and sub-folders named after a table, whose source
 * files are the table's parts. Names match case-insensitively; {@link SourceLocator} decides which
 * source a table reads.
 */
final class DataSetFolder {
  private DataSetFolder() {}

  /**
   * The parts in a folder named after a table: its source files, by name; a folder without any is a
   * problem (more likely a mistake than an empty table).
   */
  static List<Path> parts(TableModel t, Path folder, Problems problems) {
    List<Path> parts;
    try (Stream<Path> list = Files.list(folder)) {
      parts =
          list.filter(f -> Files.isRegularFile(f) && SourceFiles.isSourceFile(f))
              .map(Path::normalize)
              .sorted(Comparator.comparing(f -> f.getFileName().toString()))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (parts.isEmpty()) {
      problems.add(
          "table '"
              + t.name()
              + "': the folder "
              + DisplayPath.of(folder)
              + " holds no"
              + " .csv, .json or .jsonl file. Put the table's parts in it, or remove the folder.");
    }
    return parts;
  }

  /** Sub-folders of the dataset folder by lower-case name: tables read in parts. */
  static Map<String, Path> foldersByTable(Path directory) {
    Map<String, Path> out = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return out;
    }
    try (Stream<Path> list = Files.list(directory)) {
      list.filter(Files::isDirectory)
          .sorted()
          .forEach(
              f ->
                  out.putIfAbsent(
                      f.getFileName().toString().toLowerCase(Locale.ROOT), f.normalize()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Source files in the folder by lower-case stem, each list sorted. */
  static Map<String, List<Path>> filesByTable(Path directory) {
    Map<String, List<Path>> out = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return out;
    }
    try (Stream<Path> list = Files.list(directory)) {
      list.filter(f -> Files.isRegularFile(f) && SourceFiles.isSourceFile(f))
          .sorted()
          .forEach(
              f -> {
                String name = f.getFileName().toString();
                String stem = name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT);
                out.computeIfAbsent(stem, k -> new ArrayList<>()).add(f.normalize());
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
