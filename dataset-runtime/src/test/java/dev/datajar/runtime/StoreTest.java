package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.runtime.fixture.City;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.Country_;
import dev.datajar.runtime.fixture.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@link Store} method over a real injector and a real SQLite file opened in place. */
class StoreTest {
  @TempDir static Path root;
  static Injector injector;
  static Store<Country> countries;
  static Store<City> cities;

  @BeforeAll
  static void open() {
    Fixtures.geo(root);
    injector =
        Guice.createInjector(DataSetModule.builder().classLoader(Fixtures.loader(root)).build());
    countries = injector.getInstance(Key.get(new TypeLiteral<Store<Country>>() {}));
    cities = injector.getInstance(Key.get(new TypeLiteral<Store<City>>() {}));
  }

  @AfterAll
  static void close() {
    injector.getInstance(DataSets.class).close();
  }

  static List<String> alpha2(List<Country> list) {
    return list.stream().map(Country::getAlpha2).toList();
  }

  static List<String> alpha2(Query q) {
    return alpha2(countries.search(q));
  }

  @Test
  void search_returnsAllRowsByPrimaryKey() {
    assertEquals(
        List.of("FR", "DE", "JP", "BR", "NZ", "IS", "AQ", "EG", "ES", "ZA"),
        alpha2(countries.search()));
  }

  @Test
  void search_comparisons() {
    assertEquals(List.of("FR", "DE", "IS", "ES"), alpha2(Query.where(Where.eq("continent", "EU"))));
    assertEquals(
        List.of("JP", "BR", "NZ", "AQ", "EG", "ZA"),
        alpha2(Query.where(Where.ne("continent", "EU"))));
    assertEquals(
        List.of("IS", "NZ"),
        alpha2(Query.where(Where.lt("population", 6_000_000L)).orderBy("population")));
    assertEquals(
        List.of("IS", "NZ"),
        alpha2(Query.where(Where.le("population", 5_100_000)).orderBy("population")));
    assertEquals(List.of("BR"), alpha2(Query.where(Where.gt("population", 125_000_000L))));
    assertEquals(List.of("JP", "BR"), alpha2(Query.where(Where.ge("population", 125_000_000L))));
    assertEquals(
        List.of("FR", "ES", "ZA"),
        alpha2(Query.where(Where.between("population", 48_000_000, 68_000_000))));
  }

  @Test
  void search_inLikePrefixNulls() {
    assertEquals(List.of("FR", "JP"), alpha2(Query.where(Where.in("alpha2", "JP", "FR", "XX"))));
    assertEquals(List.of(), alpha2(Query.where(Where.in("alpha2", List.of()))));
    assertEquals(
        List.of("ZA", "ES"), alpha2(Query.where(Where.like("name", "s%")).orderBy("name")));
    assertEquals(List.of("IS"), alpha2(Query.where(Where.startsWith("name", "Ic"))));
    assertEquals(List.of(), alpha2(Query.where(Where.startsWith("name", "ic"))));
    assertEquals(List.of("AQ"), alpha2(Query.where(Where.isNull("population"))));
    assertEquals(List.of("AQ"), alpha2(Query.where(Where.eq("population", null))));
    assertEquals(9, countries.count(Query.where(Where.isNotNull("population"))));
    assertEquals(9, countries.count(Query.where(Where.ne("population", null))));
  }

  @Test
  void search_andOrNot() {
    assertEquals(
        List.of("FR", "DE"),
        alpha2(Query.where(Where.eq("continent", "EU")).and(Where.gt("population", 50_000_000L))));
    assertEquals(
        List.of("JP", "EG", "ZA"),
        alpha2(Query.where(Where.or(Where.eq("continent", "AS"), Where.eq("continent", "AF")))));
    assertEquals(
        List.of("IS", "ES"),
        alpha2(
            Query.where(
                Where.and(
                    Where.eq("continent", "EU"), Where.not(Where.in("alpha2", "FR", "DE"))))));
  }

  @Test
  void search_orderOffsetLimit() {
    assertEquals(List.of("BR", "JP", "EG"), alpha2(Query.all().orderByDesc("population").limit(3)));
    assertEquals(
        List.of("EG", "DE"), alpha2(Query.all().orderByDesc("population").offset(2).limit(2)));
    assertEquals(
        List.of("DE", "IS", "ES"),
        alpha2(Query.where(Where.eq("continent", "EU")).orderBy("name").offset(1).orderBy("id")));
    assertEquals(
        List.of("ZA", "EG", "AQ"),
        alpha2(Query.all().orderBy("continent").orderByDesc("area").limit(3)));
  }

