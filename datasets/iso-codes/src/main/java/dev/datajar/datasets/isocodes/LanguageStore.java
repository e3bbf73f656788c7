package dev.datajar.datasets.isocodes;

import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import jakarta.inject.Singleton;
import java.util.Optional;

/** ISO 639-3 languages by two- or three-letter code. A singleton, safe for concurrent use. */
@Singleton
public class LanguageStore extends Store<Language> {
  /**
   * The language with this code, in any letter case: two letters are ISO 639-1 ({@code fr}), three
   * letters ISO 639-3 ({@code fra}) or, failing that, ISO 639-2/B ({@code fre}).
   *
   * @throws InvalidCodeException if {@code code} is neither two nor three letters
   */
  public Optional<Language> byCode(String code) {
    if (CodeFormat.LETTERS_2.matches(code)) {
      return first(Query.where(Where.eq("alpha2", CodeFormat.lower(code))));
    }
    if (CodeFormat.LETTERS_3.matches(code)) {
      String alpha3 = CodeFormat.lower(code);
      Optional<Language> language = get(alpha3);
      return language.isPresent()
          ? language
          : first(Query.where(Where.eq("bibliographic", alpha3)));
    }
    throw new InvalidCodeException(
        code, "an ISO 639 language code", "two letters (fr) or three letters (fra, fre)");
  }
}
