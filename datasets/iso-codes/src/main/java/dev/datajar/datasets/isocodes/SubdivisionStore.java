package dev.datajar.datasets.isocodes;

import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * ISO 3166-2 subdivisions: by code, by country, and the ones inside another. A singleton, safe for
 * concurrent use.
 */
@Singleton
public class SubdivisionStore extends Store<Subdivision> {
  /**
   * The subdivision with this code ({@code GB-SCT}), in any letter case.
   *
   * @throws InvalidCodeException if {@code code} is not two letters, a hyphen and one to three
   *     letters or digits
   */
  public Optional<Subdivision> byCode(String code) {
    if (!CodeFormat.SUBDIVISION.matches(code)) {
      throw new InvalidCodeException(
          code,
          "an ISO 3166-2 subdivision code",
          "a country's two letters, a hyphen and one to three letters or digits (GB-SCT)");
    }
    return get(CodeFormat.upper(code));
  }

  /**
   * Every subdivision of the country with this alpha-2 code, ordered by code; empty for a country
   * without subdivisions or an unknown one.
   */
  public List<Subdivision> ofCountry(String alpha2) {
    if (!CodeFormat.LETTERS_2.matches(alpha2)) {
      throw new InvalidCodeException(alpha2, "an ISO 3166-1 alpha-2 code", "two letters (GB)");
    }
    return search(
        Query.where(Where.eq("country.alpha2", CodeFormat.upper(alpha2))).orderBy("code"));
  }

  /** The subdivisions directly inside this one ({@code GB-SCT} → its council areas), by code. */
  public List<Subdivision> within(Subdivision parent) {
    return search(Query.where(Where.eq("parent.code", parent.getCode())).orderBy("code"));
  }
}
