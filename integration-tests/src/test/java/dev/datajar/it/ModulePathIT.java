package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime as a user on the module path meets it: a named module that {@code requires
 * dev.datajar.runtime} and the packaged dataset jar (an automatic module), compiled with javac and
 * run with {@code java --module-path}, opens the shop dataset and reads it through {@code Store}
 * (the plain reads, which need no Hibernate: Hibernate ORM 7 itself does not start on the module
 * path without modules its POM does not bring, such as jakarta.cdi for jakarta.transaction); a
 * module that imports the storage format does not compile.
 */
class ModulePathIT {
  private static final Path JAR =
      Path.of("target", "datajar-integration-tests.jar").toAbsolutePath();

  /** The runtime and its dependencies (build-classpath, runtime scope) and the dataset jar. */
  private static List<Path> modulePath;

  @TempDir Path work;

  @BeforeAll
  static void modulePath() throws IOException {
    assertTrue(Files.isRegularFile(JAR), JAR + " is built by 'package', before this test");
    Path list = Path.of(System.getProperty("datajar.it.runtimeClassPath", "missing"));
    assertTrue(Files.isRegularFile(list), list + " is written by maven-dependency-plugin");
    modulePath = new ArrayList<>();
    for (String entry : Files.readString(list).strip().split(File.pathSeparator)) {
      modulePath.add(Path.of(entry));
    }
    modulePath.add(JAR);
  }

  private static String path(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Writes {@code files} (path, text pairs) under {@code src} and compiles them into {@code out}.
   */
  private static List<String> compile(Path src, Path out, String... files) throws IOException {
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < files.length; i += 2) {
      Path file = src.resolve(files[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, files[i + 1]);
      sources.add(file);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files2 =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok =
          javac
              .getTask(
                  null,
                  files2,
                  diagnostics,
                  List.of("--module-path", path(modulePath), "-d", out.toString()),
                  null,
                  files2.getJavaFileObjectsFromPaths(sources))
              .call();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(d.getMessage(Locale.ROOT));
        }
      }
      assertEquals(ok, errors.isEmpty(), errors.toString());
      return errors;
    }
  }

  @Test
  void namedModule_readsTheDataSetThroughStore() throws Exception {
    Path out = work.resolve("classes");
    List<String> errors =
        compile(
            work.resolve("src"),
            out,
            "module-info.java",
            """
            module com.example.reader {
              requires dev.datajar.runtime;
              requires datajar.integration.tests;
            }
            """,
            "com/example/reader/Main.java",
            """
            package com.example.reader;

            import dev.datajar.it.shop.Product;
            import dev.datajar.runtime.DataSets;
            import dev.datajar.runtime.Query;
            import dev.datajar.runtime.Store;
            import dev.datajar.runtime.Where;
            import java.nio.file.Path;

            public final class Main {
              public static void main(String[] args) {
                try (DataSets dataSets =
                    DataSets.builder().cacheDirectory(Path.of(args[0])).open()) {
                  Store<Product> products = dataSets.store(Product.class);
                  Product laptop =
                      products.one(Query.where(Where.eq("sku", "LAP-13")));
                  System.out.println(
                      "READ " + products.count() + "|" + laptop.getSku()
                          + "|" + products.get(1L).orElseThrow().getSku()
                          + "|" + Main.class.getModule().getName()
                          + "|" + DataSets.class.getModule().getName());
                }
              }
            }
            """);
    assertEquals(List.of(), errors);

    List<Path> runPath = new ArrayList<>(modulePath);
    runPath.add(0, out);
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "--module-path",
                path(runPath),
                "--module",
                "com.example.reader/com.example.reader.Main",
                work.resolve("cache").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the reader did not finish");
    assertEquals(0, p.exitValue(), output);
    assertTrue(
        output
            .lines()
            .anyMatch("READ 11|LAP-13|LAP-13|com.example.reader|dev.datajar.runtime"::equals),
        output);
    // Quiet, as on the class path: no ServiceLoader error (the descriptor's 'uses'), no SLF4J
    // warning, no Hibernate record; only the line above.
    assertEquals(1, output.lines().count(), output);
  }

  @Test
  void namedModule_cannotImportTheStorageFormat() throws Exception {
    List<String> errors =
        compile(
            work.resolve("src"),
            work.resolve("classes"),
            "module-info.java",
            """
            module com.example.sneaky {
              requires dev.datajar.runtime;
            }
            """,
            "com/example/sneaky/Peek.java",
            """
            package com.example.sneaky;

            import dev.datajar.runtime.format.DataSetLayout;

            public final class Peek {
              public static String index() {
                return DataSetLayout.INDEX;
              }
            }
            """);
    assertFalse(errors.isEmpty(), "importing the storage format compiled");
    assertTrue(
        errors.stream()
            .anyMatch(
                e ->
                    e.contains("package dev.datajar.runtime.format is not visible")
                        || e.contains("does not export dev.datajar.runtime.format")),
        errors.toString());
  }
}
