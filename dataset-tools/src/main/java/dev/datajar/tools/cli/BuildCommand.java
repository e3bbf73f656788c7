package dev.datajar.tools.cli;

import dev.datajar.tools.DataSetInput;
import dev.datajar.tools.RoundTrip;
import dev.datajar.tools.ToolException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code build DATASET --sources DIR --out OUT}: the dataset built again with DATASET's own entity
 * classes from source files laid out as a dump ({@code DIR/src/main/datasets/<name>/}), typically a
 * dump someone edited; OUT then holds the file, its manifest and the index, and {@code diff} or
 * {@code inspect} take it as a folder. For trying a change of the data without a Maven module.
 */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description =
        "Build DATASET's dataset again, with its own entity classes, from the source files"
            + " under SOURCES/src/main/datasets/<name>/ (a dump, edited or not), into OUT.")
final class BuildCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "DATASET",
      description = "A dataset jar, class folder, or group:artifact[:version]: its entity classes.")
  String input;

  @Option(
      names = {"-s", "--sources"},
      paramLabel = "SOURCES",
      required = true,
      description = "The folder a dump was written to (holding src/main/datasets/<name>/).")
  Path sourcesFolder;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "OUT",
      required = true,
      description = "Folder for <name>.sqlite, its manifest and the index.")
  Path out;

  @Mixin Sources sources;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws ToolException, IOException {
    PrintWriter w = spec.commandLine().getOut();
    try (Sources s = sources) {
      DataSetInput in = s.open(input);
      Path work = Files.createTempDirectory("datajar-build-");
      try {
        Path built = new RoundTrip().build(in, sourcesFolder, out, work);
        w.println(
            "dataset '"
                + in.name()
                + "': built from "
                + sourcesFolder.resolve("src/main/datasets").resolve(in.name())
                + " -> "
                + built);
        return 0;
      } finally {
        DumpCommand.deleteTree(work);
      }
    } finally {
      w.flush();
    }
  }
}
