package dev.datajar.tools.corpus;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores text lower-case and reads it upper-case: proves converters run on both sides. */
@Converter
public class UpperCaseConverter implements AttributeConverter<String, String> {
  @Override
  public String convertToDatabaseColumn(String v) {
    return v == null ? null : v.toLowerCase(Locale.ROOT);
  }

  @Override
  public String convertToEntityAttribute(String v) {
    return v == null ? null : v.toUpperCase(Locale.ROOT);
  }
}
