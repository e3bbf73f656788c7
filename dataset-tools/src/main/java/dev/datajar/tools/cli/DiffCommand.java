package dev.datajar.tools.cli;

import dev.datajar.tools.DiffReport;
import dev.datajar.tools.Differ;
import dev.datajar.tools.Guard;
import dev.datajar.tools.ToolException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Compare two versions of a dataset: schema changes, and rows added, removed"
            + " and changed by primary key.")
final class DiffCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "BEFORE",
      description =
          "The earlier version: a jar, .sqlite file, class folder, or"
              + " group:artifact[:version] (no version: the latest release).")
  String before;

  @Parameters(index = "1", paramLabel = "AFTER", description = "The later version.")
  String after;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default), markdown or json.")
  String format = "text";

  @Option(
      names = "--rows",
      paramLabel = "N",
      description = "Rows listed per table and kind (default 20); totals are always exact.")
  int cap = 20;

  @Option(
      names = "--max-changed-share",
      paramLabel = "SHARE",
      description =
          "Fail (exit 3) if a table lost or changed more than this share of its"
              + " rows (0.1 = 10%%), or a column or table was dropped.")
  Double maxChangedShare;

  @Option(
      names = "--allow-dropped-columns",
      description = "With --max-changed-share: do not fail on dropped columns or tables.")
  boolean allowDroppedColumns;

  @Mixin Sources sources;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws ToolException {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("text") && !f.equals("markdown") && !f.equals("json")) {
      throw new ToolException(
          "--format " + format + " is not a diff format: expected text," + " markdown or json");
    }
    if (cap < 0) {
      throw new ToolException("--rows " + cap + " is negative: expected 0 or more");
    }
    Guard guard = null;
    if (maxChangedShare != null) {
      try {
        guard = new Guard(maxChangedShare, allowDroppedColumns);
      } catch (IllegalArgumentException e) {
        throw new ToolException("--max-changed-share: " + e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Sources s = sources) {
      DiffReport r = new Differ().diff(s.open(before), s.open(after), cap);
      out.print(
          switch (f) {
            case "markdown" -> r.toMarkdown();
            case "json" -> r.toJson();
            default -> r.toText();
          });
      out.flush();
      if (guard != null) {
        Optional<String> failed = guard.check(r, "--max-changed-share", "--allow-dropped-columns");
        if (failed.isPresent()) {
          spec.commandLine().getErr().println("datajar-tools: " + failed.get().strip());
          return 3;
        }
      }
      return 0;
    }
  }
}
