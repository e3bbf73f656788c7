package dev.datajar.tools.cli;

import dev.datajar.tools.InspectReport;
import dev.datajar.tools.Inspector;
import dev.datajar.tools.ToolException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description =
        "Describe a dataset: tables, rows, columns, keys, indexes, relations,"
            + " entities, and how it was built.")
final class InspectCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "DATASET",
      description = "A dataset jar, .sqlite file, class folder, or group:artifact[:version].")
  String input;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin Sources sources;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws ToolException {
    try (Sources s = sources) {
      InspectReport report = new Inspector().inspect(s.open(input));
      spec.commandLine().getOut().print(json ? report.toJson() : report.toText());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
