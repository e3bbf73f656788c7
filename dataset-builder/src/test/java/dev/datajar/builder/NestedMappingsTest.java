package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datajar.builder.fixtures.nested.Country;
import dev.datajar.builder.fixtures.nested.Runway;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Where;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 4: the build side of embeddables, element collections, many-to-many join tables
 * and composite keys (fixture dataset {@code nested}): every table needs a source, NULL for a
 * primitive fails the build where it is written rather than the first read, columns are named by
 * attribute paths, and a nested value is told where it belongs.
 */
class NestedMappingsTest {
  @TempDir Path dir;

  private static final String COUNTRY =
      "code,name,lat,lon,label\n"
          + "NL,Netherlands,52.37,4.9,Amsterdam\n"
          + "BE,Belgium,,,\n"; // no capital: every column of the embeddable NULL
  private static final String LANGUAGES = "country_code,languages\nNL,nl\nBE,nl\nBE,fr\n";
  private static final String NEIGHBOURS = "country_code,neighbours_code\nNL,BE\nBE,NL\n";
  private static final String RUNWAY = "airport,designator,metres\nAMS,18R,3800\nAMS,06,3500\n";

  private String src() {
    return dir.resolve("src/nested").toString();
  }

  private void sources(String... namesAndTexts) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("src/nested"));
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      Files.writeString(folder.resolve(namesAndTexts[i]), namesAndTexts[i + 1]);
    }
  }

  private BuildRequest request() {
    return Fixtures.request(dir, "nested")
        .sourceDirectory(dir.resolve("src"))
        .outputDirectory(dir.resolve("out/META-INF/datasets"))
        .build();
  }

  private String refusal() {
    return assertThrows(DataSetBuildException.class, () -> new DataSetBuilder().build(request()))
        .getMessage();
  }

  @Test
  void build_refusesCollectionAndJoinTablesWithoutSource() throws Exception {
    sources("country.csv", COUNTRY, "runway.csv", RUNWAY);
    String s = src();
    assertEquals(
        "dataset 'nested': 2 problems in "
            + s
            + ":\n"
            + "  1) table 'country_country' (the table of collection Country.neighbours) has no"
            + " source. Looked for "
            + s
            + "/country_country.csv, .json and .jsonl, a folder "
            + s
            + "/country_country/ of such files, a table setting with a <file> or <files> for it,"
            + " and a RowSource whose table() is 'country_country'. Add one of them: one row per"
            + " element, e.g. country_country.csv with the header line"
            + " 'country_code,neighbours_code' (a file with only that line leaves the collection"
            + " empty for every row).\n"
            + "  2) table 'country_languages' (the table of collection Country.languages) has no"
            + " source. Looked for "
            + s
            + "/country_languages.csv, .json and .jsonl, a folder "
            + s
            + "/country_languages/ of such files, a table setting with a <file> or <files> for it,"
            + " and a RowSource whose table() is 'country_languages'. Add one of them: one row per"
            + " element, e.g. country_languages.csv with the header line 'country_code,languages'"
            + " (a file with only that line leaves the collection empty for every row).\n"
            + "2 problems",
        refusal());
  }

  @Test
  void build_readsCollectionTables_andAHeaderOnlyFileIsAnEmptyCollection() throws Exception {
    sources(
        "country.csv",
        COUNTRY,
        "country_languages.csv",
        LANGUAGES,
        "country_country.csv",
        "country_code,neighbours_code\n",
        "runway.csv",
        RUNWAY);
    new DataSetBuilder().build(request());
    try (DataSets dataSets = open()) {
      Country be = dataSets.store(Country.class).get("BE").orElseThrow();
      assertEquals(Set.of("nl", "fr"), be.languages);
      assertEquals(Set.of(), be.neighbours);
    }
  }

  @Test
  void build_refusesNullForAPrimitiveInAnEmbeddable_butNotANullEmbeddable() throws Exception {
    sources(
        "country.csv",
        COUNTRY + "FR,France,,2.35,Paris\nDE,Germany,x,,\n",
        "country_languages.csv",
        LANGUAGES,
        "country_country.csv",
        NEIGHBOURS,
        "runway.csv",
        "airport,designator,metres\nAMS,18R,\n");
    String s = src();
    assertEquals(
        "dataset 'nested': 3 problems in "
            + s
            + "/country.csv:\n"
            + "  1) "
            + s
            + "/country.csv:4:3: column 'lat': NULL for Country.capital.lat, a double, which"
            + " cannot hold NULL, while other columns of Country.capital have values. Give a value,"
            + " leave every column of Country.capital NULL for a null capital, or declare the field"
            + " as Double to allow NULL.\n"
            + "  2) "
            + s
            + "/country.csv:5:3: column 'lat': 'x' is not a number (Country.capital.lat). Fix the"
            + " value.\n"
            + "  3) "
            + s
            + "/country.csv:5:4: column 'lon': NULL for Country.capital.lon, a double, which"
            + " cannot hold NULL, while other columns of Country.capital have values. Give a value,"
            + " leave every column of Country.capital NULL for a null capital, or declare the field"
            + " as Double to allow NULL.\n"
            + "3 problems\n"
            + "dataset 'nested': 1 problem in "
            + s
            + "/runway.csv:\n"
            + "  1) "
            + s
            + "/runway.csv:2:3: column 'metres': NULL in a NOT NULL column (Runway.metres). Give a"
            + " value, or declare the field as Integer to allow NULL.\n"
            + "1 problem",
        refusal());
  }

  @Test
  void build_refusesNullForAPrimitiveInJson_andNeverSuggestsWritingNull() throws Exception {
    sources(
        "country.json",
        "[{\"code\": \"FR\", \"lat\": null, \"lon\": 2.35},\n"
            + " {\"code\": \"DE\", \"lat\": \"x\", \"lon\": 13.4},\n"
            + " {\"code\": \"IT\", \"lon\": 12.5}]\n",
        "country_languages.csv",
        LANGUAGES.lines().findFirst().orElseThrow() + "\n",
        "country_country.csv",
        "country_code,neighbours_code\n",
        "runway.csv",
        RUNWAY);
    String s = src();
    assertEquals(
        "dataset 'nested': 3 problems in "
            + s
            + "/country.json:\n"
            + "  1) "
            + s
            + "/country.json:1:24: $[0].lat: column 'lat': NULL for Country.capital.lat, a double,"
            + " which cannot hold NULL, while other columns of Country.capital have values. Give a"
            + " value, leave every column of Country.capital NULL for a null capital, or declare the"
            + " field as Double to allow NULL.\n"
            + "  2) "
            + s
            + "/country.json:2:24: $[1].lat: column 'lat': 'x' is not a number"
            + " (Country.capital.lat). Fix the value.\n"
            + "  3) "
            + s
            + "/country.json:3: column 'lat': NULL for Country.capital.lat, a double, which cannot"
            + " hold NULL, while other columns of Country.capital have values. Give a value, leave"
            + " every column of Country.capital NULL for a null capital, or declare the field as"
            + " Double to allow NULL.\n"
            + "3 problems",
        refusal());
  }

  @Test
  void messagesAndHeaders_nameCompositeKeyAndEmbeddedColumnsByAttributePath() throws Exception {
    sources(
        "country.csv",
        "code,name,capital.lat,capital.lon,capital.label\nNL,Netherlands,52.37,4.9,Amsterdam\n",
        "country_languages.csv",
        "country_code,languages\n",
        "country_country.csv",
        "country_code,neighbours_code\n",
        "runway.csv",
        "airport,designator,metres\nAMS,18R,3800\nAMS,18R,3500\n");
    String s = src();
    assertEquals(
        "dataset 'nested': 1 problem in "
            + s
            + "/runway.csv:\n"
            + "  1) "
            + s
            + "/runway.csv:3: duplicate primary key (airport, designator) = ('AMS', '18R')"
            + " (Runway.airport): line 2 has the same key. Give each row its own key, or remove the"
            + " duplicate.\n"
            + "1 problem",
        refusal());
    Files.writeString(dir.resolve("src/nested/runway.csv"), RUNWAY);
    new DataSetBuilder().build(request());
    try (DataSets dataSets = open()) {
      Country nl = dataSets.store(Country.class).get("NL").orElseThrow();
      assertEquals(52.37, nl.capital.lat);
      assertEquals("Amsterdam", nl.capital.label);
      assertEquals(
          List.of(3800),
          dataSets.store(Runway.class).search(Query.where(Where.eq("designator", "18R"))).stream()
              .map(r -> r.metres)
              .toList());
    }
  }

  @Test
  void build_readsANullEmbeddableAsNull() throws Exception {
    sources(
        "country.csv",
        COUNTRY,
        "country_languages.csv",
        LANGUAGES,
        "country_country.csv",
        NEIGHBOURS,
        "runway.csv",
        RUNWAY);
    new DataSetBuilder().build(request());
    try (DataSets dataSets = open()) {
      assertNull(dataSets.store(Country.class).get("BE").orElseThrow().capital);
    }
  }

  @Test
  void unknownColumn_forANestedValue_saysWhereEmbeddablesAndCollectionsGo() throws Exception {
    sources(
        "country.json",
        "[{\"code\": \"NL\", \"capital\": {\"lat\": 52.37, \"lon\": 4.9}, \"languages\": [\"nl\"]}]",
        "country_languages.csv",
        LANGUAGES,
        "country_country.csv",
        NEIGHBOURS,
        "runway.csv",
        RUNWAY);
    String s = src();
    assertEquals(
        "dataset 'nested': 2 problems in "
            + s
            + "/country.json:\n"
            + "  1) "
            + s
            + "/country.json:1:28: unknown column 'capital': Country.capital is an embeddable,"
            + " stored flat in columns of table 'country': label (capital.label), lat (capital.lat),"
            + " lon (capital.lon). Give each a field of its own, named by its column or its"
            + " attribute path, instead of one 'capital' value.\n"
            + "  2) "
            + s
            + "/country.json:1:69: unknown column 'languages': Country.languages is a collection,"
            + " loaded from a table of its own, 'country_languages': put its elements in"
            + " country_languages.csv, .json or .jsonl beside this source, one row per element with"
            + " the columns country_code, languages, and remove 'languages' from this source.\n"
            + "2 problems",
        refusal());
  }

  private DataSets open() throws Exception {
    ClassLoader loader =
        new URLClassLoader(
            new URL[] {dir.resolve("out").toUri().toURL()},
            NestedMappingsTest.class.getClassLoader());
    return DataSets.builder()
        .classLoader(loader)
        .cacheDirectory(dir.resolve("cache"))
        .dataSets("nested")
        .open();
  }
}
