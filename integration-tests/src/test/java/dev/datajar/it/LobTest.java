package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.datajar.it.lobs.Attachment;
import dev.datajar.it.lobs.Note;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 6: {@code @Lob byte[]} and {@code @Lob String} built from CSV and JSON read back
 * byte for byte through every read path (plain SQL for {@link Attachment}, Hibernate for {@link
 * Note}, HQL for both), from SQLite and, with {@code -Ddatajar.it.engine=postgres}, from
 * PostgreSQL, where they are {@code bytea} and {@code text}, never large-object {@code oid}s.
 */
class LobTest {
  private final Store<Attachment> attachments = Injectors.store(Attachment.class);
  private final Store<Note> notes = Injectors.store(Note.class);

  private static final byte[] LONG_BYTES = longBytes();
  private static final String LONG_TEXT = "0123456789".repeat(500) + " \u00e9\uD83D\uDE00";

  /** What {@code src/main/datasets/lobs/attachment.csv} says, row by row: id, content, body. */
  private static final List<Object[]> ATTACHMENTS =
      List.of(
          new Object[] {1L, hex("00017f80feff00"), "line one\nline two, \"quoted\" \uD83D\uDE00"},
          new Object[] {2L, new byte[0], ""},
          new Object[] {3L, null, null},
          new Object[] {4L, LONG_BYTES, LONG_TEXT},
          new Object[] {5L, hex("00"), " "});

  /** What {@code note.json} and {@code note_label.csv} say: id, payload, body, labels. */
  private static final List<Object[]> NOTES =
      List.of(
          new Object[] {
            1L, hex("ffd8ffe00010"), "caf\u00e9\ttab\n\uD83D\uDE00", List.of("draft", "urgent")
          },
          new Object[] {2L, new byte[0], "", List.of()},
          new Object[] {3L, null, null, List.of()},
          new Object[] {4L, LONG_BYTES, LONG_TEXT, List.of("long")});

  private static byte[] longBytes() {
    byte[] b = new byte[1024];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static void assertAttachment(Object[] expected, Attachment a) {
    assertNotNull(a, "attachment " + expected[0]);
    String what = "attachment " + expected[0];
    assertEquals(expected[0], a.getId(), what);
    assertArrayEquals((byte[]) expected[1], a.getContent(), what + " content");
    assertEquals(expected[2], a.getBody(), what + " body");
  }

  private static void assertNote(Object[] expected, Note n) {
    assertNotNull(n, "note " + expected[0]);
    String what = "note " + expected[0];
    assertEquals(expected[0], n.getId(), what);
    assertArrayEquals((byte[]) expected[1], n.getPayload(), what + " payload");
    assertEquals(expected[2], n.getBody(), what + " body");
    assertEquals(expected[3], List.copyOf(n.getLabels()), what + " labels");
  }

  @Test
  void plainEntity_getSearchAndStream_readEveryByteAndCharacter() {
    for (Object[] row : ATTACHMENTS) {
      assertAttachment(row, attachments.get(row[0]).orElseThrow());
    }
    List<Attachment> all = attachments.search(Query.all().orderBy("id"));
    assertEquals(ATTACHMENTS.size(), all.size());
    try (Stream<Attachment> s = attachments.stream(Query.all().orderBy("id"))) {
      List<Attachment> streamed = s.toList();
      for (int i = 0; i < ATTACHMENTS.size(); i++) {
        assertAttachment(ATTACHMENTS.get(i), all.get(i));
        assertAttachment(ATTACHMENTS.get(i), streamed.get(i));
      }
    }
  }

  @Test
  void plainEntity_nullIsNotEmpty() {
    assertEquals(
        List.of(3L),
        attachments.search(Query.where(Where.isNull("content"))).stream()
            .map(Attachment::getId)
            .toList());
    assertEquals(
        List.of(3L),
        attachments.search(Query.where(Where.isNull("body"))).stream()
            .map(Attachment::getId)
            .toList());
  }

  @Test
  void hql_readsTheSameValuesAsTheFastPath() {
    List<Attachment> viaHql =
        attachments.query("from Attachment a order by a.id", Attachment.class);
    assertEquals(ATTACHMENTS.size(), viaHql.size());
    for (int i = 0; i < ATTACHMENTS.size(); i++) {
      assertAttachment(ATTACHMENTS.get(i), viaHql.get(i));
    }
    assertArrayEquals(
        LONG_BYTES,
        attachments
            .query("select a.content from Attachment a where a.id = ?1", byte[].class, 4L)
            .get(0));
    assertEquals(
        List.of(LONG_TEXT),
        attachments.query(
            "select a.body from Attachment a where a.name = ?1", String.class, "long"));
  }

  @Test
  void entityReadThroughHibernate_getSearchStreamAndHql() {
    for (Object[] row : NOTES) {
      assertNote(row, notes.get(row[0]).orElseThrow());
    }
    List<Note> all = notes.search(Query.all().orderBy("id"));
    List<Note> viaHql = notes.query("from Note n order by n.id", Note.class);
    try (Stream<Note> s = notes.stream(Query.all().orderBy("id"))) {
      List<Note> streamed = s.toList();
      assertEquals(NOTES.size(), all.size());
      for (int i = 0; i < NOTES.size(); i++) {
        assertNote(NOTES.get(i), all.get(i));
        assertNote(NOTES.get(i), streamed.get(i));
        assertNote(NOTES.get(i), viaHql.get(i));
      }
    }
    assertEquals(
        List.of(2L),
        notes.search(Query.where(Where.eq("body", ""))).stream().map(Note::getId).toList());
  }

  @Test
  void sqlite_storesBlobsAndText() {
    assumeFalse(PostgresDataSets.selected());
    assertEquals(
        List.of("blob", "blob", "null", "blob", "blob"),
        attachments.sql("select typeof(content) from attachment order by id", String.class));
    assertEquals(
        List.of("text", "text", "null", "text", "text"),
        attachments.sql("select typeof(body) from attachment order by id", String.class));
  }

  @Test
  void postgres_storesByteaAndText_notLargeObjects() {
    assumeTrue(PostgresDataSets.selected());
    String types =
        "select table_name || '.' || column_name || ' ' || data_type"
            + " from information_schema.columns where table_schema = current_schema()"
            + " and column_name in ('content', 'body', 'payload') order by 1";
    assertEquals(
        List.of(
            "attachment.body text",
            "attachment.content bytea",
            "note.body text",
            "note.payload bytea"),
        attachments.sql(types, String.class));
  }
}
