package dev.datajar.runtime.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Readable names for the indexes the entities leave unnamed: {@code <table>_<columns>}, e.g. {@code
 * device_vendor_id_ports} for {@code @Index(columnList = "vendorId, ports")} on {@code Device}, the
 * same in a SQLite file and in PostgreSQL, and in {@code inspect}, {@code diff} and {@code guard}.
 *
 * <ul>
 *   <li>Deterministic: a name depends only on the schema (tables and unnamed indexes are taken in
 *       name order), so builds stay byte-identical.
 *   <li>Unique in the dataset, case-insensitively (SQLite's rule; PostgreSQL's is stricter),
 *       against tables, named indexes, PostgreSQL's primary-key indexes ({@code <table>_pkey}) and
 *       each other: a name already taken gets {@code _2}, {@code _3}, ...
 *   <li>At most {@value #MAX_BYTES} bytes of UTF-8 (PostgreSQL's limit; SQLite has none): a longer
 *       name is cut and ends in {@code _} and 8 hex digits of its full form's SHA-256, so two long
 *       names that share a beginning still differ.
 * </ul>
 */
final class IndexNames {
  /** The start of the placeholder name {@link UnnamedKeys} gives an unnamed index in Hibernate. */
  static final String UNNAMED = "datajar$unnamed$";

  /** PostgreSQL's longest identifier, in bytes (NAMEDATALEN - 1). */
  static final int MAX_BYTES = 63;

  private static final int HASH_HEX_DIGITS = 8;

  private IndexNames() {}

  /** {@code tables} with every placeholder index name replaced; the order of tables is kept. */
  static List<TableModel> name(List<TableModel> tables) {
    Set<String> taken = new HashSet<>();
    for (TableModel t : tables) {
      taken.add(key(t.name()));
      if (!t.primaryKey().isEmpty()) {
        taken.add(key(t.name() + "_pkey"));
      }
      for (TableModel.Index i : t.indexes()) {
        if (!unnamed(i)) {
          taken.add(key(i.name()));
        }
      }
    }
    Map<String, TableModel> renamed = new TreeMap<>();
    tables.forEach(t -> renamed.put(t.name(), t));
    for (TableModel t : List.copyOf(renamed.values())) { // in name order
      if (t.indexes().stream().noneMatch(IndexNames::unnamed)) {
        continue;
      }
      List<TableModel.Index> unnamed = new ArrayList<>();
      List<TableModel.Index> indexes = new ArrayList<>();
      for (TableModel.Index i : t.indexes()) {
        (unnamed(i) ? unnamed : indexes).add(i);
      }
      unnamed.sort(
          Comparator.comparing((TableModel.Index i) -> base(t.name(), i.columns()))
              .thenComparing(i -> String.join(",", i.columns()))
              .thenComparing(TableModel.Index::unique)
              .thenComparing(TableModel.Index::ownerKey));
      for (TableModel.Index i : unnamed) {
        String name = free(base(t.name(), i.columns()), taken);
        indexes.add(new TableModel.Index(name, i.columns(), i.unique(), i.ownerKey()));
      }
      indexes.sort(Comparator.comparing(TableModel.Index::name));
      renamed.put(
          t.name(),
          new TableModel(
              t.name(), t.entity(), t.columns(), t.primaryKey(), indexes, t.foreignKeys()));
    }
    return tables.stream().map(t -> renamed.get(t.name())).toList();
  }

  static boolean unnamed(TableModel.Index i) {
    return i.name().startsWith(UNNAMED);
  }

  /** {@code <table>_<column>_<column>...}. */
  static String base(String table, List<String> columns) {
    return table + "_" + String.join("_", columns);
  }

  /**
   * {@code base + suffix} if it fits in {@link #MAX_BYTES}, else {@code base} cut on a character
   * boundary, {@code _}, 8 hex digits of {@code base}'s SHA-256, and {@code suffix}.
   */
  static String fit(String base, String suffix) {
    if (utf8(base + suffix) <= MAX_BYTES) {
      return base + suffix;
    }
    String tail = "_" + sha256(base).substring(0, HASH_HEX_DIGITS) + suffix;
    int room = MAX_BYTES - utf8(tail);
    int end = 0;
    int bytes = 0;
    while (end < base.length()) {
      int cp = base.codePointAt(end);
      int size = utf8(new String(Character.toChars(cp)));
      if (bytes + size > room) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return base.substring(0, end) + tail;
  }

  /**
   * {@code base} {@link #fit fitted}, or with {@code _2}, {@code _3}, ... the first form not yet in
   * {@code taken} (compared case-insensitively), which it is then added to.
   */
  static String free(String base, Set<String> taken) {
    String name = fit(base, "");
    for (int n = 2; !taken.add(key(name)); n++) {
      name = fit(base, "_" + n);
    }
    return name;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
