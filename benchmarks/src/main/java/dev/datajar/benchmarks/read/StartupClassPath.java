package dev.datajar.benchmarks.read;

import dev.datajar.benchmarks.data.BenchPaths;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarOutputStream;

/**
 * The class path of the start-up benchmark's child JVMs: what a service that depends on a dataset
 * jar would have, and nothing of the benchmarks themselves.
 *
 * <ul>
 *   <li>{@code probe.jar}: {@link StartupProbe} and its nested classes only, written here;
 *   <li>the dataset jar;
 *   <li>the runtime and its dependencies, as separate jars: {@code target/startup/lib/}, listed in
 *       {@code target/startup/classpath.txt}, both written by the {@code bench} profile's build.
 * </ul>
 *
 * Jars only, no folders: class-data sharing ({@code -XX:ArchiveClassesAtExit}) refuses a class path
 * with a non-empty folder on it.
 */
final class StartupClassPath {
  /** The command that builds everything the start-up benchmark reads. */
  static final String BUILD_COMMAND = "mvn -P bench -pl benchmarks -am package -DskipTests";

  private StartupClassPath() {}

  /** {@code benchmarks/target/startup}: the folder the {@code bench} profile fills. */
  static Path buildOutput() {
    return BenchPaths.targetDirectory().resolve("startup");
  }

  /** The runtime and its dependencies, in the order Maven resolved them. */
  static List<Path> serviceLibraries() throws IOException {
    Path listing = buildOutput().resolve("classpath.txt");
    if (!Files.isRegularFile(listing)) {
      throw new IllegalStateException(
          listing
              + " not found: it lists the jars a service has"
              + " (the runtime and its dependencies), which the start-up benchmark puts on its child"
              + " JVMs' class path. Build it with: "
              + BUILD_COMMAND);
    }
    List<Path> jars = new ArrayList<>();
    for (String entry : Files.readString(listing).trim().split(File.pathSeparator)) {
      Path jar = buildOutput().resolve(entry.trim());
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(
            jar
                + " (listed in "
                + listing
                + ") not found. Build it"
                + " again with: "
                + BUILD_COMMAND);
      }
      jars.add(jar);
    }
    return jars;
  }

  /**
   * The iso-codes dataset jar: {@code override} if given, else the copy the {@code bench} profile
   * made in {@code target/startup/datasets/}, else the one in {@code datasets/iso-codes/target/}.
   */
  static Path isoCodesJar(Path override) throws IOException {
    return datasetJar("iso-codes", override, "--iso-jar");
  }

  /** The ieee-oui dataset jar, found as {@link #isoCodesJar} finds iso-codes'. */
  static Path ieeeOuiJar(Path override) throws IOException {
    return datasetJar("ieee-oui", override, "--oui-jar");
  }

  private static Path datasetJar(String module, Path override, String option) throws IOException {
    if (override != null) {
      if (!Files.isRegularFile(override)) {
        throw new IllegalStateException(option + " " + override + ": no such file");
      }
      return override.toAbsolutePath();
    }
    Path copied = buildOutput().resolve("datasets");
    Path target =
        BenchPaths.targetDirectory()
            .getParent()
            .resolveSibling("datasets")
            .resolve(module)
            .resolve("target");
    String glob = "dataset-" + module + "-*.jar";
    for (Path dir : List.of(copied, target)) {
      Path jar = find(dir, glob);
      if (jar != null) {
        return jar;
      }
    }
    throw new IllegalStateException(
        "no "
            + module
            + " dataset jar: looked for "
            + glob
            + " in "
            + copied
            + " and in "
            + target
            + ". Build it with: "
            + BUILD_COMMAND
            + " (or pass "
            + option
            + " <file>)");
  }

  private static Path find(Path dir, String glob) throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, glob)) {
      for (Path jar : jars) {
        String name = jar.getFileName().toString();
        if (!name.endsWith("-sources.jar")
            && !name.endsWith("-javadoc.jar")
            && !name.endsWith("-tests.jar")) {
          return jar.toAbsolutePath();
        }
      }
    }
    return null;
  }

  /**
   * Writes {@code probe.jar} into {@code dir}: {@link StartupProbe} and its nested classes, copied
   * from wherever this code runs (the shaded benchmarks jar or {@code target/classes}).
   */
  static Path writeProbeJar(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path jar = dir.resolve("probe.jar");
    Path tmp = dir.resolve("probe.jar.tmp");
    try (OutputStream file = Files.newOutputStream(tmp);
        JarOutputStream out = new JarOutputStream(file)) {
      for (Class<?> type : StartupProbe.class.getNestMembers()) {
        DataSetJar.putClass(out, type);
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    return jar;
  }
}
