package dev.datajar.examples.lookup;

import dev.datajar.datasets.isocodes.Country;
import dev.datajar.datasets.isocodes.CountryStore;
import dev.datajar.datasets.isocodes.CurrencyStore;
import dev.datajar.datasets.isocodes.InvalidCodeException;
import dev.datajar.datasets.isocodes.LanguageStore;
import dev.datajar.datasets.isocodes.SubdivisionStore;
import dev.datajar.datasets.oui.Assignment;
import dev.datajar.datasets.oui.InvalidMacAddressException;
import dev.datajar.datasets.oui.MacAddress;
import dev.datajar.datasets.oui.OuiLookup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The service's endpoints: turns a decoded request path into a JSON {@link Response}, with no HTTP
 * plumbing, so that the server and the demo share it.
 *
 * <p>Well-formed codes that are not in the data give 404; malformed ones give 400 with the store's
 * explanation of what was expected. Thread-safe: it holds only the stores.
 */
@Singleton
final class LookupRoutes {
  static final List<String> EXAMPLES =
      List.of(
          "/countries/CI",
          "/countries/CIV",
          "/countries/384",
          "/countries/GB/subdivisions",
          "/subdivisions/GB-SCT",
          "/currencies/EUR",
          "/currencies/978",
          "/languages/fr",
          "/languages/fra",
          "/oui/70:b3:d5:f2:f1:23");

  private final CountryStore countries;
  private final SubdivisionStore subdivisions;
  private final CurrencyStore currencies;
  private final LanguageStore languages;
  private final OuiLookup oui;

  @Inject
  LookupRoutes(
      CountryStore countries,
      SubdivisionStore subdivisions,
      CurrencyStore currencies,
      LanguageStore languages,
      OuiLookup oui) {
    this.countries = countries;
    this.subdivisions = subdivisions;
    this.currencies = currencies;
    this.languages = languages;
    this.oui = oui;
  }

  /**
   * Answers a GET of {@code path}, given as its decoded segments ({@code /countries/CI} → {@code
   * [countries, CI]}).
   *
   * @throws RequestException for a path that names no endpoint, a malformed code or an unknown one
   */
  Response get(List<String> path) {
    if (path.isEmpty()) {
      return ok(JsonBodies.index(EXAMPLES));
    }
    try {
      return switch (path.get(0) + "/" + path.size()) {
        case "countries/2" -> ok(JsonBodies.country(country(path.get(1))));
        case "countries/3" -> {
          if (!path.get(2).equals("subdivisions")) {
            throw unknownEndpoint(path);
          }
          Country country = country(path.get(1));
          yield ok(JsonBodies.subdivisions(country, subdivisions.ofCountry(country.getAlpha2())));
        }
        case "subdivisions/2" ->
            ok(
                JsonBodies.subdivision(
                    found(
                        subdivisions.byCode(path.get(1)).orElse(null),
                        "subdivision",
                        path.get(1))));
        case "currencies/2" ->
            ok(
                JsonBodies.currency(
                    found(currencies.byCode(path.get(1)).orElse(null), "currency", path.get(1))));
        case "languages/2" ->
            ok(
                JsonBodies.language(
                    found(languages.byCode(path.get(1)).orElse(null), "language", path.get(1))));
        case "oui/2" -> {
          MacAddress mac = MacAddress.parse(path.get(1));
          List<Assignment> assignments = oui.find(mac);
          if (assignments.isEmpty()) {
            throw new RequestException(
                404, "no IEEE assignment covers " + mac + " (checked MA-S, IAB, MA-M and MA-L)");
          }
          yield ok(JsonBodies.assignments(mac, assignments));
        }
        default -> throw unknownEndpoint(path);
      };
    } catch (InvalidCodeException | InvalidMacAddressException e) {
      throw new RequestException(400, e.getMessage());
    }
  }

  private Country country(String code) {
    return found(countries.byCode(code).orElse(null), "country", code);
  }

  private static <T> T found(T value, String kind, String code) {
    if (value == null) {
      throw new RequestException(404, "no " + kind + " has the code '" + code + "'");
    }
    return value;
  }

  private static RequestException unknownEndpoint(List<String> path) {
    return new RequestException(
        404,
        "no endpoint at /"
            + String.join("/", path)
            + "; try one of "
            + String.join(", ", EXAMPLES));
  }

  private static Response ok(JsonBodies.Body body) {
    return new Response(200, JsonBodies.write(body));
  }

  /** A JSON error document: status, its reason phrase and a message for the caller. */
  static Response error(int status, String message) {
    return new Response(
        status, JsonBodies.write(JsonBodies.error(status, reason(status), message)));
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 500 -> "Internal Server Error";
      default -> "Error";
    };
  }
}
