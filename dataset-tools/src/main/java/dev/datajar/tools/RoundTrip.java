package dev.datajar.tools;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.DataSetBuilder;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.DataSetMembership;
import dev.datajar.tools.internal.EntitySchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Builds a dataset again from its dump and compares the new file with the original, byte for byte
 * ({@link #check}); or builds it from a dump someone edited, to see what a change of the data would
 * do ({@link #build}).
 *
 * <p>The rebuild sees only the dataset's entity classes and its {@code @DataSet} base types: they
 * are copied into a class folder of their own, which is what the builder scans. Row sources of the
 * module (code that filled a table from other files) are therefore not found, and every table,
 * code-filled ones included, is read from its dump file. The classes themselves still load through
 * the input's class loader, so converters and other classes they use resolve as before.
 */
public final class RoundTrip {

  /**
   * Outcome of a rebuild.
   *
   * @param rebuilt the rebuilt file
   * @param originalSha256 SHA-256 of the original file
   * @param rebuiltSha256 SHA-256 of the rebuilt file
   */
  public record Result(Path rebuilt, String originalSha256, String rebuiltSha256) {
    public boolean identical() {
      return originalSha256.equals(rebuiltSha256);
    }
  }

  /**
   * Rebuilds {@code original} from the dump under {@code dumpOutput} (the folder given to {@link
   * Dumper#dump}) in {@code work}, and hashes both files.
   *
   * @throws ToolException if the dump does not build; the message is the builder's
   */
  public Result check(DataSetInput original, Path dumpOutput, Path work) throws ToolException {
    Path rebuilt = build(original, dumpOutput, work.resolve("out"), work);
    try {
      return new Result(rebuilt, sha256(original.file()), sha256(rebuilt));
    } catch (IOException e) {
      throw new IllegalStateException("hashing " + rebuilt + " failed: " + e, e);
    }
  }

  /**
   * Builds {@code original}'s dataset with its own entity classes from the source files under
   * {@code sources} (laid out as a dump: {@code sources/src/main/datasets/<name>/}, edited or not)
   * into {@code output}, the folder that then holds the file, its manifest and the index (what
   * {@code META-INF/datasets/} holds in a jar); {@code work} is scratch space.
   *
   * @return the new SQLite file
   * @throws ToolException if the input has no classes, or the sources do not build (the message is
   *     the builder's, naming file, line, column and value)
   */
  public Path build(DataSetInput original, Path sources, Path output, Path work)
      throws ToolException {
    ClassLoader loader =
        original
            .classLoader()
            .orElseThrow(
                () ->
                    new ToolException(
                        original.label()
                            + ": the entity classes of dataset '"
                            + original.name()
                            + "' are not in it. "
                            + EntitySchema.GIVE_CLASSES));
    Path sourceDirectory = sources.resolve("src").resolve("main").resolve("datasets");
    if (!Files.isDirectory(sourceDirectory.resolve(original.name()))) {
      throw new ToolException(
          sources
              + ": has no folder src/main/datasets/"
              + original.name()
              + "/ (give the folder a dump was written to)");
    }
    try {
      Path classes = work.resolve("classes");
      Set<Class<?>> scanned = new LinkedHashSet<>();
      for (String name : original.manifest().orElseThrow().entities()) {
        Class<?> entity = Class.forName(name, false, loader);
        scanned.add(entity);
        scanned.addAll(DataSetMembership.bases(entity).values());
      }
      for (Class<?> type : scanned) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = loader.getResourceAsStream(resource)) {
          if (in == null) {
            throw new ToolException(
                original.label()
                    + ": "
                    + resource
                    + " is not readable"
                    + " through the dataset's class loader");
          }
          Path target = classes.resolve(resource);
          Files.createDirectories(target.getParent());
          Files.write(target, in.readAllBytes());
        }
      }
      try (URLClassLoader view =
          new URLClassLoader(
              "datajar rebuild classes", new URL[] {classes.toUri().toURL()}, loader)) {
        BuildRequest request =
            BuildRequest.builder()
                .classesDirectory(classes)
                .classLoader(view)
                .sourceDirectory(sourceDirectory)
                .outputDirectory(output)
                .workDirectory(work.resolve("work"))
                .dataSets(Set.of(original.name()))
                .force(true)
                .build();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(view);
        try {
          new DataSetBuilder().build(request);
        } finally {
          thread.setContextClassLoader(previous);
        }
      }
      return output.resolve(DataSetLayout.sqliteFileName(original.name()));
    } catch (DataSetBuildException e) {
      throw new ToolException(
          "dataset '"
              + original.name()
              + "' does not build from "
              + sourceDirectory.resolve(original.name())
              + ": "
              + e.getMessage(),
          e);
    } catch (ClassNotFoundException | LinkageError e) {
      throw EntitySchema.classMissing(original, original.manifest().orElseThrow().entities(), e);
    } catch (IOException e) {
      throw ToolException.cannotWrite("dataset '" + original.name() + "'", output, e);
    } catch (UncheckedIOException e) {
      throw ToolException.cannotWrite("dataset '" + original.name() + "'", output, e.getCause());
    }
  }

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
