package dev.datajar.datasets.isocodes;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The scope of an ISO 639-3 code: one language, a macrolanguage grouping several, or a special code
 * ({@code und}, {@code mul}...).
 *
 * <p>Stored as ISO's one-letter code ({@code I}, {@code M}, {@code S}), which is also what the
 * source file gives, through {@link Letter}.
 */
public enum LanguageScope {
  INDIVIDUAL("I"),
  MACROLANGUAGE("M"),
  SPECIAL("S");

  private final String letter;

  LanguageScope(String letter) {
    this.letter = letter;
  }

  /** ISO's one-letter code. */
  public String letter() {
    return letter;
  }

  /** Maps the enum to ISO's letter in the database and back. */
  @Converter
  public static final class Letter implements AttributeConverter<LanguageScope, String> {
    @Override
    public String convertToDatabaseColumn(LanguageScope scope) {
      return scope == null ? null : scope.letter;
    }

    @Override
    public LanguageScope convertToEntityAttribute(String letter) {
      if (letter == null) {
        return null;
      }
      for (LanguageScope scope : values()) {
        if (scope.letter.equals(letter)) {
          return scope;
        }
      }
      throw new IllegalArgumentException(
          "'" + letter + "' is not an ISO 639-3 scope: expected one of I, M, S");
    }
  }
}
