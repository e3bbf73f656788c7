package dev.datajar.testing.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
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

      // A JVM killed while unpacking leaves its folder: the next one removes it once it is old.
      Path abandoned = Files.createDirectories(cache.resolve("x.unpacking.1/bin"));
      Files.setLastModifiedTime(
          abandoned.getParent(), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
      Path recent = Files.createDirectory(cache.resolve("x.unpacking.2"));
      assertEquals(first, PostgresPrograms.unpacked(bundle, cache));
      try (Stream<Path> left = Files.list(cache)) {
        assertEquals(Set.of(first, recent), left.collect(Collectors.toSet()));
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
