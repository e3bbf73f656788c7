package dev.datajar.benchmarks.diff;

import dev.datajar.benchmarks.build.BuilderRun;
import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.BenchSources;
import dev.datajar.builder.BuildLog;
import dev.datajar.builder.BuildResult;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Two versions of the 1,000,000-row {@code bench} dataset for the diff measurement: {@code v1} from
 * the generated sources, {@code v2} with 1% of the items changed (every 100th item gets a new
 * score), both built by the real builder under {@code bench-data/diff/}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.diff.DiffData [rows]
 * /usr/bin/time -v java -jar dataset-tools/target/dataset-tools-*-cli.jar diff \
 *     benchmarks/target/bench-data/diff/v1 benchmarks/target/bench-data/diff/v2
 * </pre>
 */
public final class DiffData {
  private DiffData() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    Path root = BenchPaths.dataDirectory().resolve("diff");
    BenchSources v1 =
        new BenchSources(root.resolve("src-v1"), rows, BenchSources.DEFAULT_PARENTS)
            .ensureGenerated();
    Path v2Dir = root.resolve("src-v2");
    Files.createDirectories(v2Dir.resolve("bench"));
    Files.copy(
        v1.parentCsv(), v2Dir.resolve("bench/parent.csv"), StandardCopyOption.REPLACE_EXISTING);
    long changed = 0;
    try (BufferedReader in = Files.newBufferedReader(v1.itemCsv(), StandardCharsets.UTF_8);
        BufferedWriter out =
            Files.newBufferedWriter(v2Dir.resolve("bench/item.csv"), StandardCharsets.UTF_8)) {
      out.write(in.readLine());
      out.write('\n');
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        long id = Long.parseLong(line.substring(0, line.indexOf(',')));
        if (id % 100 == 0) {
          // score is the last field but one; the parent id follows it.
          int last = line.lastIndexOf(',');
          int before = line.lastIndexOf(',', last - 1);
          line = line.substring(0, before + 1) + (id / 100) + ".5" + line.substring(last);
          changed++;
        }
        out.write(line);
        out.write('\n');
      }
    }
    BuilderRun builder = new BuilderRun(root.resolve("work"));
    BuildResult.DataSetResult a = builder.build(v1, root.resolve("v1"), BuildLog.SILENT);
    BuildResult.DataSetResult b =
        builder.build(
            new BenchSources(v2Dir, rows, BenchSources.DEFAULT_PARENTS),
            root.resolve("v2"),
            BuildLog.SILENT);
    System.out.printf(
        "v1: %s (%,d rows, %,d bytes)%nv2: %s (%,d rows, %,d bytes), %,d items" + " changed%n",
        a.file(), a.rows(), a.bytes(), b.file(), b.rows(), b.bytes(), changed);
  }
}
