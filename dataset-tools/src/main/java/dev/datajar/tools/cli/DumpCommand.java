package dev.datajar.tools.cli;

import dev.datajar.tools.DataSetInput;
import dev.datajar.tools.DumpFormat;
import dev.datajar.tools.DumpResult;
import dev.datajar.tools.Dumper;
import dev.datajar.tools.RoundTrip;
import dev.datajar.tools.ToolException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description =
        "Write tables as the source files the builder reads, into"
            + " OUT/src/main/datasets/<name>/<table>.csv (or .jsonl).")
final class DumpCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "DATASET",
      description = "A dataset jar, class folder, or group:artifact[:version].")
  String input;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "OUT",
      required = true,
      description = "Folder to write src/main/datasets/<name>/ into.")
  Path out;

  @Option(
      names = "--tables",
      paramLabel = "TABLE",
      split = ",",
      description = "Tables to dump (comma list); default all.")
  List<String> tables = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", description = "csv (default) or jsonl.")
  String format = "csv";

  @Option(
      names = "--verify",
      description =
          "Build again from the dump and check that the"
              + " file is byte-identical to the original (all tables only).")
  boolean verify;

  @Mixin Sources sources;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws ToolException, IOException {
    DumpFormat f;
    try {
      f = DumpFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ToolException(
          "--format " + format + " is not a dump format: expected csv or" + " jsonl");
    }
    PrintWriter w = spec.commandLine().getOut();
    try (Sources s = sources) {
      DataSetInput in = s.open(input);
      DumpResult r = new Dumper().dump(in, out, Set.copyOf(tables), f);
      int names = 0;
      int counts = 0;
      for (DumpResult.Table t : r.tables()) {
        names = Math.max(names, t.file().toString().length());
        counts = Math.max(counts, String.format(Locale.ROOT, "%,d", t.rows()).length());
      }
      for (DumpResult.Table t : r.tables()) { // in columns: paths left, counts right
        w.printf(Locale.ROOT, "%-" + names + "s  %," + counts + "d rows%n", t.file(), t.rows());
      }
      w.printf(
          Locale.ROOT,
          "dataset '%s': %d table%s, %,d rows -> %s%n",
          r.dataSet(),
          r.tables().size(),
          r.tables().size() == 1 ? "" : "s",
          r.rows(),
          r.directory());
      if (verify) {
        if (!tables.isEmpty()) {
          throw new ToolException("--verify needs every table: leave out --tables");
        }
        Path work = Files.createTempDirectory("datajar-verify-");
        try {
          RoundTrip.Result rt = new RoundTrip().check(in, out, work);
          w.println(
              rt.identical()
                  ? "verified: the dump builds a byte-identical file (sha256 "
                      + rt.rebuiltSha256()
                      + ")"
                  : "NOT identical: the original is sha256 "
                      + rt.originalSha256()
                      + ", the rebuild from the dump "
                      + rt.rebuiltSha256());
          return rt.identical() ? 0 : 1;
        } finally {
          deleteTree(work);
        }
      }
      return 0;
    } finally {
      w.flush();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
