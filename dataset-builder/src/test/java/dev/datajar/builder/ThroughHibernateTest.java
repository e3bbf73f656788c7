package dev.datajar.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.builder.fixtures.fallback.Berth;
import dev.datajar.builder.fixtures.fallback.Capital;
import dev.datajar.builder.fixtures.fallback.Nation;
import dev.datajar.builder.fixtures.fallback.Pilot;
import dev.datajar.builder.fixtures.fallback.Port;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.HibernateProbe;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Where;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mappings the builder accepts but the row path does not read (an inverse one-to-one, a to-one to a
 * column other than the id, and entities whose to-ones lead to those): the build names each entity
 * with its reason and the change that would avoid it, once, as a warning; the service reads them
 * all through Hibernate, which starts only on the first read of one, and the other entities of the
 * dataset read without it.
 */
class ThroughHibernateTest {
  @TempDir Path dir;

  @Test
  void theBuildWarnsPerEntity_andTheyReadThroughHibernate_onlyWhenRead() throws Exception {
    Fixtures.RecordingLog log = new Fixtures.RecordingLog();
    new DataSetBuilder()
        .build(
            Fixtures.request(dir, "fallback")
                .outputDirectory(dir.resolve("classes/META-INF/datasets"))
                .log(log)
                .build());
    List<String> warnings = log.lines.stream().filter(l -> l.startsWith("WARN ")).toList();
    String start = "WARN dataset 'fallback': ";
    String through =
        " will be read through Hibernate, which starts (a few seconds) on the first read of it: ";
    String end = ". (The README's Known limits lists what reads without it.)";
    assertEquals(
        List.of(
            start
                + "Berth"
                + through
                + "one of its to-ones or collections leads to Port, which reads through Hibernate"
                + end,
            start
                + "Capital"
                + through
                + "one of its to-ones or collections leads to Nation, which reads through Hibernate"
                + end,
            start
                + "Nation"
                + through
                + "its attribute 'capital' is the inverse side (mappedBy) of a one-to-one with"
                + " Capital, which the row path does not read. Find the Capital with a search on"
                + " its own to-one instead, or map the to-one on this side"
                + end,
            start
                + "Port"
                + through
                + "its attribute 'nation' is a to-one that joins Nation on a column other than its"
                + " id (referencedColumnName), which the row path does not read. Reference"
                + " Nation's id, or keep the column as a basic attribute and look Nation up by it"
                + end),
        warnings);

    try (URLClassLoader loader =
            new URLClassLoader(
                new URL[] {dir.resolve("classes").toUri().toURL()}, getClass().getClassLoader());
        DataSets ds =
            DataSets.builder()
                .classLoader(loader)
                .cacheDirectory(dir.resolve("cache"))
                .dataSets("fallback")
                .open()) {
      assertTrue(HibernateProbe.rowPath(ds, Pilot.class));
      assertEquals("Bo", ds.store(Pilot.class).get(2L).orElseThrow().name);
      assertFalse(HibernateProbe.started(ds, "fallback"), "a Pilot needs no Hibernate");
      for (Class<?> c : List.of(Nation.class, Capital.class, Port.class, Berth.class)) {
        assertFalse(HibernateProbe.rowPath(ds, c), c.getSimpleName());
      }
      Nation france = ds.store(Nation.class).get("FR").orElseThrow();
      assertEquals("Paris", france.capital.name);
      assertTrue(HibernateProbe.started(ds, "fallback"));
      assertEquals(null, ds.store(Nation.class).get("IS").orElseThrow().capital);
      assertEquals(
          List.of("Le Havre", "Marseille"),
          ds
              .store(Port.class)
              .search(Query.where(Where.eq("nation.name", "France")).orderBy("name"))
              .stream()
              .map(p -> p.name)
              .toList());
      assertEquals("Norway", ds.store(Berth.class).get(11L).orElseThrow().port.nation.name);
      assertEquals("NO", ds.store(Capital.class).get("Oslo").orElseThrow().nation.code);
    }
  }
}
