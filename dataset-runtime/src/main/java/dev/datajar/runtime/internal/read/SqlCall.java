package dev.datajar.runtime.internal.read;

import dev.datajar.runtime.DataSetException;
import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.TableModel;
import dev.datajar.runtime.internal.core.EntityModel;
import dev.datajar.runtime.internal.core.FastConnections;
import dev.datajar.runtime.internal.core.QueryFailures;
import dev.datajar.runtime.internal.core.QueryTimeLimit;
import dev.datajar.runtime.internal.core.SqlFlavour;
import dev.datajar.runtime.internal.core.SqlGuard;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * {@code Store.sql()}: one read-only SQL query of the caller's, run over the row path's connections
 * with plain JDBC, its rows read with the dataset's own codecs. Hibernate does not start for it.
 *
 * <p>What a call does, in order:
 *
 * <ol>
 *   <li>The caller's text is checked by the engine's guard ({@link SqlFlavour#sqlRefusal}) before
 *       any database sees it.
 *   <li>Parameters: each {@code ?} takes the next value, a JPA-style {@code ?N} the N-th (as
 *       Hibernate's native queries read them); a {@code Collection} value becomes {@code ?, ?, …},
 *       one per element (an empty one a single NULL, which matches nothing). Quoted strings, quoted
 *       identifiers and comments are left alone. A value with no placeholder, or a placeholder with
 *       no value, fails the call. When the text changed, the text the driver is given is checked
 *       again. Each value is bound with the codec of its class ({@link Codec#basicFor}, in the
 *       engine's column form), so that it matches the stored form (a {@code LocalDate} as SQLite's
 *       text); an enum by its ordinal, as Hibernate bound one; any other value with {@code
 *       setObject}.
 *   <li>The statement runs on a connection of the dataset's lookups, under the call's {@link
 *       QueryTimeLimit}, between {@link SqlFlavour#beginSqlCall} and {@link SqlFlavour#endSqlCall}
 *       (on PostgreSQL a {@code READ ONLY} transaction, rolled back); where a session can outlive
 *       that rollback ({@link SqlFlavour#sessionOutlivesRollback}) the connection is retired when
 *       it comes back, never lent again.
 *   <li>Rows become: for a record, its components read from the columns labelled with their names;
 *       for an entity of the row path, the entity its id column names, built by its {@link
 *       RowMapper} (rows are immutable, so that is the object Hibernate built from the row); else
 *       the first column, as a value of the result type. A value is read by the codec of its type
 *       ({@link SqlFlavour#resultCodec}); an enum by ordinal (a number) or name (text); a type
 *       without a codec by the driver's {@code getObject(column, type)}.
 * </ol>
 *
 * <p>An entity the row path does not read (no recorded layout, a composite id, a class-level
 * restriction) is read through Hibernate for that call ({@link HibernateRows}), with the same
 * checks, which starts Hibernate.
 */
public final class SqlCall {
  /** An {@code sql()} call whose entity result Hibernate builds (the entity's Hibernate path). */
  @FunctionalInterface
  public interface HibernateRows {
    /** The rows of {@code text} (placeholders {@code ?} only) with {@code values}, as entities. */
    List<?> read(Class<?> entity, String text, List<Object> values);
  }

  private static final Map<Class<?>, MethodHandle> CONSTRUCTORS = new ConcurrentHashMap<>();

  private final String dataSet;
  private final SqlFlavour flavour;
  private final FastConnections connections;
  private final Map<String, RowMapper<?>> mappers;
  private final Set<Class<?>> entities;
  private final BooleanSupplier closed;
  private final HibernateRows hibernate;

  /**
   * @param connections the dataset's lookups (on PostgreSQL its one pool)
   * @param mappers the row path's mappers, by entity class name
   * @param entities the dataset's entity classes
   * @param closed whether the dataset is closed (for a call that failed meanwhile)
   */
  public SqlCall(
      String dataSet,
      SqlFlavour flavour,
      FastConnections connections,
      Map<String, RowMapper<?>> mappers,
      Set<Class<?>> entities,
      BooleanSupplier closed,
      HibernateRows hibernate) {
    this.dataSet = dataSet;
    this.flavour = flavour;
    this.connections = connections;
    this.mappers = mappers;
    this.entities = entities;
    this.closed = closed;
    this.hibernate = hibernate;
  }

  public <R> List<R> run(String sql, Class<R> type, Object[] params) {
    // Checked before the database sees the text: SQLite carries out a pragma while preparing it;
    // pgjdbc would send each statement it finds.
    Optional<String> refused = flavour.sqlRefusal(sql);
    if (refused.isPresent()) {
      throw QueryFailures.sqlRefused(
          dataSet,
          sql,
          ": "
              + refused.get()
              + ". Nothing was run;"
              + " to change the data, change the dataset's sources and rebuild it.",
          null);
    }
    Bound bound;
    try {
      bound = Bound.of(sql, params == null ? new Object[0] : params);
    } catch (IllegalArgumentException e) {
      throw QueryFailures.failed(dataSet, closed.getAsBoolean(), "sql()", sql, e);
    }
    if (flavour.splitsStatements() || !bound.text().equals(sql)) {
      Optional<String> again = flavour.sqlRefusal(bound.text());
      if (again.isPresent()) {
        throw QueryFailures.sqlRefused(
            dataSet,
            sql,
            ": as prepared ('" + bound.text() + "'), " + again.get() + ". Nothing was run.",
            null);
      }
    }
    try {
      return read(sql, type, bound);
    } catch (SQLException e) {
      Optional<DataSetException> stopped = QueryTimeLimit.stopped("sql()", sql, e);
      if (stopped.isPresent()) {
        throw stopped.get();
      }
      throw failure(sql, e);
    } catch (DataSetException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(sql, e);
    }
  }

  private RuntimeException failure(String sql, Exception e) {
    if (QueryFailures.isReadOnlyRefusal(e)) {
      return QueryFailures.sqlRefused(
          dataSet, sql, ". Change the dataset's sources and rebuild it instead.", e);
    }
    return QueryFailures.failed(dataSet, closed.getAsBoolean(), "sql()", sql, e);
  }

  private <R> List<R> read(String sql, Class<R> type, Bound bound) throws SQLException {
    if (entities.contains(type)) {
      RowMapper<?> mapper = mappers.get(type.getName());
      if (mapper == null
          || mapper.type != type
          || mapper.key != null
          || mapper.idCodec.width() != 1
          || mapper.restricted()) {
        List<R> out = new ArrayList<>();
        for (Object o : hibernate.read(type, bound.text(), bound.values())) {
          out.add(type.cast(o));
        }
        return out;
      }
      String id = TableModel.unquote(mapper.idColumns.get(0));
      List<Object[]> rows =
          rows(
              bound,
              rs ->
                  new Column[] {
                    new Column(
                        index(rs, id, "id column of entity " + type.getSimpleName()),
                        mapper.idCodec,
                        mapper.idCodec.javaType())
                  });
      // Built after the connection is back: each lookup borrows its own.
      List<R> out = new ArrayList<>(rows.size());
      for (Object[] row : rows) {
        out.add(row[0] == null ? null : type.cast(mapper.load(row[0], connections)));
      }
      return out;
    }
    if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      List<Object[]> rows =
          rows(
              bound,
              rs -> {
                Column[] columns = new Column[components.length];
                for (int i = 0; i < columns.length; i++) {
                  RecordComponent c = components[i];
                  String what = "record component " + type.getSimpleName() + "." + c.getName();
                  columns[i] = column(index(rs, c.getName(), what), c.getType());
                }
                return columns;
              });
      MethodHandle ctor = constructor(type, components);
      List<R> out = new ArrayList<>(rows.size());
      for (Object[] row : rows) {
        for (int i = 0; i < components.length; i++) {
          if (row[i] == null && components[i].getType().isPrimitive()) {
            throw new IllegalArgumentException(
                "row "
                    + (out.size() + 1)
                    + " has NULL in column '"
                    + components[i].getName()
                    + "', and the record component "
                    + type.getSimpleName()
                    + "."
                    + components[i].getName()
                    + " is a primitive "
                    + components[i].getType()
                    + ": declare it "
                    + EntityModel.box(components[i].getType()).getSimpleName()
                    + " to read NULLs, or leave those rows out");
          }
        }
        try {
          out.add(type.cast(ctor.invokeWithArguments(row)));
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Throwable t) {
          throw new IllegalStateException(
              "could not create " + type.getName() + " from a row of '" + sql + "': " + t, t);
        }
      }
      return out;
    }
    List<Object[]> rows =
        rows(
            bound,
            rs -> {
              ResultSetMetaData meta = rs.getMetaData();
              if (meta.getColumnCount() != 1) {
                throw new SQLException(
                    "sql() into "
                        + type.getSimpleName()
                        + " reads one column, and the result has "
                        + meta.getColumnCount()
                        + " ("
                        + labels(meta)
                        + "): select one, or read the row into a record");
              }
              return new Column[] {column(1, type)};
            });
    List<R> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      out.add(type.cast(row[0]));
    }
    return out;
  }

  /** Decides, from the result's labels, which columns a row is read from and how. */
  @FunctionalInterface
  private interface Shape {
    Column[] of(ResultSet rs) throws SQLException;
  }

  /** Runs the statement and reads every row's values, as {@code shape} says. */
  private List<Object[]> rows(Bound bound, Shape shape) throws SQLException {
    return connections.use(
        slot -> {
          Connection c = slot.connection();
          if (flavour.sessionOutlivesRollback()) {
            // A rollback undoes what the statement did in its transaction, not what it left in
            // its session (a session advisory lock, a dblink connection, a random seed, a custom
            // setting's name, or whatever an extension's function keeps): the session is never
            // lent again. Marked before the statement runs, so that a failed one is retired too.
            slot.retireWhenReturned();
          }
          List<Object[]> rows = new ArrayList<>();
          try {
            flavour.beginSqlCall(dataSet, c);
            try (PreparedStatement ps = c.prepareStatement(bound.text())) {
              bind(ps, bound.values());
              try (ResultSet rs = ps.executeQuery()) {
                Column[] columns = shape.of(rs);
                while (rs.next()) {
                  Object[] row = new Object[columns.length];
                  for (int i = 0; i < row.length; i++) {
                    row[i] = columns[i].read(rs);
                  }
                  rows.add(row);
                }
              }
            }
          } catch (SQLException | RuntimeException e) {
            try {
              flavour.endSqlCall(c);
            } catch (SQLException | RuntimeException f) {
              e.addSuppressed(f);
            }
            throw e;
          }
          flavour.endSqlCall(c);
          return rows;
        });
  }

  private void bind(PreparedStatement ps, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v == null) {
        ps.setNull(i + 1, Types.NULL);
      } else if (v instanceof Enum<?> e) {
        throw new IllegalArgumentException(
            "parameter "
                + (i + 1)
                + " is an enum ("
                + e.getDeclaringClass().getSimpleName()
                + "."
                + e.name()
                + "), and sql() cannot tell whether the column it meets holds names or ordinals:"
                + " pass "
                + e.getDeclaringClass().getSimpleName()
                + "."
                + e.name()
                + ".name() or .ordinal(), as the column is stored");
      } else {
        Codec codec = Codec.basicFor(v.getClass());
        if (codec != null) {
          flavour.codec(codec).bind(ps, i + 1, v);
        } else {
          ps.setObject(i + 1, v);
        }
      }
    }
  }

  /** One value of a row: where it is and how it is read. */
  private record Column(int index, Codec codec, Class<?> type) {
    Object read(ResultSet rs) throws SQLException {
      if (codec != null) {
        return codec.read(rs, index);
      }
      if (type.isEnum()) {
        Object v = rs.getObject(index);
        if (v == null) {
          return null;
        }
        Object[] constants = type.getEnumConstants();
        if (v instanceof Number n) {
          return constants[n.intValue()];
        }
        for (Object k : constants) {
          if (((Enum<?>) k).name().equals(v.toString())) {
            return k;
          }
        }
        throw new SQLException(type.getName() + " has no constant '" + v + "'");
      }
      return type == Object.class ? rs.getObject(index) : rs.getObject(index, type);
    }
  }

  private Column column(int index, Class<?> type) {
    Class<?> boxed = EntityModel.box(type);
    Codec basic = Codec.basicFor(boxed);
    return new Column(index, basic == null ? null : flavour.resultCodec(basic), boxed);
  }

  /**
   * The column labelled {@code label} (exactly, else ignoring case), which {@code what} is read
   * from; a result without one fails naming its columns and the label to give.
   */
  private static int index(ResultSet rs, String label, String what) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      if (meta.getColumnLabel(i).equals(label)) {
        return i;
      }
    }
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      if (meta.getColumnLabel(i).toLowerCase(Locale.ROOT).equals(label.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    throw new SQLException(
        "the result has no column labelled '"
            + label
            + "' for the "
            + what
            + " (its columns: "
            + labels(meta)
            + "); label one with 'as "
            + label
            + "'");
  }

  private static String labels(ResultSetMetaData meta) throws SQLException {
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      labels.add(meta.getColumnLabel(i));
    }
    return String.join(", ", labels);
  }

  private static MethodHandle constructor(Class<?> type, RecordComponent[] components) {
    return CONSTRUCTORS.computeIfAbsent(
        type,
        t -> {
          Class<?>[] types =
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
          try {
            return MethodHandles.privateLookupIn(t, MethodHandles.lookup())
                .findConstructor(t, MethodType.methodType(void.class, types));
          } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                "cannot construct record " + t.getName() + ": " + e, e);
          }
        });
  }

  /**
   * The text the driver is given (the caller's, its placeholders numbered in order and collections
   * expanded) and the values in the order of its placeholders.
   */
  record Bound(String text, List<Object> values) {
    static Bound of(String sql, Object[] params) {
      StringBuilder text = new StringBuilder(sql.length() + 16);
      List<Object> values = new ArrayList<>();
      boolean[] used = new boolean[params.length];
      int next = 0;
      int i = 0;
      while (i < sql.length()) {
        char c = sql.charAt(i);
        int skip = skipQuoted(sql, i);
        if (skip > i) {
          text.append(sql, i, skip);
          i = skip;
          continue;
        }
        if (c != '?') {
          text.append(c);
          i++;
          continue;
        }
        int end = i + 1;
        while (end < sql.length() && Character.isDigit(sql.charAt(end))) {
          end++;
        }
        int at;
        if (end > i + 1) {
          at = Integer.parseInt(sql.substring(i + 1, end)) - 1; // ?N: JPA's ordinal parameter
        } else {
          at = next++;
        }
        if (at < 0 || at >= params.length) {
          throw new IllegalArgumentException(
              "no value for parameter "
                  + (at + 1)
                  + " ('"
                  + sql.substring(i, end)
                  + "'): the call gave "
                  + params.length);
        }
        used[at] = true;
        Object v = params[at];
        if (v instanceof Collection<?> list) {
          if (list.isEmpty()) {
            text.append('?');
            values.add(null);
          } else {
            boolean first = true;
            for (Object e : list) {
              text.append(first ? "?" : ", ?");
              values.add(e);
              first = false;
            }
          }
        } else {
          text.append('?');
          values.add(v);
        }
        i = end;
      }
      for (int p = 0; p < used.length; p++) {
        if (!used[p]) {
          throw new IllegalArgumentException(
              "parameter " + (p + 1) + " of " + params.length + " has no placeholder in the text");
        }
      }
      return new Bound(text.toString(), values);
    }

    /**
     * The index after a quoted string or identifier or a comment starting at {@code i}, or {@code
     * i}: what Hibernate's native query parser leaves alone too.
     */
    private static int skipQuoted(String sql, int i) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        return SqlGuard.closing(sql, i + 1, c);
      }
      return SqlGuard.skipComment(sql, i);
    }
  }
}
