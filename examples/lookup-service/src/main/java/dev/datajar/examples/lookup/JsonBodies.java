package dev.datajar.examples.lookup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.datajar.datasets.isocodes.Country;
import dev.datajar.datasets.isocodes.Currency;
import dev.datajar.datasets.isocodes.Language;
import dev.datajar.datasets.isocodes.Subdivision;
import dev.datajar.datasets.oui.Assignment;
import dev.datajar.datasets.oui.MacAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes the service's JSON documents with jackson-core's streaming generator: one method per
 * document, field order fixed, absent values written as {@code null} so that every document of a
 * kind has the same keys.
 */
final class JsonBodies {
  // Emoji flags lie outside the Basic Multilingual Plane; without this, jackson writes them as
  // escaped surrogate pairs (two six-character escapes) instead of their four UTF-8 bytes.
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private JsonBodies() {}

  /** Writes one document; {@code body} fills it. */
  static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      body.writeTo(json);
    } catch (IOException e) {
      // A ByteArrayOutputStream does not fail; this would be a bug in a body.
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** What a document consists of. */
  @FunctionalInterface
  interface Body {
    void writeTo(JsonGenerator json) throws IOException;
  }

  static Body error(int status, String reason, String message) {
    return json -> {
      json.writeStartObject();
      json.writeNumberField("status", status);
      json.writeStringField("error", reason);
      json.writeStringField("message", message);
      json.writeEndObject();
    };
  }

  static Body country(Country country) {
    return json -> writeCountry(json, country);
  }

  static Body subdivisions(Country country, List<Subdivision> subdivisions) {
    return json -> {
      json.writeStartObject();
      json.writeFieldName("country");
      writeCountry(json, country);
      json.writeNumberField("count", subdivisions.size());
      json.writeArrayFieldStart("subdivisions");
      for (Subdivision subdivision : subdivisions) {
        writeSubdivision(json, subdivision);
      }
      json.writeEndArray();
      json.writeEndObject();
    };
  }

  static Body subdivision(Subdivision subdivision) {
    return json -> writeSubdivision(json, subdivision);
  }

  static Body currency(Currency currency) {
    return json -> {
      json.writeStartObject();
      json.writeStringField("alpha3", currency.getAlpha3());
      json.writeStringField("numeric", currency.getNumericCode());
      json.writeStringField("name", currency.getName());
      json.writeEndObject();
    };
  }

  static Body language(Language language) {
    return json -> {
      json.writeStartObject();
      json.writeStringField("alpha3", language.getAlpha3());
      json.writeStringField("alpha2", language.getAlpha2());
      json.writeStringField("bibliographic", language.getBibliographic());
      json.writeStringField("name", language.getName());
      json.writeStringField("commonName", language.getCommonName());
      json.writeStringField("invertedName", language.getInvertedName());
      json.writeStringField("scope", language.getScope().name().toLowerCase(Locale.ROOT));
      json.writeStringField("type", language.getType().name().toLowerCase(Locale.ROOT));
      json.writeEndObject();
    };
  }

  static Body assignments(MacAddress mac, List<Assignment> assignments) {
    return json -> {
      json.writeStartObject();
      json.writeStringField("mac", mac.toString());
      json.writeArrayFieldStart("assignments");
      for (Assignment assignment : assignments) {
        json.writeStartObject();
        json.writeStringField("registry", assignment.getRegistry().label());
        // Prefixes have 6, 7 or 9 digits: IEEE notation with a lone last digit, 70-B3-D5-F2-F.
        json.writeStringField("prefix", new MacAddress(assignment.getAssignment()).toString());
        json.writeStringField("organization", assignment.getOrganizationName());
        json.writeStringField("address", assignment.getOrganizationAddress());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    };
  }

  static Body index(List<String> examples) {
    return json -> {
      json.writeStartObject();
      json.writeStringField("service", "datajar lookup service");
      json.writeArrayFieldStart("try");
      for (String example : examples) {
        json.writeString(example);
      }
      json.writeEndArray();
      json.writeEndObject();
    };
  }

  private static void writeCountry(JsonGenerator json, Country country) throws IOException {
    json.writeStartObject();
    json.writeStringField("alpha2", country.getAlpha2());
    json.writeStringField("alpha3", country.getAlpha3());
    json.writeStringField("numeric", country.getNumericCode());
    json.writeStringField("name", country.getName());
    json.writeStringField("officialName", country.getOfficialName());
    json.writeStringField("commonName", country.getCommonName());
    json.writeStringField("flag", country.getFlag());
    json.writeEndObject();
  }

  private static void writeSubdivision(JsonGenerator json, Subdivision subdivision)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("code", subdivision.getCode());
    json.writeStringField("name", subdivision.getName());
    json.writeStringField("type", subdivision.getType());
    json.writeStringField("country", subdivision.getCountry().getAlpha2());
    Subdivision parent = subdivision.getParent();
    json.writeStringField("parent", parent == null ? null : parent.getCode());
    json.writeEndObject();
  }
}
