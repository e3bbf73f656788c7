package dev.datajar.tools.internal;

import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.FileIdentity;
import dev.datajar.runtime.format.SqliteFiles;
import dev.datajar.tools.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a file given to the tools is: a zip (a dataset jar), or a datajar dataset file, told by its
 * first bytes and its {@code datajar_metadata} table (read by the format layer's {@link
 * FileIdentity}) rather than by its name.
 */
public final class DataSetFiles {
  private DataSetFiles() {}

  /** Whether the file starts as a zip (and so a jar) does. */
  public static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4
          && magic[0] == 'P'
          && magic[1] == 'K'
          && magic[2] == 3
          && magic[3] == 4;
    }
  }

  /**
   * Refuses anything but a SQLite file carrying datajar's application id.
   *
   * @param shown names the file in the message
   */
  public static void check(Path file, String shown) throws IOException, ToolException {
    FileIdentity.Header header = FileIdentity.readHeader(file);
    if (!header.isDataJar()) {
      throw new ToolException(
          shown
              + " is not a datajar dataset file: expected a SQLite file"
              + " with application_id 0x444A4152 ('DJAR') as the dataset builder writes, but "
              + (header.sqlite()
                  ? "it is a SQLite file of another application"
                  : "it is not a SQLite file"));
    }
  }

  /** The dataset name a dataset file's metadata table records. */
  public static String nameOf(Path sqlite, String shown) throws ToolException {
    String name;
    try (Connection c = SqliteFiles.openReadOnly(sqlite)) {
      name = FileIdentity.readFrom(c).name();
    } catch (SQLException e) {
      throw new ToolException(
          shown
              + " is not a datajar dataset file: its "
              + DataSetLayout.METADATA_TABLE
              + " table cannot be read ("
              + e.getMessage()
              + ")",
          e);
    }
    if (name == null) {
      throw new ToolException(
          shown
              + " is not a datajar dataset file: its "
              + DataSetLayout.METADATA_TABLE
              + " table names no dataset");
    }
    return name;
  }
}
