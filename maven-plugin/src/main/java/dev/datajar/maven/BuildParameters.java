package dev.datajar.maven;

import dev.datajar.builder.BuildLog;
import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.PostgresTarget;
import dev.datajar.builder.TableSettings;
import dev.datajar.runtime.format.DataSetLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The build goal's parameters as Maven set them, and their translation into one {@link
 * BuildRequest}.
 *
 * <p>Kept apart from the Mojo so that the translation is tested without a Maven runtime. It checks
 * what only the plugin can name well (the pom element and the {@code -D} property); everything else
 * is the builder's to check, so that a CLI would behave the same.
 *
 * @param classesDirectory the project's compiled classes
 * @param sourceDirectory {@code <sourceDirectory>}, absolute
 * @param outputDirectory {@code <outputDirectory>}, absolute
 * @param workDirectory {@code <workDirectory>}, absolute
 * @param dataSets {@code <dataSets>}: names, each possibly a comma list; null or empty for all
 * @param tables {@code <tables>}; null for none
 * @param force {@code <force>}
 * @param postgres the PostgreSQL database to build into ({@link JdbcTarget}), or {@code null}
 */
record BuildParameters(
    Path classesDirectory,
    Path sourceDirectory,
    Path outputDirectory,
    Path workDirectory,
    List<String> dataSets,
    List<TableConfig> tables,
    boolean force,
    PostgresTarget postgres) {

  /**
   * The request for this configuration.
   *
   * @throws DataSetBuildException if a dataset name is invalid or a {@code <table>} lacks its
   *     dataset or table, or names one twice; the message names the pom element
   */
  BuildRequest toRequest(ClassLoader classLoader, BuildLog log) throws DataSetBuildException {
    return BuildRequest.builder()
        .classesDirectory(classesDirectory)
        .classLoader(classLoader)
        .sourceDirectory(sourceDirectory)
        .outputDirectory(outputDirectory)
        .workDirectory(workDirectory)
        .dataSets(names())
        .tables(tableSettings())
        .force(force)
        .postgres(postgres)
        .log(log)
        .build();
  }

  private Set<String> names() throws DataSetBuildException {
    Set<String> names = new LinkedHashSet<>();
    if (dataSets == null) {
      return names;
    }
    for (String entry : dataSets) {
      // -Ddataset.names=a,b arrives as one element on some paths and as two on others.
      for (String name : entry == null ? new String[0] : entry.split(",")) {
        name = name.strip();
        if (name.isEmpty()) {
          continue;
        }
        if (!DataSetLayout.isValidName(name)) {
          throw new DataSetBuildException(
              "<dataSets> (-Ddataset.names): '"
                  + name
                  + "' is not a"
                  + " valid dataset name: use 1-64 lower-case letters, digits, '-' or '_', starting"
                  + " with a letter. Fix the name in the pom or on the command line.");
        }
        names.add(name);
      }
    }
    return names;
  }

  private List<TableSettings> tableSettings() throws DataSetBuildException {
    List<TableSettings> settings = new ArrayList<>();
    if (tables == null) {
      return settings;
    }
    Set<String> seen = new HashSet<>();
    int position = 0;
    for (TableConfig t : tables) {
      position++;
      String dataSet = blankToNull(t.dataSet);
      String table = blankToNull(t.table);
      if (dataSet == null || table == null) {
        throw new DataSetBuildException(
            "<tables>: <table> number "
                + position
                + " has no <"
                + (dataSet == null ? "dataSet" : "table")
                + ">. Name both the dataset and the table"
                + " (as Hibernate names it) that the element configures.");
      }
      if (!seen.add(dataSet + '\u0000' + table)) {
        throw new DataSetBuildException(
            "<tables>: table '"
                + table
                + "' of dataset '"
                + dataSet
                + "' is configured twice (<table> number "
                + position
                + "). Merge the two <table>"
                + " elements into one.");
      }
      String file = blankToNull(t.file);
      List<Path> files = new ArrayList<>();
      if (t.files != null) {
        t.files.stream()
            .map(BuildParameters::blankToNull)
            .filter(f -> f != null)
            .forEach(f -> files.add(Path.of(f)));
      }
      settings.add(
          new TableSettings(
              dataSet,
              table,
              file == null ? null : Path.of(file),
              files,
              blankToNull(t.format),
              blankToNull(t.jsonPointer),
              t.defaults,
              t.maxFieldSize));
    }
    return settings;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
