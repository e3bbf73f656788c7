package dev.datajar.benchmarks.read;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The read-path baseline of issue 3: plain sqlite-jdbc on the dataset file, one connection, each
 * PreparedStatement prepared once and reused, default pragmas (no mmap, no cache tuning).
 *
 * <p>Not thread-safe: one per benchmark thread.
 */
public final class JdbcReader implements AutoCloseable {
  private static final String COLUMNS = "select id, name, note, score, parent_id from item";

  private final Connection connection;
  private final PreparedStatement byId;
  private final PreparedStatement byIdWithParent;
  private final PreparedStatement byParent;
  private final PreparedStatement byParentWithParent;
  private final PreparedStatement all;
  private final PreparedStatement allWithParent;
  private Map<Long, String> parentNames; // read on first use by streamAllWithParentMap

  public JdbcReader(Path file) throws SQLException {
    this(DriverManager.getConnection("jdbc:sqlite:" + file));
  }

  /** The same statements on another database's connection (PostgreSQL's, for one). */
  public JdbcReader(Connection connection) throws SQLException {
    this.connection = connection;
    byId = connection.prepareStatement(COLUMNS + " where id = ?");
    byIdWithParent =
        connection.prepareStatement(
            "select i.id, i.name, i.note, i.score,"
                + " i.parent_id, p.name from item i join parent p on p.id = i.parent_id where i.id = ?");
    byParent = connection.prepareStatement(COLUMNS + " where parent_id = ?");
    byParentWithParent =
        connection.prepareStatement(
            "select i.id, i.name, i.note, i.score,"
                + " i.parent_id, p.name from item i join parent p on p.id = i.parent_id"
                + " where i.parent_id = ?");
    all = connection.prepareStatement(COLUMNS);
    allWithParent =
        connection.prepareStatement(
            "select i.id, i.name, i.note, i.score, i.parent_id, p.name"
                + " from item i join parent p on p.id = i.parent_id");
  }

  public ItemRow get(long id) throws SQLException {
    byId.setLong(1, id);
    try (ResultSet rs = byId.executeQuery()) {
      return rs.next() ? row(rs) : null;
    }
  }

  /** {@link #get} plus the parent's name: what an eager {@code @ManyToOne} costs in JDBC. */
  public Object[] getWithParent(long id) throws SQLException {
    byIdWithParent.setLong(1, id);
    try (ResultSet rs = byIdWithParent.executeQuery()) {
      return rs.next() ? new Object[] {row(rs), rs.getString(6)} : null;
    }
  }

  /** Items of one parent, through the {@code item_parent_id} index. */
  public List<ItemRow> byParent(long parentId) throws SQLException {
    byParent.setLong(1, parentId);
    List<ItemRow> rows = new ArrayList<>(128);
    try (ResultSet rs = byParent.executeQuery()) {
      while (rs.next()) {
        rows.add(row(rs));
      }
    }
    return rows;
  }

  /** {@link #byParent} plus each row's parent name, as an eager {@code @ManyToOne} needs. */
  public List<Object[]> byParentWithParent(long parentId) throws SQLException {
    byParentWithParent.setLong(1, parentId);
    List<Object[]> rows = new ArrayList<>(128);
    try (ResultSet rs = byParentWithParent.executeQuery()) {
      while (rs.next()) {
        rows.add(new Object[] {row(rs), rs.getString(6)});
      }
    }
    return rows;
  }

  /** Every item, one row at a time (sqlite-jdbc steps lazily); returns the count. */
  public long streamAll(Consumer<ItemRow> sink) throws SQLException {
    long count = 0;
    try (ResultSet rs = all.executeQuery()) {
      while (rs.next()) {
        sink.accept(row(rs));
        count++;
      }
    }
    return count;
  }

  /**
   * {@link #streamAll} plus a new parent object per row (its id and name, joined): what a {@code
   * Store<Item>} stream hands out, since its {@code @ManyToOne} parent is eager.
   */
  public long streamAllWithParent(Consumer<ItemRow.WithParent> sink) throws SQLException {
    long count = 0;
    try (ResultSet rs = allWithParent.executeQuery()) {
      while (rs.next()) {
        ItemRow.Parent parent = new ItemRow.Parent(rs.getLong(5), rs.getString(6));
        sink.accept(
            new ItemRow.WithParent(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), parent));
        count++;
      }
    }
    return count;
  }

  /**
   * {@link #streamAll} plus a new parent object per row whose name comes from a map of every parent
   * read once (on the first call, not timed after that): the work a {@code Store<Item>} stream
   * does, whose parents come from its cache of the parent table.
   */
  public long streamAllWithParentMap(Consumer<ItemRow.WithParent> sink) throws SQLException {
    if (parentNames == null) {
      Map<Long, String> names = new HashMap<>();
      try (PreparedStatement ps = connection.prepareStatement("select id, name from parent");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.put(rs.getLong(1), rs.getString(2));
        }
      }
      parentNames = names;
    }
    long count = 0;
    try (ResultSet rs = all.executeQuery()) {
      while (rs.next()) {
        long parentId = rs.getLong(5);
        ItemRow.Parent parent = new ItemRow.Parent(parentId, parentNames.get(parentId));
        sink.accept(
            new ItemRow.WithParent(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), parent));
        count++;
      }
    }
    return count;
  }

  private static ItemRow row(ResultSet rs) throws SQLException {
    return new ItemRow(
        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getLong(5));
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
