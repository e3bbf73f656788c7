package dev.datajar.testing.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresProgramsTest {
  @TempDir Path cache;

  @Test
  void unpacked_bySeveralAtOnce_givesOneCompleteFolderAndLeavesNothingElse() throws Exception {
    String bundle = PostgresPrograms.bundleName();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Path> unpack = () -> PostgresPrograms.unpacked(bundle, cache);
      List<Future<Path>> results = pool.invokeAll(List.of(unpack, unpack));
      Path first = results.get(0).get();
      for (Future<Path> r : results) {
        assertEquals(first, r.get());
      }
      for (String program : List.of("initdb", "pg_ctl", "postgres")) {
        assertTrue(Files.isExecutable(first.resolve("bin").resolve(program)), program);
      }
      assertTrue(Files.isSymbolicLink(first.resolve("lib/libpq.so.5")));
      try (Stream<Path> left = Files.list(cache)) {
        assertEquals(List.of(first), left.toList(), "no unpacking folder is left behind");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void bin_namedFolderWithoutThePrograms_saysWhichProgramIsMissing() {
    System.setProperty(PostgresPrograms.PROPERTY, cache.toString());
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class, PostgresPrograms::bin);
      assertEquals(
          "-Ddatajar.test.postgres.bin (or DATAJAR_TEST_POSTGRES_BIN) is '"
              + cache
              + "', which has no program 'initdb'. Name the folder of a PostgreSQL server's"
              + " programs (initdb, pg_ctl, postgres), e.g. /usr/lib/postgresql/17/bin, or unset"
              + " it to use the PostgreSQL that comes through Maven.",
          e.getMessage());
    } finally {
      System.clearProperty(PostgresPrograms.PROPERTY);
    }
  }
}
