package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.builder.PostgresTarget;
import dev.datajar.it.lobs.Attachment;
import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSetOpenException;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.testing.postgres.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset in PostgreSQL following the newest schema of {@code datajar.datasets} whose fingerprint
 * matches the running entity classes (issue 20, item 2). Every version is built by the real builder
 * into the test server: the lobs dataset from this module's classes and sources (rows added per
 * version), and once from other entity classes.
 */
class PostgresFollowTest {

  @TempDir Path tmp;

  /** Builds lobs as {@code version} into the database {@code url}; returns the output root. */
  private Path build(String version, Path classes, Path sources, String url) throws Exception {
    TestPostgres pg = TestPostgres.get();
    return LobsBuilds.build(
        tmp, version, classes, sources, new PostgresTarget(url, pg.user(), pg.password(), version));
  }

  private Path build(String version, int extraRows, String url) throws Exception {
    return build(
        version, LobsBuilds.CLASSES, LobsBuilds.sources(tmp, version, extraRows, false), url);
  }

  /** Builds lobs from other entity classes (only Attachment) as {@code version}. */
  private void buildFromOtherClasses(String version, String url) throws Exception {
    build(version, LobsBuilds.otherClasses(tmp), LobsBuilds.sources(tmp, version, 4, true), url);
  }

  /** A class loader that finds the manifest of {@code built} (built into {@code url}) first. */
  private static ClassLoader manifestOf(Path built) {
    return new PostgresDataSets.ManifestsFirst(built, PostgresFollowTest.class.getClassLoader());
  }

  /** The schema fingerprint the schema of {@code version} records, and its name. */
  private static String[] schemaOf(String url, String version) throws SQLException {
    TestPostgres pg = TestPostgres.get();
    try (Connection c = pg.connect(url);
        PreparedStatement p =
            c.prepareStatement(
                "select schema_name from datajar.datasets where dataset = 'lobs' and version = ?")) {
      p.setString(1, version);
      try (ResultSet rs = p.executeQuery()) {
        assertTrue(rs.next(), version);
        String schema = rs.getString(1);
        try (ResultSet f =
            c.createStatement()
                .executeQuery(
                    "select value from \""
                        + schema
                        + "\".datajar_metadata where key = 'schema_fingerprint'")) {
          assertTrue(f.next(), schema);
          return new String[] {schema, f.getString(1)};
        }
      }
    }
  }

  @Test
  void reloadTakesTheNewestMatchingSchema_andRefusesOneOfOtherClasses() throws Exception {
    TestPostgres pg = TestPostgres.get();
    String url = pg.createDatabase("follow");
    ClassLoader loader = manifestOf(build("1.0", 0, url));
    try (DataSets ds =
        DataSets.builder()
            .classLoader(loader)
            .dataSets("lobs")
            .jdbc("lobs", url + "?user=" + pg.user())
            .open()) {
      Store<Attachment> attachments = ds.store(Attachment.class);
      assertEquals(5, attachments.count());
      String first = ds.info("lobs").schema();
      assertEquals(schemaOf(url, "1.0")[0], first);
      // Nothing newer yet: nothing changes.
      assertEquals(first, ds.reload("lobs").schema());

      // A stream opened on 1.0 finishes on it, whatever is served meanwhile.
      try (Stream<Attachment> before = attachments.stream(Query.all())) {
        Iterator<Attachment> it = before.iterator();
        it.next();
        build("2.0", 2, url);
        DataSetInfo now = ds.reload("lobs");
        assertEquals(schemaOf(url, "2.0")[0], now.schema());
        assertEquals(7, attachments.count());
        assertEquals(7L, now.tables().get("attachment"));
        int rest = 0;
        while (it.hasNext()) {
          it.next();
          rest++;
        }
        assertEquals(4, rest, "the stream read 1.0 to its end");
      }

      // A newer schema built from other entity classes: refused, naming both fingerprints.
      buildFromOtherClasses("3.0", url);
      String[] other = schemaOf(url, "3.0");
      String running = schemaOf(url, "2.0")[1];
      assertNotEquals(running, other[1]);
      DataSetOpenException e = assertThrows(DataSetOpenException.class, () -> ds.reload("lobs"));
      assertTrue(e.getMessage().contains(other[0]), e.getMessage());
      assertTrue(e.getMessage().contains(other[1]), e.getMessage());
      assertTrue(e.getMessage().contains(running), e.getMessage());
      assertTrue(e.getMessage().contains("keeps serving"), e.getMessage());
      assertEquals(7, attachments.count());
      // Refused once: the next reload does not report it again, and changes nothing.
      assertEquals(schemaOf(url, "2.0")[0], ds.reload("lobs").schema());

      // An older version loaded later is ignored: 2.0 stays.
      build("1.5", 1, url);
      assertEquals(schemaOf(url, "2.0")[0], ds.reload("lobs").schema());
      assertEquals(7, attachments.count());
    }
  }

  @Test
  void followsTheNewestSchemaWithGuice() throws Exception {
    TestPostgres pg = TestPostgres.get();
    String url = pg.createDatabase("follow");
    ClassLoader loader = manifestOf(build("1.0", 0, url));
    Injector injector =
        Guice.createInjector(
            DataSetModule.builder()
                .classLoader(loader)
                .dataSets("lobs")
                .jdbc("lobs", url + "?user=" + pg.user())
                .follow("lobs", Duration.ofMillis(50))
                .build());
    DataSets ds = injector.getInstance(DataSets.class);
    try {
      BlockingQueue<String> news = LobsBuilds.news(ds, DataSetInfo::schema);
      Store<Attachment> attachments =
          injector.getInstance(Key.get(new TypeLiteral<Store<Attachment>>() {}));
      assertEquals(5, attachments.count());
      build("2.0", 1, url);
      String v2 = schemaOf(url, "2.0")[0];
      assertEquals("switched to " + v2, news.poll(60, TimeUnit.SECONDS));
      assertEquals(6, attachments.count());
      buildFromOtherClasses("3.0", url);
      assertEquals("refused while serving " + v2, news.poll(60, TimeUnit.SECONDS));
      assertEquals(6, attachments.count());
    } finally {
      ds.close();
    }
  }
}
