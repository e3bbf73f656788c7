package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.runtime.fixture.Assignment;
import dev.datajar.runtime.fixture.City;
import dev.datajar.runtime.fixture.Country;
import dev.datajar.runtime.fixture.Fixtures;
import dev.datajar.runtime.fixture.Vendor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain entities (basic attributes, to-ones) are read with JDBC, not Hibernate: same answers as
 * HQL, fresh objects per call, to-ones loaded eagerly.
 */
class FastPathTest {
  @TempDir static Path root;
  static Injector injector;
  static Store<Assignment> assignments;
  static Store<Vendor> vendors;

  @BeforeAll
  static void open() {
    Fixtures.geo(root);
    Fixtures.oui(root);
    injector =
        Guice.createInjector(DataSetModule.builder().classLoader(Fixtures.loader(root)).build());
    assignments = injector.getInstance(Key.get(new TypeLiteral<Store<Assignment>>() {}));
    vendors = injector.getInstance(Key.get(new TypeLiteral<Store<Vendor>>() {}));
  }

  @AfterAll
  static void close() {
    injector.getInstance(DataSets.class).close();
  }

  @Test
  void plainEntities_andOneToManys_takeTheFastPath() {
    DataSets engines = injector.getInstance(DataSets.class);
    assertTrue(engines.reader(Assignment.class).hasFastPath());
    assertTrue(engines.reader(Vendor.class).hasFastPath());
    assertTrue(engines.reader(Country.class).hasFastPath()); // a @OneToMany(mappedBy)
    assertTrue(engines.reader(City.class).hasFastPath()); // its to-one target has one
  }

  /** The same query through the fast path and through HQL. */
  private static void same(Query q, String hqlWhere, Object... params) {
    List<String> fast = assignments.search(q).stream().map(Assignment::toString).toList();
    List<String> hql =
        assignments
            .query("select e from Assignment e " + hqlWhere, Assignment.class, params)
            .stream()
            .map(Assignment::toString)
            .toList();
    assertEquals(hql, fast, q.toString());
  }

  @Test
  void search_answersAsHqlDoes() {
    same(Query.all(), "order by e.id");
    same(Query.where(Where.eq("size", 24)), "where e.size = 24 order by e.id");
    same(Query.where(Where.ne("size", 24)), "where e.size <> 24 order by e.id");
    same(Query.where(Where.isNull("size")), "where e.size is null order by e.id");
    same(
        Query.where(Where.eq("vendor.id", 1L)).orderByDesc("block"),
        "where e.vendor.id = 1 order by e.block desc, e.id");
    same(Query.where(Where.isNull("vendor.id")), "where e.vendor is null order by e.id");
    same(
        Query.where(Where.or(Where.startsWith("block", "00:1"), Where.like("block", "70%"))),
        "where e.block like '00:1%' or e.block like '70%' order by e.id");
    same(
        Query.where(Where.in("id", 5L, 1L, 3L)).orderBy("size").offset(1).limit(1),
        "where e.id in (1, 3, 5) order by e.size, e.id limit 1 offset 1");
    same(
        Query.where(Where.not(Where.between("id", 2L, 4L))),
        "where e.id not between 2 and 4 order by e.id");
    same(
        Query.where(Where.eq("vendor.name", "Apple")),
        "where e.vendor.name = 'Apple' order by e.id");
  }

  @Test
  void stream_readsLazily_andReleasesItsConnection() {
    for (int i = 0; i < 50; i++) { // more times than there are connections
      assertEquals(6, assignments.stream().count()); // not closed, but read to the end
    }
    for (int i = 0; i < 50; i++) {
      try (Stream<Assignment> s = assignments.stream(Query.where(Where.eq("vendor.id", 1L)))) {
        assertEquals("Apple", s.findFirst().orElseThrow().getVendor().getName()); // closed early
      }
    }
    try (Stream<Assignment> s =
        assignments.stream(Query.all().orderByDesc("id").offset(1).limit(3))) {
      assertEquals(List.of(5L, 4L, 3L), s.map(Assignment::getId).toList());
    }
    try (Stream<Assignment> s = assignments.stream()) {
      List<Assignment> all = s.toList();
      assertNotSame(
          all.get(0).getVendor(), all.get(2).getVendor()); // no identity map: constant memory
      assertEquals(all.get(0).getVendor().getName(), all.get(2).getVendor().getName());
    }
  }

  @Test
  void count_ignoresOffsetAndLimit() {
    assertEquals(6, assignments.count());
    assertEquals(4, assignments.count(Query.where(Where.eq("size", 24)).offset(3).limit(1)));
    assertEquals(3, assignments.count(Query.where(Where.eq("vendor.id", 1L))));
  }

