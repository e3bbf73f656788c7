package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.nested.Country;
import dev.datajar.builder.fixtures.nested.Spot;
import dev.datajar.runtime.DataSets;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Collections, embeddables and composite keys in source files" as written: its entity
 * is the fixture {@link Country} (the same fields), and its source files build and read back.
 */
class ReadmeCollectionsTest {
  private static final String SECTION =
      "### Collections, embeddables and composite keys in source files";

  @TempDir Path dir;

  @Test
  void readmeExample_buildsAndReadsBack() throws Exception {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf(SECTION);
    assertTrue(start >= 0, "README.md has no section '" + SECTION + "'");
    int end = readme.indexOf("\n#", start + SECTION.length());
    String section = readme.substring(start, end < 0 ? readme.length() : end);

    Matcher java = Pattern.compile("(?s)```java\n(.*?)```").matcher(section);
    assertTrue(java.find(), "no java block");
    assertEquals(fields(fixtureSource()), fields(java.group(1)), "README entity vs. fixture");
    assertTrue(java.group(1).contains("// @Embeddable: double lat, double lon, String label"));
    List<String> spot = new ArrayList<>();
    for (Field f : Spot.class.getDeclaredFields()) {
      spot.add(f.getType().getSimpleName() + " " + f.getName());
    }
    assertEquals(List.of("double lat", "double lon", "String label"), spot);

    Map<String, String> files = new LinkedHashMap<>();
    Matcher csv = Pattern.compile("(?s)`([a-z_]+\\.csv)`:\n\n```csv\n(.*?)```").matcher(section);
    while (csv.find()) {
      files.put(csv.group(1), csv.group(2));
    }
    assertEquals(
        List.of("country.csv", "country_languages.csv", "country_country.csv"),
        List.copyOf(files.keySet()));

    Path sources = Files.createDirectories(dir.resolve("src/nested"));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(sources.resolve(f.getKey()), f.getValue());
    }
    // The fixture dataset has a second entity, which the README does not show.
    Files.writeString(sources.resolve("runway.csv"), "airport,designator,metres\n");
    new DataSetBuilder()
        .build(
            Fixtures.request(dir, "nested")
                .sourceDirectory(dir.resolve("src"))
                .outputDirectory(dir.resolve("out/META-INF/datasets"))
                .build());
    try (DataSets dataSets =
        DataSets.builder()
            .classLoader(
                new URLClassLoader(
                    new URL[] {dir.resolve("out").toUri().toURL()}, getClass().getClassLoader()))
            .cacheDirectory(dir.resolve("cache"))
            .dataSets("nested")
            .open()) {
      Country be = dataSets.store(Country.class).get("BE").orElseThrow();
      assertEquals(Set.of("nl", "fr"), be.languages);
      assertEquals(Set.of("NL", "LU"), codes(be.neighbours));
      assertEquals(50.85, be.capital.lat);
      Country lu = dataSets.store(Country.class).get("LU").orElseThrow();
      assertNull(lu.capital);
      assertEquals(Set.of("lb"), lu.languages);
    }
  }

  private static Set<String> codes(Set<Country> countries) {
    Set<String> out = new TreeSet<>();
    countries.forEach(c -> out.add(c.code));
    return out;
  }

  private static String fixtureSource() throws Exception {
    return Files.readString(
        Path.of("src/test/java/dev/datajar/builder/fixtures/nested/Country.java"),
        StandardCharsets.UTF_8);
  }

  /** The field declarations of a class's text, without modifiers and comments. */
  private static List<String> fields(String source) {
    List<String> out = new ArrayList<>();
    for (String line : source.lines().toList()) {
      String l = line.replaceAll("//.*", "").replaceAll("\\b(private|public) ", "").strip();
      if (l.endsWith(";") && !l.startsWith("import") && !l.startsWith("package")) {
        out.add(l);
      }
    }
    return out;
  }
}
