package dev.datajar.runtime.format;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Stores a {@link YearMonth} as the first day of the month: a converter whose database side is a
 * temporal, so it must go through datajar's date text like any {@code LocalDate}.
 */
@Converter
public class YearMonthConverter implements AttributeConverter<YearMonth, LocalDate> {
  @Override
  public LocalDate convertToDatabaseColumn(YearMonth v) {
    return v == null ? null : v.atDay(1);
  }

  @Override
  public YearMonth convertToEntityAttribute(LocalDate v) {
    return v == null ? null : YearMonth.from(v);
  }
}
