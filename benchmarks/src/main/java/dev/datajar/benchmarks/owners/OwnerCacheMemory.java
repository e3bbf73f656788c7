package dev.datajar.benchmarks.owners;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.benchmarks.data.BenchPaths;
import dev.datajar.benchmarks.data.Machine;
import dev.datajar.builder.BuildLog;
import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuilder;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.management.ObjectName;

/**
 * The heap the runtime's row cache keeps for owners read with their one-to-many targets (issue 18:
 * "memory of cached owners incl. their one-to-many targets"). Builds a {@code shelves} dataset of
 * {@code --owners} {@link Shelf}s with {@code --books} {@link Book}s each, reads every shelf once
 * with {@code Store.get} (dropping the entities), and compares the live heap after a full GC before
 * and after: what is left is what the caches hold. Prints the per-owner figure and the classes that
 * grew (a class histogram of the live heap, before and after).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.datajar.benchmarks.owners.OwnerCacheMemory \
 *     [--owners 5000] [--books 20]</pre>
 */
public final class OwnerCacheMemory {
  private static final Key<Store<Shelf>> SHELVES = Key.get(new TypeLiteral<Store<Shelf>>() {});

  private OwnerCacheMemory() {}

  public static void main(String[] args) throws Exception {
    int owners = 5000;
    int books = 20;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--owners" -> owners = Integer.parseInt(args[++i]);
        case "--books" -> books = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path work = BenchPaths.dataDirectory().resolve("owners-" + owners + "-" + books);
    Path file = build(work, owners, books);
    System.out.println(Machine.describe());
    Injector injector =
        Guice.createInjector(
            DataSetModule.builder().dataSets("shelves").path("shelves", file).build());
    try {
      Store<Shelf> shelves = injector.getInstance(SHELVES);
      long checksum = shelves.get(1L).orElseThrow().getBooks().size(); // classes, connection
      long before = liveHeap();
      Map<String, long[]> histogramBefore = histogram();
      for (long id = 1; id <= owners; id++) {
        checksum += shelves.get(id).orElseThrow().getBooks().size();
      }
      long after = liveHeap();
      Map<String, long[]> histogramAfter = histogram();
      System.out.printf(
          Locale.ROOT,
          "%d owners x %d one-to-many targets read once each (checksum %d)%n"
              + "live heap after a full GC: %.1f MB before, %.1f MB after: %.1f MB cached,"
              + " %.0f bytes per owner, %.0f per target%n",
          owners,
          books,
          checksum,
          before / 1e6,
          after / 1e6,
          (after - before) / 1e6,
          (after - before) / (double) owners,
          (after - before) / (double) owners / books);
      System.out.println("classes that grew (instances, bytes, bytes per owner):");
      List<Map.Entry<String, long[]>> grew = new ArrayList<>();
      for (Map.Entry<String, long[]> e : histogramAfter.entrySet()) {
        long[] b = histogramBefore.getOrDefault(e.getKey(), new long[2]);
        long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
        if (d[1] > 0) {
          grew.add(Map.entry(e.getKey(), d));
        }
      }
      grew.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
      for (Map.Entry<String, long[]> e : grew.subList(0, Math.min(12, grew.size()))) {
        System.out.printf(
            Locale.ROOT,
            "  %-60s %9d %11d %7.1f%n",
            e.getKey(),
            e.getValue()[0],
            e.getValue()[1],
            e.getValue()[1] / (double) owners);
      }
    } finally {
      injector.getInstance(DataSets.class).close();
    }
  }

  /** Builds the dataset once into {@code work/out} and returns its file. */
  private static Path build(Path work, int owners, int books) throws Exception {
    Path out = work.resolve("out");
    Path file = out.resolve("shelves.sqlite");
    if (Files.exists(file)) {
      return file;
    }
    Path sources = work.resolve("sources");
    writeSources(sources.resolve("shelves"), owners, books);
    Path classes = work.resolve("classes");
    for (Class<?> type : List.of(ShelfData.class, Shelf.class, Book.class)) {
      String resource = type.getName().replace('.', '/') + ".class";
      Path target = classes.resolve(resource);
      Files.createDirectories(target.getParent());
      try (InputStream in = OwnerCacheMemory.class.getClassLoader().getResourceAsStream(resource)) {
        Files.write(target, in.readAllBytes());
      }
    }
    BenchPaths.deleteTree(out);
    new DataSetBuilder()
        .build(
            BuildRequest.builder()
                .classesDirectory(classes)
                .classLoader(OwnerCacheMemory.class.getClassLoader())
                .sourceDirectory(sources)
                .outputDirectory(out)
                .workDirectory(work.resolve("builder-work"))
                .dataSets(Set.of("shelves"))
                .force(true)
                .log(BuildLog.SILENT)
                .build());
    return file;
  }

  private static void writeSources(Path dir, int owners, int books) throws IOException {
    Files.createDirectories(dir);
    try (BufferedWriter out =
        Files.newBufferedWriter(dir.resolve("shelf.csv"), StandardCharsets.UTF_8)) {
      out.write("id,name\n");
      for (int id = 1; id <= owners; id++) {
        out.write(id + ",shelf-" + id + "\n");
      }
    }
    try (BufferedWriter out =
        Files.newBufferedWriter(dir.resolve("book.csv"), StandardCharsets.UTF_8)) {
      out.write("id,title,year,shelf_id\n");
      long id = 1;
      for (int shelf = 1; shelf <= owners; shelf++) {
        for (int b = 0; b < books; b++, id++) {
          out.write(id + ",title of book " + id + "," + (1900 + id % 120) + "," + shelf + "\n");
        }
      }
    }
  }

  /** The heap in use after full GCs (until it stops shrinking). */
  private static long liveHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(50);
      long now = rt.totalMemory() - rt.freeMemory();
      if (now >= used) {
        return Math.min(now, used);
      }
      used = now;
    }
    return used;
  }

  /** Class name -> {instances, bytes} of the live heap (the JVM's own histogram: a full GC). */
  private static Map<String, long[]> histogram() throws Exception {
    String text =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    Map<String, long[]> out = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      // "  1:   123   4567  java.lang.String (java.base@17)"
      if (f.length >= 4 && f[0].endsWith(":")) {
        out.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      }
    }
    return out;
  }
}
