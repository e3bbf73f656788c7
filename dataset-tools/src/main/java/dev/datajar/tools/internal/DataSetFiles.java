package dev.datajar.tools.internal;

import dev.datajar.tools.ToolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What a file given to the tools is: a zip (a dataset jar), or a datajar dataset file, told by its
 * first bytes and its {@code datajar_metadata} table rather than by its name.
 */
public final class DataSetFiles {
  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

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
    byte[] header;
    try (InputStream in = Files.newInputStream(file)) {
      header = in.readNBytes(100);
    }
    boolean sqlite = header.length == 100 && Arrays.equals(header, 0, 16, SQLITE_MAGIC, 0, 16);
    if (!sqlite || ByteBuffer.wrap(header, 68, 4).getInt() != StorageFormat.APPLICATION_ID) {
      throw new ToolException(
          shown
              + " is not a datajar dataset file: expected a SQLite file"
              + " with application_id 0x444A4152 ('DJAR') as the dataset builder writes, but "
              + (sqlite
                  ? "it is a SQLite file of another application"
                  : "it is not a SQLite file"));
    }
  }

  /** The dataset name a dataset file's metadata table records. */
  public static String nameOf(Path sqlite, String shown) throws ToolException {
    try (Connection c = StorageFormat.openReadOnly(sqlite);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select value from " + StorageFormat.METADATA_TABLE + " where key = 'name'")) {
      if (rs.next()) {
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new ToolException(
          shown
              + " is not a datajar dataset file: its "
              + StorageFormat.METADATA_TABLE
              + " table cannot be read ("
              + e.getMessage()
              + ")",
          e);
    }
    throw new ToolException(
        shown
            + " is not a datajar dataset file: its "
            + StorageFormat.METADATA_TABLE
            + " table names no dataset");
  }
}