  @Test
  void search_metamodelAttributes() {
    assertEquals(List.of("FR"), alpha2(Query.where(Where.eq(Country_.alpha2, "FR"))));
    assertEquals(
        List.of("BR", "JP"),
        alpha2(
            Query.where(Where.gt(Country_.population, 100_000_000L))
                .and(Where.ne(Country_.continent, "AF"))
                .orderByDesc(Country_.population)));
  }

  @Test
  void search_dottedPathFollowsToOne() {
    assertEquals(
        List.of("Paris", "Lyon"),
        cities.search(Query.where(Where.eq("country.alpha2", "FR"))).stream()
            .map(City::getName)
            .toList());
  }

  @Test
  void search_unknownAttribute_listsValidOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> countries.search(Query.where(Where.eq("alpha3", "FRA"))));
    assertEquals(
        "'alpha3': Country has no attribute 'alpha3'. Valid attributes: alpha2, area,"
            + " cities, continent, id, name, population",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> countries.search(Query.all().orderBy("nmae")));
    assertTrue(
        e.getMessage().startsWith("'nmae': Country has no attribute 'nmae'."), e.getMessage());
  }

  @Test
  void search_wrongValueType_saysWhichTypeIsExpected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> countries.search(Query.where(Where.eq("population", "many"))));
    assertEquals(
        "'population' of Country is a Long, but the value many is a String. Pass a Long.",
        e.getMessage());
  }

  @Test
  void nulls_failWithAClearMessage() {
    assertEquals(
        "in('alpha2', ...) contains null, which matches nothing in SQL: use"
            + " or(in(...), isNull(...))",
        assertThrows(IllegalArgumentException.class, () -> Where.in("alpha2", "FR", null))
            .getMessage());
    assertEquals(
        "null is not an id of Country",
        assertThrows(
                IllegalArgumentException.class,
                () -> countries.getAll(java.util.Arrays.asList(1L, null)))
            .getMessage());
  }

  @Test
  void first_andOne() {
    assertEquals(
        "JP", countries.first(Query.where(Where.eq("continent", "AS"))).orElseThrow().getAlpha2());
    assertEquals(
        "DE",
        countries
            .first(Query.where(Where.eq("continent", "EU")).offset(1))
            .orElseThrow()
            .getAlpha2());
    assertEquals(Optional.empty(), countries.first(Query.where(Where.eq("continent", "XX"))));
    assertEquals("Japan", countries.one(Query.where(Where.eq("alpha2", "JP"))).getName());
    RowNotFoundException none =
        assertThrows(
            RowNotFoundException.class, () -> countries.one(Query.where(Where.eq("alpha2", "XX"))));
    assertEquals("no Country matches where alpha2 = 'XX'", none.getMessage());
    MultipleRowsFoundException many =
        assertThrows(
            MultipleRowsFoundException.class,
            () -> countries.one(Query.where(Where.eq("continent", "EU"))));
    assertEquals(
        "more than one Country matches where continent = 'EU'; use first(query) or"
            + " search(query) if several are expected",
        many.getMessage());
  }

  @Test
  void count_ignoresOffsetAndLimit() {
    assertEquals(10, countries.count());
    assertEquals(4, countries.count(Query.where(Where.eq("continent", "EU")).offset(1).limit(1)));
    assertEquals(10, cities.count());
  }

  @Test
  void get_byId() {
    assertEquals("France", countries.get(1L).orElseThrow().getName());
    assertEquals("Germany", countries.get(2).orElseThrow().getName()); // int widened to the Long id
    assertEquals(Optional.empty(), countries.get(99L));
    assertThrows(IllegalArgumentException.class, () -> countries.get("1"));
  }

  @Test
  void getAll_keepsTheOrderOfTheIds() {
    List<Optional<Country>> got = countries.getAll(List.of(3L, 99L, 1L, 3L));
    assertEquals(4, got.size());
    assertEquals("JP", got.get(0).orElseThrow().getAlpha2());
    assertFalse(got.get(1).isPresent());
    assertEquals("FR", got.get(2).orElseThrow().getAlpha2());
    assertEquals("JP", got.get(3).orElseThrow().getAlpha2());
    assertEquals(List.of(), countries.getAll(List.of()));
  }

  @Test
  void stream_readsLazilyAndCloses() {
    try (Stream<Country> s = countries.stream(Query.where(Where.eq("continent", "EU")))) {
      assertEquals("FR,DE,IS,ES", s.map(Country::getAlpha2).collect(Collectors.joining(",")));
    }
    try (Stream<City> s = cities.stream()) {
      assertEquals(10, s.count());
    }
    try (Stream<City> s = cities.stream()) {
      assertEquals("Paris", s.findFirst().orElseThrow().getName()); // closed before the end
    }
  }

  @Test
  void relationships_loadAfterTheCallReturned() {
    City paris = cities.get(1L).orElseThrow();
    assertEquals("France", paris.getCountry().getName());
    Country japan = countries.get(3L).orElseThrow();
    assertEquals(List.of("Tokyo", "Osaka"), japan.getCities().stream().map(City::getName).toList());
    List<City> all = cities.search();
    assertEquals("Japan", all.get(4).getCountry().getName());
    try (Stream<City> s = cities.stream()) {
      assertEquals(
          List.of("France", "France", "Germany"),
          s.limit(3).toList().stream().map(c -> c.getCountry().getName()).toList());
    }
  }

  @Test
  void returnedObjects_areTheCallersOwn() {
    Country a = countries.get(1L).orElseThrow();
    a.setName("changed");
    Country b = countries.get(1L).orElseThrow();
    assertNotSame(a, b);
    assertEquals("France", b.getName());
    assertEquals("France", countries.one(Query.where(Where.eq("alpha2", "FR"))).getName());
  }

  record NameAndCode(String name, String alpha2) {}

  record CityRow(String name, Long countryId) {}

  @Test
  void query_hqlToRecords() {
    assertEquals(
        List.of(new NameAndCode("Egypt", "EG"), new NameAndCode("South Africa", "ZA")),
        countries.query(
            "select name, alpha2 from Country where continent = ?1 order by id",
            NameAndCode.class,
            "AF"));
    assertEquals(
        List.of(new CityRow("Tokyo", 3L), new CityRow("Osaka", 3L)),
        cities.query(
            "select c.name, c.country.id from City c where c.country.alpha2 = ?1 order by c.id",
            CityRow.class,
            "JP"));
    assertEquals(
        List.of(4L),
        countries.query("select count(*) from Country where continent = ?1", Long.class, "EU"));
  }

  @Test
  void sql_toRecords() {
    assertEquals(
        List.of(new CityRow("Tokyo", 3L), new CityRow("Osaka", 3L)),
        cities.sql(
            "select name, country_id as countryId from city where country_id = ? order by id",
            CityRow.class,
            3));
    assertEquals(
        List.of("Berlin"), cities.sql("select name from city where id = ?", String.class, 3));
  }

  /** A named parameter in query(): says to number it, not Hibernate's "no parameter '?1'". */
  @Test
  void query_withANamedParameter_saysToNumberIt() {
    String text =
        message(
            () ->
                countries.query(
                    "select c from Country c where c.continent = :continent", Country.class, "EU"));
    assertTrue(
        text.endsWith(
            "query() binds its values to the positional parameters ?1, ?2, …, and the query names"
                + " :continent: write ?1, ?2, … in their places, numbered in the order of the"
                + " values"),
        text);
  }

  record Population(String name, int population) {}

  /** A result that does not fit the type asked for, or a parameter sql() cannot bind: says why. */
  @Test
  void sql_mistakes_sayWhatToChange() {
    String text = message(() -> cities.sql("select name from city order by id", CityRow.class));
    assertTrue(
        text.endsWith(
            "the result has no column labelled 'countryId' for the record component"
                + " CityRow.countryId (its columns: name); label one with 'as countryId'"),
        text);
    text = message(() -> cities.sql("select name, id from city", String.class));
    assertTrue(
        text.endsWith(
            "sql() into String reads one column, and the result has 2 (name, id): select one, or"
                + " read the row into a record"),
        text);
    text =
        message(
            () ->
                cities.sql(
                    "select name, case when id = 2 then null else population end as population"
                        + " from city order by id",
                    Population.class));
    assertTrue(
        text.endsWith(
            "row 2 has NULL in column 'population', and the record component"
                + " Population.population is a primitive int: declare it Integer to read NULLs, or"
                + " leave those rows out"),
        text);
    text = message(() -> cities.sql("select name from city", City.class));
    assertTrue(
        text.endsWith(
            "the result has no column labelled 'id' for the id column of entity City (its"
                + " columns: name); label one with 'as id'"),
        text);
    text =
        message(
            () ->
                cities.sql(
                    "select name from city where name = ?",
                    String.class,
                    java.time.DayOfWeek.MONDAY));
    assertTrue(
        text.endsWith(
            "parameter 1 is an enum (DayOfWeek.MONDAY), and sql() cannot tell whether the column"
                + " it meets holds names or ordinals: pass DayOfWeek.MONDAY.name() or .ordinal(),"
                + " as the column is stored"),
        text);
  }

  private static String message(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(DataSetException.class, call).getMessage();
  }
}
