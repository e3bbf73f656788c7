package dev.datajar.runtime.internal.read;

import dev.datajar.runtime.internal.core.SqlFlavour;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A lookup by id that reads the row's to-one targets in the same statement ({@code left join}s),
 * for an engine where each statement is a round trip ({@link SqlFlavour#joinsToOnes()}). The
 * targets' rows go into their mappers' caches, so building the entity finds them there instead of
 * asking the server once more per to-one. A target's own to-ones load as usual (its cache, or a
 * lookup of its own). Searches and streams do not join: their rows mostly share few targets, and a
 * join would make the server sort the joined rows (measured slower, docs/benchmarks.md). Immutable.
 */
public final class JoinedLookup {
  /** A joined target and where its columns start in the result, less one (its id is base + 1). */
  private record Join(RowMapper<?> target, int base) {}

  /** {@code select t0.…, t1.… from root t0 left join target t1 on … where t0.id = ?}. */
  final String sql;

  private final List<Join> joins = new ArrayList<>();

  JoinedLookup(RowMapper<?> root) {
    StringBuilder select = new StringBuilder();
    StringBuilder from = new StringBuilder();
    appendColumns(select, "t0", root.selected);
    int base = root.selected.size();
    int n = 1;
    for (RowMapper.ToOne to : root.toOnes.values()) {
      if (to.inverse()) {
        continue; // the inverse side of a one-to-one: read with the collections
      }
      RowMapper<?> t = to.target();
      String alias = "t" + n++;
      select.append(", ");
      appendColumns(select, alias, t.selected);
      from.append(" left join ")
          .append(t.table)
          .append(' ')
          .append(alias)
          .append(" on ")
          .append(to.joinCondition(alias, "t0"));
      String excluded = t.restriction(alias);
      if (excluded != null) { // a target the restriction excludes is no target
        from.append(" and (").append(excluded).append(')');
      }
      joins.add(new Join(t, base));
      base += t.selected.size();
    }
    this.sql =
        "select "
            + select
            + " from "
            + root.table
            + " t0"
            + from
            + " where "
            + root.idCondition("t0.")
            + (root.restricted() ? " and (" + root.restriction("t0") + ")" : "");
  }

  private static void appendColumns(StringBuilder sb, String alias, List<String> columns) {
    String sep = "";
    for (String c : columns) {
      sb.append(sep).append(alias).append('.').append(c);
      sep = ", ";
    }
  }

  /**
   * Caches the state of every target the current row joined that is not cached yet (none where the
   * key is NULL): rows of a search often share their targets.
   */
  void cacheTargets(ResultSet rs) throws SQLException {
    for (Join j : joins) {
      Object id = j.target().readId(rs, j.base());
      // A target with collections is left to its own lookup, which reads them too.
      if (id != null && !j.target().hasCollections() && !j.target().cached(id)) {
        j.target().cache(id, j.target().readState(rs, j.base()));
      }
    }
  }
}
