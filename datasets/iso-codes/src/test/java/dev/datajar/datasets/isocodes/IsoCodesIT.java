package dev.datajar.datasets.isocodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;
import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the packaged {@code dataset-iso-codes} jar through the runtime and checks it against the
 * source files, read independently of the builder.
 */
class IsoCodesIT {
  private static Injector injector;
  private static CountryStore countries;
  private static SubdivisionStore subdivisions;
  private static CurrencyStore currencies;
  private static LanguageStore languages;

  @BeforeAll
  static void openDataSet() {
    injector = Guice.createInjector(Stage.PRODUCTION, new DataSetModule());
    countries = injector.getInstance(CountryStore.class);
    subdivisions = injector.getInstance(SubdivisionStore.class);
    currencies = injector.getInstance(CurrencyStore.class);
    languages = injector.getInstance(LanguageStore.class);
  }

  @AfterAll
  static void close() {
    injector.getInstance(DataSets.class).close();
  }

  @Test
  void dataSet_comesFromThePackagedJar() {
    URL url = IsoCodesIT.class.getClassLoader().getResource("META-INF/datasets/iso-codes.sqlite");
    assertEquals("jar", url.getProtocol(), url.toString());
    assertTrue(url.getPath().contains("dataset-iso-codes-"), url.toString());
  }

  @Test
  void rowCounts_matchTheSourceFiles() throws IOException {
    assertEquals(SourceFiles.rows("country.json", "3166-1").size(), countries.search().size());
    assertEquals(
        SourceFiles.rows(SubdivisionRows.FILE, "3166-2").size(), subdivisions.search().size());
    assertEquals(SourceFiles.rows("currency.json", "4217").size(), currencies.search().size());
    assertEquals(SourceFiles.rows("language.json", "639-3").size(), languages.search().size());
  }

  @Test
  void everyCountry_matchesItsSourceRow() throws IOException {
    for (Map<String, String> row : SourceFiles.rows("country.json", "3166-1")) {
      Country country = countries.byAlpha2(row.get("alpha_2")).orElseThrow();
      assertEquals(row.get("alpha_3"), country.getAlpha3());
      assertEquals(row.get("numeric"), country.getNumericCode());
      assertEquals(row.get("name"), country.getName());
      assertEquals(row.get("official_name"), country.getOfficialName());
      assertEquals(row.get("common_name"), country.getCommonName());
      assertEquals(row.get("flag"), country.getFlag());
    }
  }

  @Test
  void everySubdivision_matchesItsSourceRow() throws IOException {
    Map<String, Subdivision> byCode = new HashMap<>();
    subdivisions.search().forEach(s -> byCode.put(s.getCode(), s));
    for (Map<String, String> row : SourceFiles.rows(SubdivisionRows.FILE, "3166-2")) {
      Subdivision s = byCode.get(row.get("code"));
      assertEquals(row.get("name"), s.getName(), row.get("code"));
      assertEquals(row.get("type"), s.getType(), row.get("code"));
      assertEquals(row.get("code").substring(0, 2), s.getCountry().getAlpha2());
      String parent = row.get("parent");
      assertEquals(
          parent == null
              ? null
              : parent.contains("-") ? parent : row.get("code").substring(0, 3) + parent,
          s.getParent() == null ? null : s.getParent().getCode(),
          row.get("code"));
    }
  }

  @Test
  void everyCurrency_matchesItsSourceRow() throws IOException {
    for (Map<String, String> row : SourceFiles.rows("currency.json", "4217")) {
      Currency currency = currencies.byCode(row.get("alpha_3")).orElseThrow();
      assertEquals(row.get("numeric"), currency.getNumericCode());
      assertEquals(row.get("name"), currency.getName());
    }
  }

  @Test
  void everyLanguage_matchesItsSourceRow() throws IOException {
    Map<String, Language> byCode = new HashMap<>();
    languages.search().forEach(l -> byCode.put(l.getAlpha3(), l));
    for (Map<String, String> row : SourceFiles.rows("language.json", "639-3")) {
      Language l = byCode.get(row.get("alpha_3"));
      String code = row.get("alpha_3");
      assertEquals(row.get("name"), l.getName(), code);
      assertEquals(row.get("alpha_2"), l.getAlpha2(), code);
      assertEquals(row.get("bibliographic"), l.getBibliographic(), code);
      assertEquals(row.get("common_name"), l.getCommonName(), code);
      assertEquals(row.get("inverted_name"), l.getInvertedName(), code);
      assertEquals(row.get("scope"), l.getScope().letter(), code);
      assertEquals(row.get("type"), l.getType().letter(), code);
    }
  }

  @Test
  void country_foundByEveryCode() {
    Country civ = countries.byCode("CI").orElseThrow();
    assertEquals("Côte d'Ivoire", civ.getName());
    assertEquals("Republic of Côte d'Ivoire", civ.getOfficialName());
    assertEquals("\uD83C\uDDE8\uD83C\uDDEE", civ.getFlag());
    assertEquals("CI", countries.byCode("civ").orElseThrow().getAlpha2());
    assertEquals("CI", countries.byCode("384").orElseThrow().getAlpha2());
    assertEquals("AF", countries.byCode("4").orElseThrow().getAlpha2());
    assertEquals("AF", countries.byNumeric(4).orElseThrow().getAlpha2());
  }

