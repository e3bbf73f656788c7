package dev.datajar.it.corpus;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** {@link Rgb} to and from its {@code #rrggbb} text; the source files hold that text. */
@Converter
public class RgbConverter implements AttributeConverter<Rgb, String> {
  @Override
  public String convertToDatabaseColumn(Rgb c) {
    return c == null
        ? null
        : String.format(Locale.ROOT, "#%02x%02x%02x", c.red(), c.green(), c.blue());
  }

  @Override
  public Rgb convertToEntityAttribute(String s) {
    if (s == null) {
      return null;
    }
    int v = Integer.parseInt(s.substring(1), 16);
    return new Rgb(v >> 16, (v >> 8) & 0xff, v & 0xff);
  }
}
