package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.Machine;
import dev.datajar.benchmarks.model.Item;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Issue 20's bar as a run: 8 threads call {@code Store.get(id)} on the 1,000,000-row {@code bench}
 * dataset, first for a steady phase with no switch, then for a phase in which the followed file is
 * replaced (renamed over) and {@link DataSets#reload reloaded} once a second, cycling through two
 * good versions (the second with one row changed), a corrupt copy (bytes changed, so its sha256 is
 * not its manifest's) and a copy whose {@code item} table lacks a column (as if built from other
 * entity classes). Prints the latency percentiles of {@code get} in each phase, the switches and
 * refusals, failed calls, and open file descriptors before and after.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.read.ReloadRun \
 *     [--steady 15] [--switching 30] [--attempts 30] [--threads 8]</pre>
 */
public final class ReloadRun {
  private ReloadRun() {}

  /** A log-scale histogram of nanoseconds (2 % buckets), shared by the readers of one phase. */
  static final class Histogram {
    private static final double BASE = Math.log(1.02);
    private final AtomicLong[] counts = new AtomicLong[2048];

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new AtomicLong();
      }
    }

    void record(long nanos) {
      int b = (int) (Math.log((double) Math.max(1, nanos)) / BASE);
      counts[Math.min(b, counts.length - 1)].incrementAndGet();
    }

    long total() {
      long n = 0;
      for (AtomicLong c : counts) {
        n += c.get();
      }
      return n;
    }

    /** The upper bound of the bucket holding quantile {@code q}, in microseconds. */
    double quantileMicros(double q) {
      long n = total();
      long rank = (long) Math.ceil(q * n);
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i].get();
        if (seen >= rank && seen > 0) {
          return Math.exp((i + 1) * BASE) / 1000.0;
        }
      }
      return Double.NaN;
    }
  }

  public static void main(String[] args) throws Exception {
    int steady = 15;
    int switching = 30;
    int attempts = 30;
    int threads = 8;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--steady" -> steady = Integer.parseInt(args[++i]);
        case "--switching" -> switching = Integer.parseInt(args[++i]);
        case "--attempts" -> attempts = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path source = ReadDataSet.ensure();
    System.out.println(Machine.describe());
    Path dir = BenchPaths.dataDirectory().resolve("reload");
    Path versions = Files.createDirectories(dir.resolve("versions"));
    Path a = copyVersion(source, versions.resolve("a"));
    Path b = changedVersion(source, versions.resolve("b"));
    Path corrupt = corrupt(source, versions.resolve("corrupt"));
    Path other = otherColumns(source, versions.resolve("other"));
    Path live = Files.createDirectories(dir.resolve("live")).resolve("bench.sqlite");
    install(a, live);
    long fdsBefore = fds();
    List<String> refusals = new ArrayList<>();
    int switches = 0;
    Histogram steadyHist = new Histogram();
    Histogram switchingHist = new Histogram();
    AtomicLong failures = new AtomicLong();
    try (DataSets ds =
        DataSets.builder()
            .dataSets("bench")
            .path("bench", live)
            .follow("bench", Duration.ofDays(1)) // read through private links; reloaded below
            .cacheDirectory(dir.resolve("cache"))
            .open()) {
      Store<Item> items = ds.store(Item.class);
      for (int i = 0; i < 200_000; i++) {
        items.get(1 + (i * 7919L) % ReadDataSet.ROWS); // warm-up
      }
      long fdsAtStart = fds();
      Histogram[] current = {steadyHist};
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> readers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom random = new SplittableRandom(t);
        Thread th =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    Histogram h = current[0];
                    long id = 1 + random.nextLong(ReadDataSet.ROWS);
                    long start = System.nanoTime();
                    try {
                      if (items.get(id).isEmpty()) {
                        failures.incrementAndGet();
                      }
                    } catch (RuntimeException e) {
                      failures.incrementAndGet();
                    }
                    h.record(System.nanoTime() - start);
                  }
                },
                "reader-" + t);
        th.start();
        readers.add(th);
      }
      Thread.sleep(steady * 1000L);
      synchronized (current) {
        current[0] = switchingHist;
      }
      Path[] cycle = {b, a, corrupt, b, a, other};
      long every = switching * 1000L / attempts;
      long started = System.nanoTime();
      for (int i = 0; i < attempts; i++) {
        Path v = cycle[i % cycle.length];
        install(v, live);
        try {
          String was = ds.info("bench").sha256();
          if (!ds.reload("bench").sha256().equals(was)) {
            switches++;
          }
        } catch (DataSetOpenException e) {
          refusals.add(v.getParent().getFileName() + ": " + e.getMessage());
        }
        long next = started + (i + 1) * every * 1_000_000L;
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000L);
        }
      }
      stop.set(true);
      for (Thread th : readers) {
        th.join();
      }
      // Ends on a fresh version of a (a reload to the version served switches nothing).
      install(b, live);
      ds.reload("bench");
      install(a, live);
      ds.reload("bench");
      for (int i = 0; i < 200_000; i++) {
        items.get(1 + (i * 7919L) % ReadDataSet.ROWS); // the same reads as before fdsAtStart
      }
      System.out.printf(
          Locale.ROOT,
          "open file descriptors: %d before open, %d after warm-up, %d after the run"
              + " (fresh version, same warm-up)%n",
          fdsBefore,
          fdsAtStart,
          fds());
    }
    System.out.printf(Locale.ROOT, "file descriptors after close(): %d%n", fds());
    System.out.printf(
        Locale.ROOT,
        "threads %d, steady %d s, switching %d s: %d switches, %d refusals, %d failed calls%n",
        threads,
        steady,
        switching,
        switches,
        refusals.size(),
        failures.get());
    refusals.stream()
        .map(r -> r.length() > 220 ? r.substring(0, 220) + "…" : r)
        .distinct()
        .forEach(r -> System.out.println("  refused " + r));
    print("steady", steadyHist);
    print("switching", switchingHist);
    System.out.printf(
        Locale.ROOT,
        "p99 switching / steady: %.2f%n",
        switchingHist.quantileMicros(0.99) / steadyHist.quantileMicros(0.99));
    System.out.println("load after: " + Machine.loadAverage());
  }

  private static void print(String phase, Histogram h) {
    System.out.printf(
        Locale.ROOT,
        "%-9s get: %,d calls, p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, p99.9 %.1f µs%n",
        phase,
        h.total(),
        h.quantileMicros(0.5),
        h.quantileMicros(0.9),
        h.quantileMicros(0.99),
        h.quantileMicros(0.999));
  }

  private static long fds() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }

  /** The dataset file and its manifest, copied into {@code dir}. */
  private static Path copyVersion(Path source, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("bench.sqlite");
    Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
    Files.copy(manifestOf(source), manifestOf(file), StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  private static Path manifestOf(Path file) {
    return file.resolveSibling(DataSetLayout.manifestFileName("bench"));
  }

  /**
   * A second good version: a copy with one parent's name changed and a manifest recording its new
   * sha256. (A plain copy has the sha256 of the version served, and a reload to it switches
   * nothing.)
   */
  private static Path changedVersion(Path source, Path dir) throws Exception {
    Path file = copyVersion(source, dir);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("update parent set name = name || ' (b)' where id = 1");
    }
    Manifest m;
    try (InputStream in = Files.newInputStream(manifestOf(file))) {
      m = Manifest.read(in, manifestOf(file).toString());
    }
    Files.write(
        manifestOf(file),
        m.toBuilder().checksum(Sha256.of(file), Files.size(file)).build().toJson());
    return file;
  }

  /** A copy with 64 bytes in its middle changed, beside the original's manifest. */
  private static Path corrupt(Path source, Path dir) throws IOException {
    Path file = copyVersion(source, dir);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      long at = f.length() / 2;
      byte[] b = new byte[64];
      f.seek(at);
      f.readFully(b);
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) ~b[i];
      }
      f.seek(at);
      f.write(b);
    }
    return file;
  }

  /**
   * A copy whose {@code item} table has no {@code note} column and whose manifest (with its sha256)
   * records another schema and class shape: a dataset built from other entity classes.
   */
  private static Path otherColumns(Path source, Path dir) throws Exception {
    Path file = copyVersion(source, dir);
    String other = "0".repeat(64);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("alter table item drop column note");
      s.execute(
          "update "
              + DataSetLayout.METADATA_TABLE
              + " set value = '"
              + other
              + "' where key = 'schemaFingerprint'");
    }
    Manifest m;
    try (InputStream in = Files.newInputStream(manifestOf(file))) {
      m = Manifest.read(in, manifestOf(file).toString());
    }
    Manifest n =
        m.toBuilder()
            .checksum(Sha256.of(file), Files.size(file))
            .schemaFingerprint(other)
            .entityShape("built from other classes")
            .layouts(List.of())
            .build();
    Files.write(manifestOf(file), n.toJson());
    return file;
  }

  /**
   * Renames {@code version} (file, then manifest) over {@code live}: the file through a new hard
   * link, so that the run measures the switch and not the copying of 100 MB.
   */
  private static void install(Path version, Path live) throws IOException {
    Path tmp = live.resolveSibling(".bench.sqlite.tmp");
    Files.deleteIfExists(tmp);
    Files.createLink(tmp, version);
    Files.move(tmp, live, StandardCopyOption.ATOMIC_MOVE);
    Path tmpManifest = live.resolveSibling(".bench.manifest.json.tmp");
    Files.copy(manifestOf(version), tmpManifest, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmpManifest, manifestOf(live), StandardCopyOption.ATOMIC_MOVE);
  }
}
