package dev.datajar.tools.cli;

import dev.datajar.tools.DataSetInput;
import dev.datajar.tools.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options every command shares: which dataset, and where coordinates are looked up. Opens the
 * inputs and deletes what it downloaded when closed.
 */
final class Sources implements AutoCloseable {
  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "The dataset to use where a jar or folder holds several.")
  String dataSet;

  @Option(
      names = "--local-repository",
      paramLabel = "DIR",
      description =
          "Local Maven repository for coordinates (default: -Dmaven.repo.local or"
              + " ~/.m2/repository).")
  Path localRepository;

  @Option(
      names = "--repository",
      paramLabel = "URL",
      description =
          "Remote Maven repository for coordinates, repeatable (default: Maven"
              + " Central, "
              + Repositories.CENTRAL
              + ").")
  List<String> repositories = new ArrayList<>();

  private final List<Path> downloaded = new ArrayList<>();
  private final List<DataSetInput> opened = new ArrayList<>();

  /** Opens a path or coordinates as a dataset. */
  DataSetInput open(String given) throws ToolException {
    DataSetInput in;
    if (Repositories.isCoordinates(given)) {
      Repositories repos =
          new Repositories(
              localRepository != null ? localRepository : Repositories.defaultLocal(),
              repositories);
      Repositories.Resolved r = repos.resolve(given);
      if (r.temporary()) {
        downloaded.add(r.jar());
      }
      in = DataSetInput.open(r.jar(), dataSet, null, r.label());
    } else {
      in = DataSetInput.open(Path.of(given), dataSet, null, null);
    }
    opened.add(in);
    return in;
  }

  @Override
  public void close() {
    opened.forEach(DataSetInput::close);
    for (Path p : downloaded) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a leftover temporary file is harmless
      }
    }
  }
}
