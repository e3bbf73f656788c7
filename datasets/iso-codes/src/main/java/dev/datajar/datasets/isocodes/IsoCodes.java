package dev.datajar.datasets.isocodes;

import dev.datajar.runtime.DataSet;

/**
 * The {@code iso-codes} dataset: ISO 3166-1 countries, ISO 3166-2 subdivisions, ISO 4217 currencies
 * and ISO 639-3 languages, from Debian's {@code iso-codes} 4.15.0.
 *
 * <p>Every entity of this package implements this interface, which is how the builder and the
 * runtime know they belong together. Inject the stores ({@link CountryStore}, {@link
 * SubdivisionStore}, {@link CurrencyStore}, {@link LanguageStore}) after installing {@code
 * DataSetModule}.
 */
@DataSet("iso-codes")
public interface IsoCodes {}
