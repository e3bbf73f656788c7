package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 21: an index the entities leave unnamed is named {@code <table>_<columns>}. */
class IndexNamesTest {
  @Test
  void unnamedIndexesAndUniqueKeysOfTheMappingAreNamedForTableAndColumns() {
    TableModel t;
    try (HibernateSetup.Booted b =
        HibernateSetup.boot(
            "devices", List.of(IndexedDevice.class), null, getClass().getClassLoader(), Map.of())) {
      t = b.schema().table("device").orElseThrow();
    }
    assertEquals(
        List.of(
            new TableModel.Index("by_label", List.of("label"), false),
            new TableModel.Index("device_ports", List.of("ports"), false),
            new TableModel.Index("device_serial", List.of("serial"), true),
            new TableModel.Index("device_vendor_id_ports", List.of("vendor_id", "ports"), false)),
        t.indexes());
    assertEquals(
        List.of(
            "create index \"by_label\" on \"device\" (\"label\")",
            "create index \"device_ports\" on \"device\" (\"ports\")",
            "create unique index \"device_serial\" on \"device\" (\"serial\")",
            "create index \"device_vendor_id_ports\" on \"device\" (\"vendor_id\", \"ports\")"),
        t.indexStatements());
  }

  @Test
  void aTakenNameGetsANumber_againstTablesNamedIndexesPrimaryKeysAndEachOther() {
    List<TableModel> named =
        IndexNames.name(
            List.of(
                table("t", List.of("id"), index("T_A", "b"), unnamed("a"), unnamed("c")),
                table("t_c", List.of()),
                table("u", List.of("id"), unnamed("pkey"), unnamed("x", "y"), unnamed("x_y"))));
    assertEquals(
        List.of(
            new TableModel.Index("T_A", List.of("b"), false),
            new TableModel.Index("t_a_2", List.of("a"), false),
            new TableModel.Index("t_c_2", List.of("c"), false)),
        named.get(0).indexes());
    assertEquals(
        List.of("u_pkey_2", "u_x_y", "u_x_y_2"),
        named.get(2).indexes().stream().map(TableModel.Index::name).toList());
    assertEquals(List.of("t", "t_c", "u"), named.stream().map(TableModel::name).toList());
  }

  @Test
  void aLongNameIsCutTo63BytesOnACharacterAndEndsInAHashOfTheWholeName() {
    String table = "measurement_station_calibration_record";
    List<String> columns = List.of("instrument_serial_number", "calibration_date_time", "örtlich");
    String base = IndexNames.base(table, columns);
    String name = IndexNames.fit(base, "");
    assertEquals(63, name.getBytes(StandardCharsets.UTF_8).length, name);
    assertTrue(name.matches(base.substring(0, 40) + ".*_[0-9a-f]{8}"), name);
    // Another long name with the same beginning gets another hash.
    String other = IndexNames.fit(IndexNames.base(table, List.of(columns.get(0), "z", "z")), "");
    assertTrue(!other.equals(name) && other.length() == name.length(), other);
    // Cut on a character: 'ö' (two bytes) is whole or gone; with a suffix it still fits.
    String multibyte = IndexNames.fit("t_" + "ö".repeat(40), "_2");
    assertTrue(multibyte.getBytes(StandardCharsets.UTF_8).length <= 63, multibyte);
    assertTrue(multibyte.matches("t_ö+_[0-9a-f]{8}_2"), multibyte);
    assertEquals(name, IndexNames.fit(base, ""), "the same name every time");
  }

  private static TableModel table(String name, List<String> pk, TableModel.Index... indexes) {
    List<ColumnModel> columns = List.of();
    return new TableModel(name, null, columns, pk, List.of(indexes), List.of());
  }

  private static TableModel.Index index(String name, String... columns) {
    return new TableModel.Index(name, List.of(columns), false);
  }

  private static TableModel.Index unnamed(String... columns) {
    return index(IndexNames.UNNAMED + String.join("", columns), columns);
  }
}
