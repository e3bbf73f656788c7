package dev.datajar.builder.internal;

import dev.datajar.builder.BuildLog;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.TableSettings;
import dev.datajar.builder.internal.source.CsvRows;
import dev.datajar.builder.internal.source.DisplayPath;
import dev.datajar.builder.internal.source.Problems;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.source.RowSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides where each table of a dataset reads its rows from: a code source for the table, the file
 * or files its settings name, or by convention {@code <dataset folder>/<table>.csv|.json|.jsonl} or
 * the files of a folder {@code <dataset folder>/<table>/}, read in name order.
 *
 * <p>Every table needs a source, a collection's table (an {@code @ElementCollection}'s, a
 * many-to-many's join table) as much as an entity's: a file with only a header gives an empty one.
 * All problems (two sources for one table, no source for a table, settings for a table that does
 * not exist) are collected and reported together.
 */
final class SourceLocator {
  private SourceLocator() {}

  /** One source per table, in the schema's load order. */
  static List<TableSource> locate(
      DataSetPlan plan,
      SchemaModel schema,
      Path directory,
      List<TableSettings> allSettings,
      BuildLog log)
      throws DataSetBuildException {
    Problems problems = new Problems(plan.name(), DisplayPath.of(directory));
    Map<String, TableSettings> settings = settingsOf(plan.name(), schema, allSettings, problems);
    Map<String, List<RowSource>> code = new TreeMap<>();
    for (RowSource r : plan.rowSources()) {
      String table = r.table() == null ? "" : r.table().toLowerCase(Locale.ROOT);
      if (schema.table(table).isEmpty()) {
        problems.add(
            "row source "
                + r.getClass().getName()
                + " fills table '"
                + r.table()
                + "', which dataset '"
                + plan.name()
                + "' does not have. Tables: "
                + names(schema)
                + ".");
      }
      code.computeIfAbsent(table, k -> new ArrayList<>()).add(r);
    }
    Map<String, List<Path>> files = DataSetFolder.filesByTable(directory);
    Map<String, Path> folders = DataSetFolder.foldersByTable(directory);
    Set<String> claimed = new HashSet<>();
    List<TableSource> out = new ArrayList<>();
    boolean folderHinted = false;
    for (TableModel t : schema.tables()) {
      String key = t.name().toLowerCase(Locale.ROOT);
      TableSettings s = settings.get(key);
      List<RowSource> rowSources = code.getOrDefault(key, List.of());
      List<Path> found = files.getOrDefault(key, List.of());
      Path folder = folders.get(key);
      if (!found.isEmpty() || folder != null) {
        claimed.add(key);
      }
      List<String> candidates = new ArrayList<>();
      rowSources.forEach(r -> candidates.add("row source " + r.getClass().getName()));
      List<Path> parts = List.of();
      if (s != null && (s.file() != null || !s.files().isEmpty())) {
        parts = configuredFiles(t, s, directory, problems);
        candidates.add(
            parts.size() == 1
                ? "the file set for it, " + DisplayPath.of(parts.get(0))
                : "the " + parts.size() + " files set for it");
      } else {
        found.forEach(f -> candidates.add(DisplayPath.of(f)));
        if (folder != null) {
          candidates.add("the folder " + DisplayPath.of(folder));
          parts = DataSetFolder.parts(t, folder, problems);
        } else if (!found.isEmpty()) {
          parts = List.of(found.get(0));
        }
      }
      if (candidates.size() > 1) {
        problems.add(
            "table '"
                + t.name()
                + "' has "
                + candidates.size()
                + " sources: "
                + String.join(", ", candidates)
                + ". Keep one of them.");
        continue;
      }
      Map<String, String> defaults = s == null ? Map.of() : s.defaults();
      RowSource r = rowSources.isEmpty() ? null : rowSources.get(0);
      if (r == null && parts.isEmpty() && folder == null) {
        if (!Files.isDirectory(directory) && !folderHinted) {
          problems.add(noFolder(plan.name(), directory));
          folderHinted = true;
        }
        problems.add(noSource(t, directory));
        continue;
      }
      Integer max = s == null ? null : s.maxFieldSize();
      if (max != null && max <= 0) {
        problems.add(
            "table '"
                + t.name()
                + "': <maxFieldSize> is "
                + max
                + "; it must be a"
                + " positive number of characters. Fix the table setting, or remove it for the"
                + " default of "
                + CsvRows.DEFAULT_MAX_FIELD_SIZE
                + ".");
        continue;
      }
      out.add(
          new TableSource(
              t,
              r == null ? parts : List.of(),
              collectionsOf(t, schema),
              s == null ? null : s.format(),
              s == null ? null : s.jsonPointer(),
              r,
              defaults,
              max == null ? CsvRows.DEFAULT_MAX_FIELD_SIZE : max));
    }
    for (Map.Entry<String, List<Path>> e : files.entrySet()) {
      if (!claimed.contains(e.getKey()) && !isSettingsFile(e.getValue(), settings, directory)) {
        log.warn(
            "dataset '"
                + plan.name()
                + "': "
                + DisplayPath.of(e.getValue().get(0))
                + " names no table of the dataset and is not read (unless a row source reads it)."
                + " Tables: "
                + names(schema)
                + ".");
      }
    }
    problems.throwIfAny();
    return out;
  }

