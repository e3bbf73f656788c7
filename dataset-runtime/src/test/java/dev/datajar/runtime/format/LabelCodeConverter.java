package dev.datajar.runtime.format;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/**
 * Stores an {@link Edge.Label} as a one-letter code ({@code TITLE} is {@code t}): an enum with a
 * converter, whose source text is the code, the converter's database-side value.
 */
@Converter
public class LabelCodeConverter implements AttributeConverter<Edge.Label, String> {
  @Override
  public String convertToDatabaseColumn(Edge.Label v) {
    return v == null ? null : v.name().substring(0, 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public Edge.Label convertToEntityAttribute(String v) {
    if (v == null) {
      return null;
    }
    for (Edge.Label l : Edge.Label.values()) {
      if (convertToDatabaseColumn(l).equals(v)) {
        return l;
      }
    }
    throw new IllegalArgumentException("no label with code " + v);
  }
}
