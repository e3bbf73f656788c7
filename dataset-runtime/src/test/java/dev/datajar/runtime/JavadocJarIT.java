package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The published Javadoc (the -javadoc.jar 'package' built) shows the API and nothing else: no page
 * of the storage format, of {@code internal} or of PostgreSQL's internals, which the module
 * descriptor exports to datajar's own modules only.
 */
class JavadocJarIT {
  private static final List<String> API =
      List.of("dev.datajar.runtime", "dev.datajar.runtime.source");

  @Test
  void javadocJar_documentsTheApiPackagesOnly() throws IOException {
    assumeFalse(
        Boolean.getBoolean("datajar.javadoc.skip"), "-Dmaven.javadoc.skip=true: no javadoc jar");
    Path jar = Path.of(System.getProperty("datajar.javadoc.jar", "missing"));
    assertTrue(Files.isRegularFile(jar), jar + " is built by 'package', before this test");
    TreeSet<String> pages = new TreeSet<>();
    String elementList = null;
    try (JarFile zip = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = zip.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (entry.getName().endsWith(".html")) {
          pages.add(entry.getName());
        } else if (entry.getName().equals("element-list")) {
          try (var in = zip.getInputStream(entry)) {
            elementList = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
      }
    }
    assertTrue(
        pages.contains("dev.datajar.runtime/dev/datajar/runtime/Store.html"),
        "no page for Store in " + pages);
    List<String> leaked =
        pages.stream()
            .filter(
                p ->
                    p.contains("/format/")
                        || p.contains("/internal/")
                        || p.contains("postgres")
                        || p.contains("Postgres"))
            .map(p -> p.substring(0, p.lastIndexOf('/')).replace("/class-use", ""))
            .distinct()
            .toList();
    assertEquals(List.of(), leaked, "folders of pages of packages that are not API");
    assertTrue(elementList != null, "no element-list in " + jar);
    List<String> packages =
        elementList.lines().filter(l -> !l.startsWith("module:") && !l.isBlank()).toList();
    assertEquals(API, packages, "the packages the Javadoc lists");
  }
}
