package dev.datajar.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One PostgreSQL cluster in a temp folder of its own, started on loopback only: {@code initdb},
 * {@code pg_ctl start/stop}, and a cold copy of its data for a standby. Once started it keeps its
 * port across restarts, so URLs naming it stay valid.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM runs as root, the folder belongs to an
 * unprivileged OS user ({@code postgres} where that user exists, else {@code nobody}) and every
 * server program runs as that user through {@code runuser}.
 */
final class LocalServer {
  static final String SUPERUSER = "postgres";

  private final Path bin;
  private final Path dir;
  private final String osUser;
  private int port;
  private boolean running;

  private LocalServer(Path bin, Path dir, String osUser) {
    this.bin = bin;
    this.dir = dir;
    this.osUser = osUser;
  }

  /**
   * A new, empty folder for a cluster run with the programs in {@code bin} as {@code osUser}
   * ({@code null}: as this JVM's user).
   */
  static LocalServer create(Path bin, String osUser) {
    try {
      Path dir = Files.createTempDirectory("datajar-pg");
      LocalServer server = new LocalServer(bin, dir, osUser);
      server.own(dir);
      Runtime.getRuntime()
          .addShutdownHook(new Thread(server::destroy, "datajar-test-postgres-stop"));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up a test PostgreSQL cluster", e);
    }
  }

  /** The OS user a server started by this JVM runs as: {@code null} unless this JVM is root. */
  static String defaultOsUser() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return null;
    }
    try {
      Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER);
      return SUPERUSER;
    } catch (UserPrincipalNotFoundException e) {
      return "nobody";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String osUser() {
    return osUser;
  }

  int port() {
    return port;
  }

  Path data() {
    return dir.resolve("data");
  }

  void initdb() {
    run(
        bin.resolve("initdb").toString(),
        "-D",
        data().toString(),
        "-A",
        "trust",
        "-U",
        SUPERUSER,
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "--no-sync");
  }

  /** Adds lines to {@code postgresql.conf}; they take effect at the next start. */
  void configure(String... lines) {
    try {
      Files.writeString(
          data().resolve("postgresql.conf"),
          "\n" + String.join("\n", lines) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates an empty file in the data folder, e.g. {@code standby.signal}. */
  void touch(String name) {
    try {
      Path file = Files.createFile(data().resolve(name));
      own(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the server and waits until it accepts connections: on a free loopback port the first
   * time (another try on another port if one was taken in between), on the same port after.
   */
  synchronized void start() {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int candidate = port != 0 ? port : freePort();
      try {
        run(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data().toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "120",
            "-o",
            "-h 127.0.0.1 -p "
                + candidate
                + " -k "
                + dir
                // Durability off: the data lives as long as the test run.
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                + " -c max_connections=200",
            "start");
        port = candidate;
        running = true;
        return;
      } catch (IllegalStateException e) {
        last = e; // most likely another process took the port in between: try another
        if (port != 0) {
          break;
        }
      }
    }
    throw last;
  }

  /** Stops the server (fast shutdown: a clean checkpoint, sessions ended). */
  synchronized void stop() {
    run(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop");
    running = false;
  }

  synchronized boolean running() {
    return running;
  }

  /**
   * A new cluster whose data is a copy of this one's, which must be stopped: the same system
   * identifier and history, as a standby needs. Replication slots are left out.
   */
  synchronized LocalServer copyStopped() {
    if (running) {
      throw new IllegalStateException("copy a stopped cluster only");
    }
    LocalServer copy = create(bin, osUser);
    Path from = data();
    Path to = copy.data();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(p);
        boolean slot = relative.startsWith("pg_replslot") && relative.getNameCount() > 1;
        if (slot || relative.toString().equals("postmaster.pid")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        copy.own(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
    return copy;
  }

  /** Stops the server at once, if running, and deletes its folder. */
  synchronized void destroy() {
    if (running) {
      try {
        run(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data().toString(),
            "-m",
            "immediate",
            "-w",
            "stop");
      } catch (RuntimeException e) {
        System.err.println("datajar test PostgreSQL: " + e.getMessage());
      }
      running = false;
    }
    if (Files.exists(dir)) {
      PostgresPrograms.delete(dir);
    }
  }

  /** Gives {@code path} to the server's OS user (PostgreSQL checks who owns its data). */
  private void own(Path path) throws IOException {
    if (osUser != null) {
      UserPrincipal owner =
          path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser);
      Files.setOwner(path, owner);
    }
    if (path.equals(dir)) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void run(String... command) {
    List<String> cmd = new ArrayList<>();
    if (osUser != null) {
      cmd.addAll(List.of("runuser", "-u", osUser, "--"));
    }
    cmd.addAll(List.of(command));
    try {
      Path out = Files.createTempFile("datajar-pg", ".out");
      try {
        Process p =
            new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 180 s");
        }
        if (p.exitValue() != 0) {
          String log = Files.readString(out, StandardCharsets.UTF_8);
          Path serverLog = dir.resolve("server.log");
          if (Files.exists(serverLog)) {
            log += Files.readString(serverLog, StandardCharsets.UTF_8);
          }
          throw new IllegalStateException(
              String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n" + log);
        }
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", cmd), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", cmd), e);
    }
  }
}
