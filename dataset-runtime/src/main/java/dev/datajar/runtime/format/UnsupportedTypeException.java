package dev.datajar.runtime.format;

import java.util.List;

/**
 * Entity attributes whose Java type datajar cannot store exactly (a {@code java.util.Date}, a
 * {@code Calendar}, a {@code Serializable}, a type Hibernate would store as JSON): the builder
 * refuses the dataset before loading anything, one line per attribute.
 */
public final class UnsupportedTypeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The Java types a datajar column can hold (beside enums and attribute converters). */
  public static final String SUPPORTED =
      "long, int, short, byte, boolean, double, float,"
          + " String, char, BigDecimal, BigInteger, LocalDate, LocalTime, LocalDateTime, Instant,"
          + " OffsetDateTime, ZonedDateTime, Duration, UUID, byte[], enums";

  private final transient List<String> attributes;

  UnsupportedTypeException(List<String> attributes) {
    super(message(attributes));
    this.attributes = List.copyOf(attributes);
  }

  /** Each refused attribute: {@code Entity.attribute (java type, stored as JDBC type)}. */
  public List<String> attributes() {
    return attributes;
  }

  private static String message(List<String> attributes) {
    StringBuilder sb = new StringBuilder();
    sb.append(
            attributes.size() == 1
                ? "an attribute has a type"
                : attributes.size() + " attributes have types")
        .append(" datajar cannot store exactly:");
    int i = 0;
    for (String a : attributes) {
      sb.append("\n  ").append(++i).append(") ").append(a);
    }
    sb.append("\nUse one of ")
        .append(SUPPORTED)
        .append(
            ", or an AttributeConverter to one of"
                + " them (for example java.util.Date -> Instant, Year -> int).");
    return sb.toString();
  }
}
