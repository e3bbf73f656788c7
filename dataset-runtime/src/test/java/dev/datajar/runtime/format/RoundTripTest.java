package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {
  @TempDir Path dir;

  @Test
  void roundTrip_printsSchema() throws Exception {
    SessionFactoryImplementor model = HibernateSetup.buildSessionFactory("samples",
        List.of(Sample.class), null, getClass().getClassLoader(), Map.of());
    SchemaModel schema = SchemaModel.of(model);
    TableModel t = schema.table("sample").orElseThrow();
    System.out.println(t.createStatement());
    t.indexStatements().forEach(System.out::println);
    t.foreignKeys().forEach(System.out::println);
    t.columns().forEach(c -> System.out.println(c + " " + c.valueType().getSimpleName()
        + " attr=" + c.attribute()));

    Map<String, String> row = new LinkedHashMap<>();
    row.put("id", "1");
    row.put("anInt", "-2147483648");
    row.put("aShort", "32767");
    row.put("aByte", "-128");
    row.put("aLong", "-9223372036854775808");
    row.put("aFloat", "3.4028235E38");
    row.put("aDouble", "-0.0");
    row.put("amount", "123456789012345.6789000000");
    row.put("big", "123456789012345678901234567890123456789");
    row.put("flag", "Yes");
    row.put("text", "Côte d'Ivoire 🇨🇮, \"quoted\"");
    row.put("day", "1840-01-22");
    row.put("clock", "03:04:05.123456789");
    row.put("local", "2024-01-02T03:04:05.123456789");
    row.put("instant", "2024-01-02T03:04:05.123456789Z");
    row.put("offset", "2024-01-02T03:04:05.1+05:30");
    row.put("zoned", "2024-03-31T02:30:00+02:00[Europe/Paris]");
    row.put("duration", "PT1H2M3.000000004S");
    row.put("uuid", "123E4567-E89B-12D3-A456-426614174000");
    row.put("bytes", "AAEC/w==");
    row.put("colourName", "indigo");
    row.put("colourOrdinal", "GREEN");
    row.put("shout", "hello");
    row.put("parent", null);
    Path file = dir.resolve("samples.sqlite");
    try (Connection c = SqliteFiles.openForBuild(file)) {
      try (Statement s = c.createStatement()) {
        s.execute(t.createStatement());
      }
      List<String> cols = new ArrayList<>();
      t.columns().forEach(col -> cols.add(TableModel.quote(col.name())));
      String sql = "insert into sample (" + String.join(",", cols) + ") values ("
          + "?,".repeat(cols.size() - 1) + "?)";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        for (ColumnModel col : t.columns()) {
          String key = col.attribute() != null && row.containsKey(col.attribute())
              ? col.attribute() : col.name();
          String text = row.get(key);
          col.bind(ps, i++, text == null ? null : col.parse(text));
        }
        ps.executeUpdate();
      }
      try (Statement s = c.createStatement();
          var rs = s.executeQuery("select * from sample")) {
        rs.next();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          System.out.println(rs.getMetaData().getColumnName(i) + " = " + rs.getString(i)
              + " (" + (rs.getObject(i) == null ? "null" : rs.getObject(i).getClass().getSimpleName()) + ")");
        }
      }
    }
    SessionFactoryImplementor reader = HibernateSetup.buildSessionFactory("samples",
        List.of(Sample.class), SqliteFiles.readOnlyDataSource(file), getClass().getClassLoader(),
        Map.of());
    try (var session = reader.openSession()) {
      Sample s = session.find(Sample.class, 1L);
      assertEquals(Integer.MIN_VALUE, s.anInt);
      assertEquals(Long.MIN_VALUE, s.aLong);
      assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(s.aDouble));
      assertEquals(new java.math.BigDecimal("123456789012345.6789000000"), s.amount);
      assertEquals(new java.math.BigInteger("123456789012345678901234567890123456789"), s.big);
      assertEquals("Côte d'Ivoire 🇨🇮, \"quoted\"", s.text);
      assertEquals(java.time.LocalDate.of(1840, 1, 22), s.day);
      assertEquals(java.time.LocalTime.parse("03:04:05.123456789"), s.clock);
      assertEquals(java.time.LocalDateTime.parse("2024-01-02T03:04:05.123456789"), s.local);
      assertEquals(java.time.Instant.parse("2024-01-02T03:04:05.123456789Z"), s.instant);
      assertEquals(java.time.OffsetDateTime.parse("2024-01-02T03:04:05.1+05:30"), s.offset);
      assertEquals(java.time.ZonedDateTime.parse("2024-03-31T02:30:00+02:00[Europe/Paris]"),
          s.zoned);
      assertEquals(java.time.Duration.parse("PT1H2M3.000000004S"), s.duration);
      assertEquals(java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), s.uuid);
      assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, s.bytes);
      assertEquals(Sample.Colour.INDIGO, s.colourName);
      assertEquals(Sample.Colour.GREEN, s.colourOrdinal);
      assertEquals("HELLO", s.shout);
      assertEquals(Boolean.TRUE, s.flag);
      Long n = session.createQuery("select count(*) from Sample where year(day) = 1840 and"
          + " month(day) = 1 and day(day) = 22 and amount > 99999999999999.5", Long.class)
          .getSingleResult();
      assertEquals(1L, n);
    }
  }
}
