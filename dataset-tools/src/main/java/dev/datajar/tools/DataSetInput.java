package dev.datajar.tools;

import dev.datajar.runtime.format.DataSetIndex;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SqliteFiles;
import dev.datajar.tools.internal.DataSetFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * One built dataset, opened for reading by the tools: its SQLite file on disk, its manifest, and a
 * class loader that can load its entity classes.
 *
 * <p>Made from a dataset jar, a class folder or {@code META-INF/datasets} folder, or a {@code
 * .sqlite} file. A dataset inside a jar is copied to a temporary file, which {@link #close()}
 * deletes; close every input.
 *
 * <pre>{@code
 * try (DataSetInput in = DataSetInput.open(Path.of("geo-1.0.jar"), null, null)) {
 *   System.out.print(new Inspector().inspect(in).toText());
 * }
 * }</pre>
 */
public final class DataSetInput implements AutoCloseable {
  private final String name;
  private final String label;
  private final Path file;
  private final Manifest manifest;
  private final ClassLoader classLoader;
  private final Path temporary;
  private final URLClassLoader ownLoader;

  private DataSetInput(
      String name,
      String label,
      Path file,
      Manifest manifest,
      ClassLoader classLoader,
      Path temporary,
      URLClassLoader ownLoader) {
    this.name = name;
    this.label = label;
    this.file = file;
    this.manifest = manifest;
    this.classLoader = classLoader;
    this.temporary = temporary;
    this.ownLoader = ownLoader;
  }

  /**
   * Opens the dataset at {@code location}.
   *
   * @param location a dataset jar, a folder holding {@code META-INF/datasets/} (such as {@code
   *     target/classes}), a {@code META-INF/datasets} folder itself, or a {@code .sqlite} file
   * @param dataSet which dataset, where the location holds several; {@code null} for the only one
   * @param classLoader loads the entity classes; {@code null} makes one over the jar or folder
   * @param label names the input in messages and reports (e.g. the coordinates it came from);
   *     {@code null} for the path
   * @throws ToolException if there is no such file, it holds no dataset or several and none was
   *     named, or the file is not a datajar dataset file
   */
  public static DataSetInput open(
      Path location, String dataSet, ClassLoader classLoader, String label) throws ToolException {
    String shown = label != null ? label : location.toString();
    if (!Files.exists(location)) {
      throw new ToolException(
          shown
              + " does not exist: expected a dataset jar, a class folder"
              + " with META-INF/datasets/, or a .sqlite file");
    }
    try {
      if (Files.isDirectory(location)) {
        return openFolder(location, dataSet, classLoader, shown);
      }
      if (DataSetFiles.isZip(location)) {
        return openJar(location, dataSet, classLoader, shown);
      }
      return openFile(location, dataSet, classLoader, shown);
    } catch (IOException e) {
      throw new ToolException(shown + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The names of the datasets a jar or folder holds (empty if it holds none), without opening any
   * of them.
   */
  public static List<String> namesIn(Path location) throws ToolException {
    try {
      if (Files.isDirectory(location)) {
        Path index = location.resolve(DataSetLayout.INDEX);
        if (!Files.isRegularFile(index)) {
          index = location.resolve(DataSetLayout.INDEX_NAME); // a META-INF/datasets folder
        }
        return Files.isRegularFile(index) ? readIndex(index) : List.of();
      }
      if (Files.isRegularFile(location) && DataSetFiles.isZip(location)) {
        try (JarFile zip = new JarFile(location.toFile())) {
          return indexInJar(zip).orElse(List.of());
        }
      }
      return List.of();
    } catch (IOException e) {
      throw new ToolException(location + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** The dataset's name. */
  public String name() {
    return name;
  }

  /** What the input was given as (a path or coordinates), for messages and reports. */
  public String label() {
    return label;
  }

  /** The SQLite file, on disk for as long as this input is open. */
  public Path file() {
    return file;
  }

  /** The manifest beside the file, if there is one (a bare {@code .sqlite} file may have none). */
  public Optional<Manifest> manifest() {
    return Optional.ofNullable(manifest);
  }

  /** Loads the dataset's entity classes, if anything can. */
  public Optional<ClassLoader> classLoader() {
    return Optional.ofNullable(classLoader);
  }

  /** A read-only connection to the file; the caller closes it. */
  public Connection connect() throws SQLException {
    return SqliteFiles.openReadOnly(file);
  }

  @Override
  public void close() {
    try {
      if (ownLoader != null) {
        ownLoader.close();
      }
      if (temporary != null) {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataSetInput openFolder(
      Path folder, String dataSet, ClassLoader loader, String shown)
      throws IOException, ToolException {
    Path datasets = folder.resolve(DataSetLayout.RESOURCE_DIR);
    Path root = folder;
    if (!Files.isDirectory(datasets)) {
      if (Files.isRegularFile(folder.resolve(DataSetLayout.INDEX_NAME))) {
        datasets = folder; // the META-INF/datasets folder itself
        root = folder.getParent() == null ? null : folder.getParent().getParent();
      } else {
        throw new ToolException(
            shown
                + " holds no dataset: neither "
                + DataSetLayout.INDEX
                + " nor an index file is in it. Expected a dataset module's target/classes (build"
                + " it first: mvn package) or a dataset jar");
      }
    }
    String chosen = choose(readIndex(datasets.resolve(DataSetLayout.INDEX_NAME)), dataSet, shown);
    Path sqlite = datasets.resolve(DataSetLayout.sqliteFileName(chosen));
    Manifest manifest =
        readManifest(datasets.resolve(DataSetLayout.manifestFileName(chosen)), shown);
    refuseIfInPostgres(chosen, shown, manifest);
    DataSetFiles.check(sqlite, shown);
    URLClassLoader own = null;
    if (loader == null && root != null) {
      own = loaderOver(root);
      loader = own;
    }
    return new DataSetInput(chosen, shown, sqlite, manifest, loader, null, own);
  }

  private static DataSetInput openJar(Path jar, String dataSet, ClassLoader loader, String shown)
      throws IOException, ToolException {
    String chosen;
    Manifest manifest;
    Path temp = Files.createTempFile("datajar-tools-", ".sqlite");
    boolean done = false;
    try (JarFile zip = new JarFile(jar.toFile())) {
      Optional<List<String>> names = indexInJar(zip);
      if (names.isEmpty()) {
        throw new ToolException(
            shown
                + " holds no dataset: "
                + DataSetLayout.INDEX
                + " is"
                + " missing. Expected a jar of a module built with the dataset-maven-plugin's"
                + " build goal");
      }
      chosen = choose(names.get(), dataSet, shown);
      ZipEntry sqlite =
          zip.getEntry(DataSetLayout.RESOURCE_DIR + DataSetLayout.sqliteFileName(chosen));
      ZipEntry man =
          zip.getEntry(DataSetLayout.RESOURCE_DIR + DataSetLayout.manifestFileName(chosen));
      Manifest read = null;
      if (man != null) {
        try (InputStream in = zip.getInputStream(man)) {
          read = Manifest.read(in, shown + "!/" + man.getName());
        }
        refuseIfInPostgres(chosen, shown, read);
      }
      if (sqlite == null || man == null) {
        throw new ToolException(
            shown
                + ": the index lists dataset '"
                + chosen
                + "' but "
                + DataSetLayout.RESOURCE_DIR
                + (sqlite == null
                    ? DataSetLayout.sqliteFileName(chosen)
                    : DataSetLayout.manifestFileName(chosen))
                + " is missing. Rebuild the jar");
      }
      manifest = read;
      try (InputStream in = zip.getInputStream(sqlite)) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      DataSetFiles.check(temp, shown + "!/" + sqlite.getName());
      URLClassLoader own = null;
      if (loader == null) {
        own = loaderOver(jar);
        loader = own;
      }
      done = true;
      return new DataSetInput(chosen, shown, temp, manifest, loader, temp, own);
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static DataSetInput openFile(
      Path sqlite, String dataSet, ClassLoader loader, String shown)
      throws IOException, ToolException {
    DataSetFiles.check(sqlite, shown);
    String name = DataSetFiles.nameOf(sqlite, shown);
    if (dataSet != null && !dataSet.equals(name)) {
      throw new ToolException(
          shown
              + " holds dataset '"
              + name
              + "', not '"
              + dataSet
              + "'. Name the dataset it holds, or give the file of '"
              + dataSet
              + "'");
    }
    Path beside = sqlite.resolveSibling(DataSetLayout.manifestFileName(name));
    Manifest manifest = Files.isRegularFile(beside) ? readManifest(beside, shown) : null;
    return new DataSetInput(name, shown, sqlite, manifest, loader, null, null);
  }

  /** Loads the entity classes from the jar or class folder the dataset came from. */
  private static URLClassLoader loaderOver(Path jarOrFolder) throws IOException {
    return new URLClassLoader(
        "datajar dataset classes",
        new URL[] {jarOrFolder.toUri().toURL()},
        DataSetInput.class.getClassLoader());
  }

  /**
   * The schema of dataset {@code name} in a class folder (its {@code META-INF/datasets}) if it was
   * built into PostgreSQL, else empty (a SQLite file, or no manifest).
   */
  public static Optional<String> postgresSchema(Path folder, String name)
      throws IOException, ToolException {
    Path file =
        folder.resolve(DataSetLayout.RESOURCE_DIR).resolve(DataSetLayout.manifestFileName(name));
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Manifest m = readManifest(file, folder.toString());
    return m.inPostgres() ? Optional.of(m.postgres().schema()) : Optional.empty();
  }

  /** The tools read dataset files: a dataset that lives in a PostgreSQL schema is refused. */
  private static void refuseIfInPostgres(String name, String shown, Manifest m)
      throws ToolException {
    if (m.inPostgres()) {
      throw new ToolException(
          shown
              + ": dataset '"
              + name
              + "' was built into PostgreSQL (schema "
              + m.postgres().schema()
              + "), and the tools (inspect, dump, diff, guard, the command line's build) read datasets built"
              + " into SQLite files only."
              + " Build it without dataset.jdbc.url to use them on it");
    }
  }

  private static Manifest readManifest(Path file, String shown) throws IOException, ToolException {
    if (!Files.isRegularFile(file)) {
      throw new ToolException(
          shown
              + ": "
              + file.getFileName()
              + " is missing beside the"
              + " dataset file. Rebuild the dataset (mvn package)");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Manifest.read(in, file.toString());
    }
  }

  /** The names in an index file. */
  private static List<String> readIndex(Path index) throws IOException {
    return DataSetIndex.read(Files.newInputStream(index));
  }

  /** The names in a jar's index, or empty if the jar has no index. */
  private static Optional<List<String>> indexInJar(JarFile zip) throws IOException {
    ZipEntry index = zip.getEntry(DataSetLayout.INDEX);
    return index == null
        ? Optional.empty()
        : Optional.of(DataSetIndex.read(zip.getInputStream(index)));
  }

  /**
   * The dataset to open: {@code wanted}, or the only one listed.
   *
   * @param shown names the jar or folder in messages
   * @throws ToolException if the index is empty, does not list {@code wanted}, or lists several and
   *     none was named
   */
  private static String choose(List<String> names, String wanted, String shown)
      throws ToolException {
    if (names.isEmpty()) {
      throw new ToolException(
          shown
              + " holds no dataset: its index is empty. Rebuild it with"
              + " the dataset-maven-plugin's build goal");
    }
    if (wanted != null) {
      if (!names.contains(wanted)) {
        throw new ToolException(
            shown
                + " has no dataset '"
                + wanted
                + "'; it holds "
                + String.join(", ", names)
                + ". Name one of those");
      }
      return wanted;
    }
    if (names.size() > 1) {
      throw new ToolException(
          shown
              + " holds "
              + names.size()
              + " datasets ("
              + String.join(", ", names)
              + "); name the one you mean (--dataset NAME on the"
              + " command line, -Ddataset.names=NAME in Maven)");
    }
    return names.get(0);
  }

  @Override
  public String toString() {
    return "dataset '" + name + "' from " + label;
  }
}
