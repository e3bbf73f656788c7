package dev.datajar.tools;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.DataSetBuilder;
import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.DataSetMembership;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * Builds a dataset again from its dump and compares the new file with the original, byte for byte.
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
    ClassLoader loader =
        original
            .classLoader()
            .orElseThrow(
                () ->
                    new ToolException(
                        original.label()
                            + ": the entity classes are needed to rebuild from a dump"));
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
      Path output = work.resolve("out");
      try (URLClassLoader view =
          new URLClassLoader(
              "datajar rebuild classes", new URL[] {classes.toUri().toURL()}, loader)) {
        BuildRequest request =
            BuildRequest.builder()
                .classesDirectory(classes)
                .classLoader(view)
                .sourceDirectory(dumpOutput.resolve("src").resolve("main").resolve("datasets"))
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
      Path rebuilt = output.resolve(DataSetLayout.sqliteFileName(original.name()));
      return new Result(rebuilt, sha256(original.file()), sha256(rebuilt));
    } catch (DataSetBuildException e) {
      throw new ToolException(
          "the dump of dataset '" + original.name() + "' does not build: " + e.getMessage(), e);
    } catch (ClassNotFoundException e) {
      throw new ToolException(
          original.label() + ": entity class " + e.getMessage() + " cannot be loaded", e);
    } catch (IOException e) {
      throw new IllegalStateException("rebuilding " + original + " failed: " + e, e);
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
