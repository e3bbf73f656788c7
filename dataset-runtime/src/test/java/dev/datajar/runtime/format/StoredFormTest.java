package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The storage forms documented in docs/storage.md, as a user sees them with plain SQL: the declared
 * type, SQLite's storage class ({@code typeof}) and the text of the stored value ({@code hex()} for
 * blobs). Changing a form changes the file format: update the docs too.
 */
@Tag("settings")
@Tag("zone")
class StoredFormTest {
  record Form(
      String attribute, String source, String declared, String storageClass, String stored) {
    @Override
    public String toString() {
      return attribute + " '" + source + "'";
    }
  }

  private static final List<Form> EVERY_FORM =
      List.of(
          new Form("aLong", "-9223372036854775808", "integer", "integer", "-9223372036854775808"),
          new Form("anInt", "-1", "integer", "integer", "-1"),
          new Form("aBoolean", "Yes", "integer", "integer", "1"),
          new Form("aDouble", "1e10", "real blob", "real", "10000000000.0"),
          new Form("aDouble", "Infinity", "real blob", "real", "Inf"),
          // SQLite 3.54 writes the shortest text that reads back as the same double; Debian's
          // 3.40.1 shell prints 15 significant digits (0.100000001490116).
          new Form("aFloat", "0.1", "real blob", "real", "0.10000000149011612"),
          new Form("aDecimal", "1.50", "text collate decimal", "text", "1.50"),
          new Form("aDecimal", "1E+3", "text collate decimal", "text", "1000"),
          new Form("aDecimal", "1.5E-3", "text collate decimal", "text", "0.0015"),
          new Form("aDecimal", "-0.00", "text collate decimal", "text", "0.00"),
          new Form(
              "aBigInteger",
              "9223372036854775808",
              "text collate decimal",
              "text",
              "9223372036854775808"),
          new Form("aChar", "é", "text", "text", "é"),
          new Form("aString", "", "text", "text", ""),
          new Form("aString", null, "text", "null", null),
          new Form("aDate", "1840-01-22", "text", "text", "1840-01-22"),
          new Form("aTime", "00:00", "text", "text", "00:00:00"),
          new Form("aTime", "03:04:05.100", "text", "text", "03:04:05.1"),
          new Form("aDateTime", "2024-03-31T02:30", "text", "text", "2024-03-31 02:30:00"),
          new Form(
              "aDateTime",
              "2024-01-02 03:04:05.123456789",
              "text",
              "text",
              "2024-01-02 03:04:05.123456789"),
          new Form(
              "anInstant",
              "1970-01-01T00:00:00Z",
              "text",
              "text",
              "1970-01-01 00:00:00.000000000Z"),
          new Form(
              "anInstant",
              "2024-01-02T08:34:05.123456789+05:30",
              "text",
              "text",
              "2024-01-02 03:04:05.123456789Z"),
          new Form(
              "anOffsetDateTime",
              "2024-01-02T08:49:05+05:45",
              "text",
              "text",
              "2024-01-02 03:04:05.000000000Z [+05:45]"),
          new Form(
              "anOffsetDateTime",
              "2024-01-02T03:04:05-00:00",
              "text",
              "text",
              "2024-01-02 03:04:05.000000000Z [Z]"),
          new Form(
              "aZonedDateTime",
              "2024-10-27T02:30:00+01:00[Europe/Paris]",
              "text",
              "text",
              "2024-10-27 01:30:00.000000000Z [Europe/Paris]"),
          new Form("aDuration", "PT1H2M3.000000004S", "integer", "integer", "3723000000004"),
          new Form(
              "aUuid",
              "123E4567-E89B-12D3-A456-426614174000",
              "text",
              "text",
              "123e4567-e89b-12d3-a456-426614174000"),
          new Form("someBytes", "AAEC/w==", "blob", "blob", "000102FF"),
          new Form("someBytes", "", "blob", "blob", ""),
          new Form("lobBytes", "AAF/gP7/AA==", "blob", "blob", "00017F80FEFF00"),
          new Form("lobBytes", "", "blob", "blob", ""),
          new Form("lobText", " spaced ", "text", "text", " spaced "),
          new Form("lobText", "", "text", "text", ""),
          new Form("labelName", "title", "text", "text", "TITLE"),
          new Form("labelOrdinal", "title", "integer", "integer", "1"),
          new Form("labelDefault", "indigo", "integer", "integer", "3"),
          new Form("labelCode", "i", "text", "text", "i"),
          new Form("shout", "hello", "text", "text", "hello"),
          new Form("aYearMonth", "2024-02-01", "text", "text", "2024-02-01"));

  /** The forms of this run (see {@link Corpus#inScope}). */
  static final List<Form> FORMS =
      EVERY_FORM.stream().filter(f -> Corpus.inScope(f.attribute())).toList();

  @ParameterizedTest(name = "{0}")
  @FieldSource("FORMS")
  void value_isStoredInTheDocumentedForm(Form f) throws Exception {
    CorpusDb db = CorpusDb.shared();
    ColumnModel column = db.column(f.attribute());
    assertEquals(f.declared(), column.declaredType(), f + ": declared type");
    Corpus.Entry entry =
        Corpus.of(f.attribute()).stream()
            .filter(e -> Objects.equals(e.text(), f.source()))
            .findFirst()
            .orElseThrow();
    String c = TableModel.quote(column.name());
    try (Connection conn = SqliteFiles.openReadOnly(db.file);
        PreparedStatement ps =
            conn.prepareStatement(
                "select typeof("
                    + c
                    + "), case typeof("
                    + c
                    + ") when 'blob' then hex("
                    + c
                    + ") else cast("
                    + c
                    + " as text) end"
                    + " from edge where id = ?")) {
      ps.setLong(1, entry.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(
            List.of(f.storageClass(), String.valueOf(f.stored())),
            List.of(rs.getString(1), String.valueOf(rs.getString(2))),
            f.toString());
      }
    }
  }

  @Test
  void orderByDecimal_andInstantRanges_useTheirIndexes() throws Exception {
    List<String> plans = new ArrayList<>();
    try (Connection conn = SqliteFiles.openReadOnly(CorpusDb.shared().file)) {
      for (String sql :
          List.of(
              "select id from edge order by a_decimal",
              "select id from edge where a_decimal < ? order by a_decimal",
              "select id from edge where an_instant between ? and ?")) {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement ps = conn.prepareStatement("explain query plan " + sql)) {
          if (sql.contains("<")) {
            ps.setString(1, "10");
          } else if (sql.contains("between")) {
            ps.setString(1, "1970-01-01 00:00:00.000000000Z");
            ps.setString(2, "2000-01-01 00:00:00.000000000Z");
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              plan.append(rs.getString("detail")).append('\n');
            }
          }
        }
        plans.add(plan.toString());
      }
    }
    assertTrue(plans.get(0).contains("INDEX edge_decimal"), plans.get(0));
    assertFalse(plans.get(0).contains("TEMP B-TREE"), plans.get(0));
    assertTrue(
        plans.get(1).contains("SEARCH edge USING COVERING INDEX edge_decimal"), plans.get(1));
    assertFalse(plans.get(1).contains("TEMP B-TREE"), plans.get(1));
    assertTrue(
        plans.get(2).contains("SEARCH edge USING COVERING INDEX edge_instant"), plans.get(2));
  }
}
