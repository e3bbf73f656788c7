package dev.datajar.datasets.oui;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * An IEEE MAC address block registry, and how many leading hex digits of an address its assignments
 * fix.
 *
 * <p>Stored under the IEEE's own label ({@code MA-L}), which is what the CSV files give, through
 * {@link Label}.
 */
public enum Registry {
  /** MAC Address Block Large, the classic OUI: 24 bits. */
  MA_L("MA-L", 6),
  /** MAC Address Block Medium: 28 bits. */
  MA_M("MA-M", 7),
  /** MAC Address Block Small, also called OUI-36: 36 bits. */
  MA_S("MA-S", 9),
  /** Individual Address Block, closed to new assignments in 2014: 36 bits. */
  IAB("IAB", 9);

  private final String label;
  private final int hexDigits;

  Registry(String label, int hexDigits) {
    this.label = label;
    this.hexDigits = hexDigits;
  }

  /** The IEEE's name for the registry, e.g. {@code MA-L}. */
  public String label() {
    return label;
  }

  /** How many leading hex digits of a MAC address an assignment of this registry fixes. */
  public int hexDigits() {
    return hexDigits;
  }

  /** Maps the enum to the IEEE label in the database and back. */
  @Converter
  public static final class Label implements AttributeConverter<Registry, String> {
    @Override
    public String convertToDatabaseColumn(Registry registry) {
      return registry == null ? null : registry.label;
    }

    @Override
    public Registry convertToEntityAttribute(String label) {
      if (label == null) {
        return null;
      }
      for (Registry registry : values()) {
        if (registry.label.equals(label)) {
          return registry;
        }
      }
      throw new IllegalArgumentException(
          "'" + label + "' is not an IEEE registry: expected one of MA-L, MA-M, MA-S, IAB");
    }
  }
}
