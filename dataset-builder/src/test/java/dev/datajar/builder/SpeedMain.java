package dev.datajar.builder;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Informal speed check (not a test): {@code java -Xmx256m -cp ... dev.datajar.builder.SpeedMain
 * <rows> <dir>}. Prints rows per second and the heap in use after the build.
 */
public final class SpeedMain {
  /** Plain sqlite-jdbc: batches of 1,000, one transaction, index created before the load. */
  static void baseline(Path csv, Path db, long n) throws Exception {
    Files.deleteIfExists(db);
    long t0 = System.nanoTime();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.io.BufferedReader r = Files.newBufferedReader(csv)) {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute(
            "create table item (id bigint not null, name varchar(255), code varchar(255),"
                + " price float, group_id bigint, primary key (id))");
        s.execute("create index item_by_group on item (group_id)");
      }
      c.setAutoCommit(false);
      try (java.sql.PreparedStatement ps =
          c.prepareStatement(
              "insert into item (id, name, code, price, group_id) values (?, ?, ?, ?, ?)")) {
        r.readLine();
        int batch = 0;
        for (String line; (line = r.readLine()) != null; ) {
          String[] f = line.split(",");
          ps.setLong(1, Long.parseLong(f[0]));
          ps.setString(2, f[1]);
          ps.setString(3, f[2]);
          ps.setDouble(4, Double.parseDouble(f[3]));
          ps.setLong(5, Long.parseLong(f[4]));
          ps.addBatch();
          if (++batch == 1000) {
            ps.executeBatch();
            batch = 0;
          }
        }
        ps.executeBatch();
      }
      c.commit();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "baseline: %,d rows in %.2f s: %,.0f rows/s%n", n, s, n / s);
  }

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Path dir = Path.of(args.length > 1 ? args[1] : "target/speed");
    Path src = dir.resolve("src/speed");
    Files.createDirectories(src);
    Path items = src.resolve("item.csv");
    if (!Files.exists(items) || Files.size(items) == 0 || !Files.exists(dir.resolve("n" + n))) {
      try (BufferedWriter w = Files.newBufferedWriter(src.resolve("item_group.csv"))) {
        w.write("id,name\n");
        for (int g = 0; g < 1000; g++) {
          w.write(g + ",group " + g + "\n");
        }
      }
      try (BufferedWriter w = Files.newBufferedWriter(items, StandardCharsets.UTF_8)) {
        w.write("id,name,code,price,group\n");
        for (long i = 0; i < n; i++) {
          w.write(
              i
                  + ",item number "
                  + i
                  + ",C"
                  + (i * 7919 % 1000003)
                  + ","
                  + (i % 10000) / 100.0
                  + ","
                  + (i % 1000)
                  + "\n");
        }
      }
      Files.createFile(dir.resolve("n" + n));
    }
    BuildRequest request =
        BuildRequest.builder()
            .classesDirectory(Path.of("target/test-classes"))
            .classLoader(SpeedMain.class.getClassLoader())
            .sourceDirectory(dir.resolve("src"))
            .outputDirectory(dir.resolve("out"))
            .workDirectory(dir.resolve("work"))
            .dataSets(java.util.Set.of("speed"))
            .force(true)
            .log(
                new BuildLog() {
                  @Override
                  public void info(String m) {
                    System.out.println(m);
                  }

                  @Override
                  public void warn(String m) {
                    System.out.println("WARN " + m);
                  }

                  @Override
                  public void debug(String m) {
                    System.out.println("DEBUG " + m);
                  }
                })
            .build();
    for (int run = 0; run < (args.length > 2 ? Integer.parseInt(args[2]) : 1); run++) {
      if (System.getProperty("baseline") != null) {
        baseline(items, dir.resolve("baseline.sqlite"), n);
      }
      long t0 = System.nanoTime();
      new DataSetBuilder().build(request);
      double s = (System.nanoTime() - t0) / 1e9;
      Runtime rt = Runtime.getRuntime();
      System.gc();
      System.out.printf(
          Locale.ROOT,
          "%,d rows in %.2f s: %,.0f rows/s; heap used %d MB, max %d MB%n",
          n,
          s,
          n / s,
          (rt.totalMemory() - rt.freeMemory()) >> 20,
          rt.maxMemory() >> 20);
    }
  }
}
