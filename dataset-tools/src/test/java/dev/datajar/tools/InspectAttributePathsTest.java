package dev.datajar.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 4: inspect names composite-key and embedded columns by their attribute paths
 * ({@code Runway.airport}, {@code Country.capital.lat}), not {@code Runway.null} or {@code
 * Country.capital}, and gives their Java types.
 */
class InspectAttributePathsTest {
  @TempDir Path dir;

  @Test
  void inspect_namesCompositeKeyAndEmbeddedColumnsByAttributePath() throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src/airfields"));
    Files.writeString(sources.resolve("country.csv"), "code,lat,lon\nNL,52.37,4.9\n");
    Files.writeString(
        sources.resolve("runway.csv"), "airport,designator,metres\nAMS,18R,3800\nAMS,06,3500\n");
    Path classes = Path.of("target/test-classes");
    new DataSetBuilder()
        .build(
            BuildRequest.builder()
                .classesDirectory(classes)
                .classLoader(getClass().getClassLoader())
                .sourceDirectory(dir.resolve("src"))
                .outputDirectory(dir.resolve("out/META-INF/datasets"))
                .workDirectory(dir.resolve("work"))
                .dataSets(Set.of("airfields"))
                .build());
    String text;
    try (DataSetInput input =
        DataSetInput.open(dir.resolve("out"), "airfields", getClass().getClassLoader(), "x")) {
      text = new Inspector().inspect(input).toText();
    }
    assertTrue(
        text.contains(
            "table country  1 row  (entity Country)\n"
                + "  column  stored     java    attribute\n"
                + "  code    text       String  Country.code  primary key\n"
                + "  lat     real blob  double  Country.capital.lat\n"
                + "  lon     real blob  double  Country.capital.lon\n"),
        text);
    assertTrue(
        text.contains(
            "table runway  2 rows  (entity Runway)\n"
                + "  column      stored   java    attribute\n"
                + "  airport     text     String  Runway.airport  primary key 1/2\n"
                + "  designator  text     String  Runway.designator  primary key 2/2\n"
                + "  metres      integer  int     Runway.metres  not null\n"),
        text);
  }
}