  @Test
  void country_keepsCommasApostrophesAndDiacritics() {
    assertEquals("Åland Islands", countries.byCode("AX").orElseThrow().getName());
    Country kr = countries.byCode("KOR").orElseThrow();
    assertEquals("Korea, Republic of", kr.getName());
    assertEquals("South Korea", kr.getCommonName());
    assertNull(kr.getOfficialName());
    assertEquals(
        "Korea, Democratic People's Republic of", countries.byCode("KP").orElseThrow().getName());
  }

  @Test
  void country_unknownCodeIsEmpty() {
    assertTrue(countries.byCode("ZZ").isEmpty());
    assertTrue(countries.byCode("999").isEmpty());
  }

  @Test
  void country_malformedCodeIsRefused() {
    InvalidCodeException e =
        assertThrows(InvalidCodeException.class, () -> countries.byCode("C-I"));
    assertEquals(
        "'C-I' is not an ISO 3166-1 country code: expected two letters (CI), three"
            + " letters (CIV) or a number of up to three digits (384)",
        e.getMessage());
  }

  @Test
  void subdivision_hasItsCountryAndParent() {
    Subdivision armagh = subdivisions.byCode("gb-abc").orElseThrow();
    assertEquals("Armagh City, Banbridge and Craigavon", armagh.getName());
    assertEquals("District", armagh.getType());
    assertEquals("United Kingdom", armagh.getCountry().getName());
    assertEquals("GB-NIR", armagh.getParent().getCode());

    // The source gives this parent in its short form, "NX".
    Subdivision babek = subdivisions.byCode("AZ-BAB").orElseThrow();
    assertEquals("Babək", babek.getName());
    assertEquals("Naxçıvan", babek.getParent().getName());

    Subdivision santJulia = subdivisions.byCode("AD-06").orElseThrow();
    assertEquals("Sant Julià de Lòria", santJulia.getName());
    assertNull(santJulia.getParent());
  }

  @Test
  void subdivisions_ofCountryMatchTheSource() throws IOException {
    long expected =
        SourceFiles.rows(SubdivisionRows.FILE, "3166-2").stream()
            .filter(row -> row.get("code").startsWith("GB-"))
            .count();
    List<Subdivision> gb = subdivisions.ofCountry("gb");
    assertEquals(expected, gb.size());
    assertEquals("GB-ABC", gb.get(0).getCode());
    assertTrue(subdivisions.ofCountry("ZZ").isEmpty());
    assertEquals(32, subdivisions.within(subdivisions.byCode("GB-SCT").orElseThrow()).size());
  }

  @Test
  void currency_foundByAlphabeticAndNumericCode() {
    assertEquals("Euro", currencies.byCode("eur").orElseThrow().getName());
    assertEquals("EUR", currencies.byCode("978").orElseThrow().getAlpha3());
    Currency lek = currencies.byNumeric(8).orElseThrow();
    assertEquals("ALL", lek.getAlpha3());
    assertEquals("008", lek.getNumericCode());
    assertTrue(currencies.byCode("XXQ").isEmpty());
  }

  @Test
  void language_foundByAnyCode() {
    Language french = languages.byCode("fr").orElseThrow();
    assertEquals("fra", french.getAlpha3());
    assertEquals("French", french.getName());
    assertEquals(LanguageScope.INDIVIDUAL, french.getScope());
    assertEquals(LanguageType.LIVING, french.getType());
    assertEquals("fra", languages.byCode("FRE").orElseThrow().getAlpha3());
    assertEquals(LanguageScope.MACROLANGUAGE, languages.byCode("zh").orElseThrow().getScope());
    assertEquals("Albanian, Arbëreshë", languages.byCode("aae").orElseThrow().getInvertedName());
    assertEquals("'Are'are", languages.byCode("alu").orElseThrow().getName());
  }

  @Test
  void language_keepsNamesThatAreNotNormalized() {
    // Decomposed in the source (u + combining tilde); NFC would turn it into one code point.
    assertEquals("Du\u0303ya", languages.byCode("ldb").orElseThrow().getName());
    assertEquals("Daats\u02BCi\u0301in", languages.byCode("dtn").orElseThrow().getName());
  }

  record Name(String alpha2, String name) {}

  /** The README's query() and sql() example, as written there. */
  @Test
  void readmesQueryAndSqlExample() {
    List<Name> a =
        countries.query(
            "select alpha2, name from Country where alpha3 like ?1 order by alpha2",
            Name.class,
            "DE%");
    List<Name> b =
        countries.sql(
            "select alpha_2 as alpha2, name from country where alpha_3 like ? order by alpha_2",
            Name.class,
            "DE%");
    assertEquals(List.of(new Name("DE", "Germany")), a);
    assertEquals(a, b);
    List<String> names =
        countries.sql(
            "select name from country where alpha_2 in (?)", String.class, List.of("DE", "FR"));
    assertEquals(java.util.Set.of("Germany", "France"), java.util.Set.copyOf(names));
    assertEquals(2, names.size());
  }
}
