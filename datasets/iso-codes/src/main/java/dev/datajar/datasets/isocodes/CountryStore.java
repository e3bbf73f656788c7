package dev.datajar.datasets.isocodes;

import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Countries by any of their ISO 3166-1 codes. Inject it wherever the runtime's {@code
 * DataSetModule} is installed; it is a singleton, safe for concurrent use.
 *
 * <pre>{@code
 * countries.byCode("CI")    // Côte d'Ivoire, by alpha-2
 * countries.byCode("civ")   // the same, by alpha-3, any case
 * countries.byCode("384")   // the same, by numeric code
 * }</pre>
 */
@Singleton
public class CountryStore extends Store<Country> {
  private static final String EXPECTED =
      "two letters (CI), three letters (CIV) or a number of up to three digits (384)";

  /**
   * The country with this alpha-2, alpha-3 or numeric code, in any letter case.
   *
   * @throws InvalidCodeException if {@code code} has none of these shapes
   */
  public Optional<Country> byCode(String code) {
    if (CodeFormat.LETTERS_2.matches(code)) {
      return byAlpha2(code);
    }
    if (CodeFormat.LETTERS_3.matches(code)) {
      return byAlpha3(code);
    }
    if (CodeFormat.DIGITS_1_TO_3.matches(code)) {
      return first(Query.where(Where.eq("numericCode", CodeFormat.threeDigits(code))));
    }
    throw new InvalidCodeException(code, "an ISO 3166-1 country code", EXPECTED);
  }

  /** The country with this alpha-2 code ({@code CI}), in any letter case. */
  public Optional<Country> byAlpha2(String alpha2) {
    if (!CodeFormat.LETTERS_2.matches(alpha2)) {
      throw new InvalidCodeException(alpha2, "an ISO 3166-1 alpha-2 code", "two letters (CI)");
    }
    return get(CodeFormat.upper(alpha2));
  }

  /** The country with this alpha-3 code ({@code CIV}), in any letter case. */
  public Optional<Country> byAlpha3(String alpha3) {
    if (!CodeFormat.LETTERS_3.matches(alpha3)) {
      throw new InvalidCodeException(alpha3, "an ISO 3166-1 alpha-3 code", "three letters (CIV)");
    }
    return first(Query.where(Where.eq("alpha3", CodeFormat.upper(alpha3))));
  }

  /** The country with this numeric code ({@code 384}; {@code 4} means {@code 004}). */
  public Optional<Country> byNumeric(int numeric) {
    if (numeric < 0 || numeric > 999) {
      return Optional.empty();
    }
    return first(Query.where(Where.eq("numericCode", String.format("%03d", numeric))));
  }
}
