package dev.datajar.datasets.isocodes;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The type of an ISO 639-3 language: living, extinct, ancient, historical, constructed or special.
 *
 * <p>Stored as ISO's one-letter code ({@code L}, {@code E}, {@code A}, {@code H}, {@code C}, {@code
 * S}), which is also what the source file gives, through {@link Letter}.
 */
public enum LanguageType {
  ANCIENT("A"),
  CONSTRUCTED("C"),
  EXTINCT("E"),
  HISTORICAL("H"),
  LIVING("L"),
  SPECIAL("S");

  private final String letter;

  LanguageType(String letter) {
    this.letter = letter;
  }

  /** ISO's one-letter code. */
  public String letter() {
    return letter;
  }

  /** Maps the enum to ISO's letter in the database and back. */
  @Converter
  public static final class Letter implements AttributeConverter<LanguageType, String> {
    @Override
    public String convertToDatabaseColumn(LanguageType type) {
      return type == null ? null : type.letter;
    }

    @Override
    public LanguageType convertToEntityAttribute(String letter) {
      if (letter == null) {
        return null;
      }
      for (LanguageType type : values()) {
        if (type.letter.equals(letter)) {
          return type;
        }
      }
      throw new IllegalArgumentException(
          "'" + letter + "' is not an ISO 639-3 language type: expected one of A, C, E, H, L, S");
    }
  }
}
