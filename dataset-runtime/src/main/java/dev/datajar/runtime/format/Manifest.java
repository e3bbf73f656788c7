package dev.datajar.runtime.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The description the builder writes beside each dataset file, and the runtime checks before it
 * opens one.
 *
 * <p>Immutable. Its JSON form has a fixed field order and no time stamps, so the same dataset
 * always gives the same manifest bytes.
 *
 * @param formatVersion {@link DataSetLayout#FORMAT_VERSION} of the writer
 * @param name the dataset's name
 * @param file the SQLite file's name, beside the manifest
 * @param sha256 lower-case hex SHA-256 of the SQLite file
 * @param bytes size of the SQLite file
 * @param tables every table with its row count, sorted by name
 * @param entities entity class names, sorted
 * @param schemaFingerprint {@link SchemaModel#fingerprint()} of the entities the file was built from
 * @param sqliteVersion SQLite library version that wrote the file
 * @param datajarVersion datajar version that wrote the file
 * @param sources the source files read, relative to the dataset's source folder, sorted
 */
@SuppressWarnings("UnnecessarilyFullyQualified") // inline names stay until this file's rewrite
public record Manifest(
    int formatVersion,
    String name,
    String file,
    String sha256,
    long bytes,
    List<Table> tables,
    List<String> entities,
    String schemaFingerprint,
    String sqliteVersion,
    String datajarVersion,
    List<Source> sources) {

  /** A table and its row count. */
  public record Table(String name, long rows) {}

  /** A source file and its checksum. */
  public record Source(String path, String sha256, long bytes) {}

  private static final JsonFactory JSON = new JsonFactory();

  public Manifest {
    Objects.requireNonNull(name, "name");
    tables = List.copyOf(tables);
    entities = List.copyOf(entities);
    sources = List.copyOf(sources);
  }

  /** Total rows over all tables. */
  public long totalRows() {
    return tables.stream().mapToLong(Table::rows).sum();
  }

  /** The manifest as UTF-8 JSON, two-space indented, ending with a newline. */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      g.setPrettyPrinter(pp);
      g.writeStartObject();
      g.writeNumberField("formatVersion", formatVersion);
      g.writeStringField("name", name);
      g.writeStringField("file", file);
      g.writeStringField("sha256", sha256);
      g.writeNumberField("bytes", bytes);
      g.writeArrayFieldStart("tables");
      for (Table t : tables) {
        g.writeStartObject();
        g.writeStringField("name", t.name());
        g.writeNumberField("rows", t.rows());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("entities");
      for (String e : entities) {
        g.writeString(e);
      }
      g.writeEndArray();
      g.writeStringField("schemaFingerprint", schemaFingerprint);
      g.writeStringField("sqliteVersion", sqliteVersion);
      g.writeStringField("datajarVersion", datajarVersion);
      g.writeArrayFieldStart("sources");
      for (Source s : sources) {
        g.writeStartObject();
        g.writeStringField("path", s.path());
        g.writeStringField("sha256", s.sha256());
        g.writeNumberField("bytes", s.bytes());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * Reads a manifest written by {@link #toJson()}.
   *
   * @param where names the resource in error messages
   * @throws IOException if the stream cannot be read or is not a manifest; the message names
   *     {@code where}
   */
  public static Manifest read(InputStream in, String where) throws IOException {
    int formatVersion = -1;
    String name = null;
    String file = null;
    String sha256 = null;
    long bytes = -1;
    List<Table> tables = new ArrayList<>();
    List<String> entities = new ArrayList<>();
    String fingerprint = null;
    String sqliteVersion = null;
    String datajarVersion = null;
    List<Source> sources = new ArrayList<>();
    try (JsonParser p = JSON.createParser(in)) {
      expect(p, JsonToken.START_OBJECT, where);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "formatVersion" -> formatVersion = p.getIntValue();
          case "name" -> name = p.getText();
          case "file" -> file = p.getText();
          case "sha256" -> sha256 = p.getText();
          case "bytes" -> bytes = p.getLongValue();
          case "schemaFingerprint" -> fingerprint = p.getText();
          case "sqliteVersion" -> sqliteVersion = p.getText();
          case "datajarVersion" -> datajarVersion = p.getText();
          case "entities" -> {
            while (p.nextToken() == JsonToken.VALUE_STRING) {
              entities.add(p.getText());
            }
          }
          case "tables" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              String tn = null;
              long rows = -1;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("name")) {
                  tn = p.getText();
                } else if (f.equals("rows")) {
                  rows = p.getLongValue();
                } else {
                  p.skipChildren();
                }
              }
              tables.add(new Table(tn, rows));
            }
          }
          case "sources" -> {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              String path = null;
              String sha = null;
              long size = -1;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                  case "path" -> path = p.getText();
                  case "sha256" -> sha = p.getText();
                  case "bytes" -> size = p.getLongValue();
                  default -> p.skipChildren();
                }
              }
              sources.add(new Source(path, sha, size));
            }
          }
          default -> p.skipChildren(); // fields of later format versions
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(where + ": not a datajar manifest: " + e.getOriginalMessage(), e);
    }
    if (name == null || file == null || sha256 == null || formatVersion < 0) {
      throw new IOException(where + ": not a datajar manifest: 'formatVersion', 'name', 'file'"
          + " and 'sha256' are required");
    }
    return new Manifest(formatVersion, name, file, sha256, bytes, tables, entities, fingerprint,
        sqliteVersion, datajarVersion, sources);
  }

  private static void expect(JsonParser p, JsonToken token, String where) throws IOException {
    if (p.nextToken() != token) {
      throw new IOException(where + ": not a datajar manifest: expected " + token + " at "
          + p.currentLocation().getLineNr() + ":" + p.currentLocation().getColumnNr());
    }
  }
}
