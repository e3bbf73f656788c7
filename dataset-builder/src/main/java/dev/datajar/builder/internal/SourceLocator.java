package dev.datajar.builder.internal;

import dev.datajar.builder.BuildLog;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.TableSettings;
import dev.datajar.builder.internal.source.DisplayPath;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.builder.internal.source.SourceFiles;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.source.RowSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Decides where each table of a dataset reads its rows from: a code source for the table, the
 * file its settings name, or by convention {@code <dataset folder>/<table>.csv|.json|.jsonl}.
 *
 * <p>All problems (two sources for one table, no source for an entity's table, settings for a
 * table that does not exist) are collected and reported together.
 */
final class SourceLocator {
  private SourceLocator() {}

  /** One source per table, in the schema's load order. */
  static List<TableSource> locate(DataSetPlan plan, SchemaModel schema, Path directory,
      List<TableSettings> allSettings, BuildLog log) throws DataSetBuildException {
    Problems problems = new Problems(plan.name(), DisplayPath.of(directory));
    Map<String, TableSettings> settings = settingsOf(plan.name(), schema, allSettings, problems);
    Map<String, List<RowSource>> code = new TreeMap<>();
    for (RowSource r : plan.rowSources()) {
      String table = r.table() == null ? "" : r.table().toLowerCase(Locale.ROOT);
      if (schema.table(table).isEmpty()) {
        problems.add("row source " + r.getClass().getName() + " fills table '" + r.table()
            + "', which dataset '" + plan.name() + "' does not have. Tables: " + names(schema)
            + ".");
      }
      code.computeIfAbsent(table, k -> new ArrayList<>()).add(r);
    }
    Map<String, List<Path>> files = conventionFiles(directory);
    Set<String> claimed = new HashSet<>();
    List<TableSource> out = new ArrayList<>();
    for (TableModel t : schema.tables()) {
      String key = t.name().toLowerCase(Locale.ROOT);
      TableSettings s = settings.get(key);
      List<RowSource> rowSources = code.getOrDefault(key, List.of());
      List<Path> found = files.getOrDefault(key, List.of());
      if (!found.isEmpty()) {
        claimed.add(key);
      }
      List<String> candidates = new ArrayList<>();
      rowSources.forEach(r -> candidates.add("row source " + r.getClass().getName()));
      Path file = null;
      if (s != null && s.file() != null) {
        file = directory.resolve(s.file()).normalize();
        candidates.add("the file set for it, " + DisplayPath.of(file));
        if (!Files.isRegularFile(file)) {
          problems.add("table '" + t.name() + "': the file set for it, " + DisplayPath.of(file)
              + ", does not exist. Fix the <file> of its table setting.");
        }
      } else if (!found.isEmpty()) {
        file = found.get(0);
        found.forEach(f -> candidates.add(DisplayPath.of(f)));
      }
      if (candidates.size() > 1) {
        problems.add("table '" + t.name() + "' has " + candidates.size() + " sources: "
            + String.join(", ", candidates) + ". Keep one of them.");
        continue;
      }
      Map<String, String> defaults = s == null ? Map.of() : s.defaults();
      RowSource r = rowSources.isEmpty() ? null : rowSources.get(0);
      if (r == null && file == null && t.entity() != null) {
        problems.add("table '" + t.name() + "' (entity " + t.entity() + ") has no source."
            + " Looked for " + DisplayPath.of(directory.resolve(t.name())) + ".csv, .json and"
            + " .jsonl, a table setting with a <file> for it, and a RowSource whose table() is '"
            + t.name() + "'. Add one of them.");
        continue;
      }
      out.add(new TableSource(t, r == null ? file : null, s == null ? null : s.format(),
          s == null ? null : s.jsonPointer(), r, defaults));
    }
    for (Map.Entry<String, List<Path>> e : files.entrySet()) {
      if (!claimed.contains(e.getKey()) && !isSettingsFile(e.getValue(), settings, directory)) {
        log.warn("dataset '" + plan.name() + "': " + DisplayPath.of(e.getValue().get(0))
            + " names no table of the dataset and is not read (unless a row source reads it)."
            + " Tables: " + names(schema) + ".");
      }
    }
    problems.throwIfAny();
    return out;
  }

  private static Map<String, TableSettings> settingsOf(String dataSet, SchemaModel schema,
      List<TableSettings> all, Problems problems) {
    Map<String, TableSettings> out = new TreeMap<>();
    for (TableSettings s : all) {
      if (!s.dataSet().equals(dataSet)) {
        continue;
      }
      if (schema.table(s.table()).isEmpty()) {
        problems.add("a table setting names table '" + s.table() + "', which dataset '"
            + dataSet + "' does not have. Tables: " + names(schema) + ".");
      } else if (out.put(s.table().toLowerCase(Locale.ROOT), s) != null) {
        problems.add("table '" + s.table() + "' has two table settings. Merge them into one.");
      }
    }
    return out;
  }

  private static boolean isSettingsFile(List<Path> files, Map<String, TableSettings> settings,
      Path directory) {
    return settings.values().stream().anyMatch(s -> s.file() != null
        && files.contains(directory.resolve(s.file()).normalize()));
  }

  /** Source files in the folder by lower-case stem, each list sorted. */
  private static Map<String, List<Path>> conventionFiles(Path directory) {
    Map<String, List<Path>> out = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return out;
    }
    try (Stream<Path> list = Files.list(directory)) {
      list.filter(f -> Files.isRegularFile(f) && SourceFiles.isSourceFile(f)).sorted()
          .forEach(f -> {
            String name = f.getFileName().toString();
            String stem = name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT);
            out.computeIfAbsent(stem, k -> new ArrayList<>()).add(f.normalize());
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String names(SchemaModel schema) {
    List<String> names = new ArrayList<>();
    schema.tables().forEach(t -> names.add(t.name()));
    names.sort(null);
    return String.join(", ", names);
  }
}
