package dev.datajar.runtime.format;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** THROWAWAY stub until the lead's version lands on main. */
public final class SqliteFiles {
  private SqliteFiles() {}

  public static DataSource readOnlyDataSource(Path file) {
    SQLiteConfig c = new SQLiteConfig();
    c.setReadOnly(true);
    c.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, "268435456");
    SQLiteDataSource ds = new SQLiteDataSource(c);
    ds.setUrl("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro&immutable=1");
    return ds;
  }

  public static Connection openReadOnly(Path file) throws SQLException {
    return readOnlyDataSource(file).getConnection();
  }
}
