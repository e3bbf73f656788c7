package dev.datajar.datasets.isocodes;

import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import jakarta.inject.Singleton;
import java.util.Optional;

/** ISO 4217 currencies by alphabetic or numeric code. A singleton, safe for concurrent use. */
@Singleton
public class CurrencyStore extends Store<Currency> {
  /**
   * The currency with this alphabetic code ({@code EUR}, any case) or numeric code ({@code 978}).
   *
   * @throws InvalidCodeException if {@code code} is neither three letters nor up to three digits
   */
  public Optional<Currency> byCode(String code) {
    if (CodeFormat.LETTERS_3.matches(code)) {
      return get(CodeFormat.upper(code));
    }
    if (CodeFormat.DIGITS_1_TO_3.matches(code)) {
      return first(Query.where(Where.eq("numericCode", CodeFormat.threeDigits(code))));
    }
    throw new InvalidCodeException(
        code,
        "an ISO 4217 currency code",
        "three letters (EUR) or a number of up to three digits (978)");
  }

  /** The currency with this numeric code ({@code 978}; {@code 8} means {@code 008}). */
  public Optional<Currency> byNumeric(int numeric) {
    if (numeric < 0 || numeric > 999) {
      return Optional.empty();
    }
    return first(Query.where(Where.eq("numericCode", String.format("%03d", numeric))));
  }
}
