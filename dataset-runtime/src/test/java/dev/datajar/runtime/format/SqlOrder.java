package dev.datajar.runtime.format;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

/**
 * The order in which datajar's stored forms compare in SQL, per attribute of {@link Edge}, written
 * in Java: the specification the comparison tests hold the database to.
 *
 * <p>Where it differs from Java's own {@code compareTo}, that is a documented property of the
 * storage (see docs/storage.md): {@code -0.0 = 0.0}; text in code point (UTF-8 byte) order, which
 * Java's UTF-16 order is not for characters above U+FFFF; UUIDs in text (unsigned) order;
 * date-times with an offset or zone by instant, ties by the offset or zone id's text.
 */
final class SqlOrder {
  private SqlOrder() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Comparator<Object> of(String attribute) {
    return switch (attribute) {
      case "aDouble", "aFloat" ->
          Comparator.comparingDouble(v -> ((Number) v).doubleValue() + 0.0); // -0.0 + 0.0 = 0.0
      case "aString", "aChar", "lobText" ->
          Comparator.comparing(Object::toString, SqlOrder::codePoints);
      case "shout" ->
          Comparator.comparing(
              v -> v.toString().toLowerCase(Locale.ROOT),
              SqlOrder::codePoints); // compares the stored, converted value
      case "aUuid" -> Comparator.comparing(v -> ((UUID) v).toString());
      case "someBytes", "lobBytes" -> (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case "labelCode" ->
          Comparator.comparing(
              v ->
                  new LabelCodeConverter()
                      .convertToDatabaseColumn((Edge.Label) v)); // the stored code
      case "labelName" -> Comparator.comparing(v -> ((Enum<?>) v).name());
      case "labelOrdinal", "labelDefault" -> Comparator.comparingInt(v -> ((Enum<?>) v).ordinal());
      case "anOffsetDateTime" ->
          Comparator.comparing((Object v) -> ((OffsetDateTime) v).toInstant())
              .thenComparing(v -> ((OffsetDateTime) v).getOffset().getId());
      case "aZonedDateTime" ->
          Comparator.comparing((Object v) -> ((ZonedDateTime) v).toInstant())
              .thenComparing(v -> ((ZonedDateTime) v).getZone().getId());
      default -> (a, b) -> ((Comparable) a).compareTo(b);
    };
  }

  /** Unicode code point order: the order of UTF-8 bytes, which SQLite's BINARY collation uses. */
  static int codePoints(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}