  /**
   * The dataset's folder is missing: names the folders its parent has (a folder named for another
   * spelling of the dataset, say), once, before the tables it leaves without a source.
   */
  private static String noFolder(String dataSet, Path directory) {
    List<String> siblings = new ArrayList<>();
    Path parent = directory.getParent();
    if (parent != null && Files.isDirectory(parent)) {
      try (var list = Files.list(parent)) {
        list.filter(Files::isDirectory)
            .map(d -> d.getFileName() + "/")
            .sorted()
            .forEach(siblings::add);
      } catch (IOException e) {
        // only a hint: leave the folders out
      }
    }
    return "the folder "
        + DisplayPath.of(directory)
        + " does not exist"
        + (siblings.isEmpty()
            ? ""
            : "; " + DisplayPath.of(parent) + " has " + String.join(", ", siblings))
        + ". The sources of dataset '"
        + dataSet
        + "' go in a folder named after it, as its @DataSet names it: rename the folder to "
        + directory.getFileName()
        + "/, or set <sourceDirectory> (dataset.sourceDirectory) to the folder that holds it.";
  }

  /**
   * An entity's table and a collection's (an {@code @ElementCollection}'s table, a many-to-many's
   * join table) both need a source: a collection without one would load silently empty.
   */
  private static String noSource(TableModel t, Path directory) {
    String base = DisplayPath.of(directory.resolve(t.name()));
    String looked =
        " has no source. Looked for "
            + base
            + ".csv, .json and .jsonl, a folder "
            + base
            + "/ of such files, a table setting with a <file> or <files> for it, and a RowSource"
            + " whose table() is '"
            + t.name()
            + "'. Add one of them";
    if (t.entity() != null) {
      return "table '" + t.name() + "' (entity " + t.entity() + ")" + looked + ".";
    }
    List<String> header = new ArrayList<>();
    t.columns().forEach(c -> header.add(c.name()));
    return "table '"
        + t.name()
        + "' (the table of collection "
        + (t.collection() == null ? "?" : t.collection())
        + ")"
        + looked
        + ": one row per element, e.g. "
        + t.name()
        + ".csv with the header line '"
        + String.join(",", header)
        + "' (a file with only that line leaves the collection empty for every row).";
  }

  /** The tables of the collections of {@code t}'s entity, for hints about nested values. */
  private static List<TableModel> collectionsOf(TableModel t, SchemaModel schema) {
    List<TableModel> out = new ArrayList<>();
    if (t.entity() == null) {
      return out;
    }
    for (TableModel other : schema.tables()) {
      String collection = other.collection();
      if (collection != null && collection.startsWith(t.entity() + ".")) {
        out.add(other);
      }
    }
    return out;
  }

  private static Map<String, TableSettings> settingsOf(
      String dataSet, SchemaModel schema, List<TableSettings> all, Problems problems) {
    Map<String, TableSettings> out = new TreeMap<>();
    for (TableSettings s : all) {
      if (!s.dataSet().equals(dataSet)) {
        continue;
      }
      if (schema.table(s.table()).isEmpty()) {
        problems.add(
            "a table setting names table '"
                + s.table()
                + "', which dataset '"
                + dataSet
                + "' does not have. Tables: "
                + names(schema)
                + ".");
      } else if (out.put(s.table().toLowerCase(Locale.ROOT), s) != null) {
        problems.add("table '" + s.table() + "' has two table settings. Merge them into one.");
      }
    }
    return out;
  }

  private static boolean isSettingsFile(
      List<Path> files, Map<String, TableSettings> settings, Path directory) {
    return settings.values().stream()
        .anyMatch(
            s ->
                (s.file() != null && files.contains(directory.resolve(s.file()).normalize()))
                    || s.files().stream()
                        .anyMatch(f -> files.contains(directory.resolve(f).normalize())));
  }

  /** The files a table setting names, resolved; each missing or repeated one is a problem. */
  private static List<Path> configuredFiles(
      TableModel t, TableSettings s, Path directory, Problems problems) {
    if (s.file() != null && !s.files().isEmpty()) {
      problems.add(
          "table '"
              + t.name()
              + "': its table setting has both a <file> and <files>."
              + " Keep one of them (a single file can be the only <file> in <files>).");
    }
    String element = s.file() != null ? "<file>" : "<files>";
    List<Path> out = new ArrayList<>();
    for (Path p : s.file() != null ? List.of(s.file()) : s.files()) {
      Path file = directory.resolve(p).normalize();
      if (out.contains(file)) {
        problems.add(
            "table '"
                + t.name()
                + "': "
                + DisplayPath.of(file)
                + " is listed twice in"
                + " <files>. List each part once.");
        continue;
      }
      out.add(file);
      if (!Files.isRegularFile(file)) {
        problems.add(
            "table '"
                + t.name()
                + "': the file set for it, "
                + DisplayPath.of(file)
                + ", does not exist. Fix the "
                + element
                + " of its table setting.");
      }
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