  @Test
  void get_loadsToOnesEagerly_andFreshEachCall() {
    Assignment a = assignments.get(1L).orElseThrow();
    assertEquals("Apple", a.getVendor().getName());
    a.setBlock("changed");
    Assignment b = assignments.get(1L).orElseThrow();
    assertNotSame(a, b);
    assertNotSame(a.getVendor(), b.getVendor());
    assertEquals("00:03:93", b.getBlock());
    assertEquals(null, assignments.get(4L).orElseThrow().getVendor());
    assertEquals(Optional.empty(), assignments.get(42L));
  }

  @Test
  void oneCall_sharesTargetsLikeASession() {
    List<Assignment> apple = assignments.search(Query.where(Where.eq("vendor.id", 1L)));
    assertSame(apple.get(0).getVendor(), apple.get(1).getVendor());
    List<Optional<Assignment>> all = assignments.getAll(List.of(3L, 99L, 1L));
    assertEquals(
        "[Optional[Assignment[3 00:1B:63 24 Apple]], Optional.empty, Optional[Assignment[1 00:03:93 24 Apple]]]",
        all.toString());
  }

  @Test
  void firstOneAndErrors_workOnTheFastPath() {
    assertEquals("00:00:0C", assignments.one(Query.where(Where.eq("vendor.id", 2L))).getBlock());
    assertThrows(
        MultipleRowsFoundException.class, () -> assignments.one(Query.where(Where.eq("size", 24))));
    assertThrows(
        RowNotFoundException.class, () -> assignments.one(Query.where(Where.eq("size", 99))));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> assignments.search(Query.where(Where.eq("vendr.id", 1L))));
    assertEquals(
        "'vendr.id': Assignment has no attribute 'vendr'. Valid attributes: block, id, size, vendor",
        e.getMessage());
    assertEquals(
        List.of("Apple", "Cisco", "Intel"),
        vendors.search(Query.all().orderBy("name")).stream().map(Vendor::getName).toList());
    assertEquals(1, vendors.count(Query.where(Where.isNull("prefix"))));
  }

  @Test
  void cyclesOfToOnes_resolveToOneObjectPerCall() {
    Assignment a3 = assignments.get(3L).orElseThrow();
    assertSame(a3, a3.getVendor().getFirstAssignment());
    Assignment a1 = assignments.get(1L).orElseThrow();
    assertEquals(3L, a1.getVendor().getFirstAssignment().getId());
    assertSame(a1.getVendor(), a1.getVendor().getFirstAssignment().getVendor());
    assertTrue(injector.getInstance(DataSets.class).reader(Vendor.class).hasFastPath());
  }

  @Test
  void cyclesOfToOnes_resolveToOneObjectPerRow_inStreams() {
    // A stream keeps an identity map only for entities whose to-ones can meet an entity twice.
    List<Assignment> all;
    try (Stream<Assignment> s = assignments.stream()) {
      all = s.toList();
    }
    Assignment a3 = all.stream().filter(a -> a.getId() == 3L).findFirst().orElseThrow();
    assertSame(a3, a3.getVendor().getFirstAssignment());
    Assignment a1 = all.stream().filter(a -> a.getId() == 1L).findFirst().orElseThrow();
    assertEquals(3L, a1.getVendor().getFirstAssignment().getId());
    assertSame(a1.getVendor(), a1.getVendor().getFirstAssignment().getVendor());
  }

  @Test
  void enums_byNameAndByOrdinal() {
    Vendor apple = vendors.get(1L).orElseThrow();
    assertEquals(Vendor.Kind.LARGE, apple.getKind());
    assertEquals(Vendor.Kind.LARGE, apple.getTier());
    assertEquals(
        List.of("Apple", "Cisco"),
        vendors.search(Query.where(Where.eq("kind", Vendor.Kind.LARGE))).stream()
            .map(Vendor::getName)
            .toList());
    assertEquals(
        List.of("Intel"),
        vendors.search(Query.where(Where.gt("tier", Vendor.Kind.LARGE))).stream()
            .map(Vendor::getName)
            .toList());
    assertEquals(
        List.of("Cisco", "Apple", "Intel"),
        vendors.search(Query.all().orderBy("tier")).stream().map(Vendor::getName).toList());
    assertEquals(
        vendors.query(
            "select v.name from Vendor v where v.kind = ?1 order by v.id",
            String.class,
            Vendor.Kind.LARGE),
        List.of("Apple", "Cisco"));
  }
}
