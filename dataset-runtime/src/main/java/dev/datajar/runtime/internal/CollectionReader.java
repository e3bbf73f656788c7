package dev.datajar.runtime.internal;

import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.EntityLayout;
import dev.datajar.runtime.format.TableModel;
import java.lang.invoke.MethodHandle;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One collection attribute of an entity on the row path ({@code @ElementCollection} of basic values
 * or embeddables, or a {@code @ManyToMany}): its elements read from its own table for a batch of
 * owners at once ({@code where key in (…)}), in the recorded order, and made into a new {@code
 * LinkedHashSet} or {@code ArrayList} per entity. A many-to-many's elements are its targets' ids,
 * made into entities by the target's {@link RowMapper}. Immutable; thread-safe.
 */
final class CollectionReader {
  /** The batch sizes of the statements (a batch is padded to one): few shapes to prepare. */
  private static final int[] BATCHES = {1, 16, 128, 512};

  final String attribute;
  final MethodHandle setter; // (Object entity, Object collection) -> void
  private final boolean set;
  private final Codec keyCodec;
  private final Codec elementCodec; // a column's, or a target id's; null for an embeddable
  private final Composite embeddable;
  final String target; // a many-to-many's target entity class, else null
  RowMapper<?> targetMapper;
  private final String[] sql = new String[BATCHES.length];

  CollectionReader(EntityLayout.CollectionLayout c, ClassLoader loader, SqlFlavour flavour) {
    this.attribute = c.attribute();
    this.setter =
        EntityMembers.member(
                new EntityLayout.Member(
                    c.attribute(), null, null, null, c.declaringClass(), c.setter(), c.field()),
                loader)
            .setter();
    this.set = c.kind().equals("set");
    this.keyCodec = flavour.codec(Codec.of(c.keyCodec(), loader));
    EntityLayout.Member e = c.element();
    this.target = e.target();
    List<String> columns = new ArrayList<>();
    columns.add(TableModel.quote(c.keyColumn()));
    if (e.isComposite()) {
      this.embeddable = new Composite(e, loader, flavour);
      this.elementCodec = null;
      for (int i = 0; i < embeddable.names.size(); i++) {
        flavour.select(columns, embeddable.names.get(i), embeddable.codecs.get(i));
      }
    } else {
      this.embeddable = null;
      this.elementCodec = flavour.codec(Codec.of(e.codec(), loader));
      flavour.select(columns, e.column(), elementCodec);
    }
    StringBuilder order = new StringBuilder(" order by ").append(columns.get(0));
    for (String o : c.orderBy()) {
      boolean desc = o.endsWith(" desc");
      String column = desc ? o.substring(0, o.length() - " desc".length()) : o;
      order.append(", ").append(TableModel.quote(column)).append(flavour.direction(desc));
    }
    String head =
        "select "
            + String.join(", ", columns)
            + " from "
            + TableModel.quote(c.table())
            + " where "
            + columns.get(0);
    for (int b = 0; b < BATCHES.length; b++) {
      StringBuilder sb = new StringBuilder(head);
      if (BATCHES[b] == 1) {
        sb.append(" = ?");
      } else {
        sb.append(" in (?");
        sb.append(", ?".repeat(BATCHES[b] - 1));
        sb.append(')');
      }
      this.sql[b] = sb.append(order).toString();
    }
  }

  /**
   * Reads the elements of the owners {@code ids} (in their internal form) and stores each owner's,
   * as an array in the order read, at {@code slot} of its state.
   */
  void load(FastConnections.Slot connection, List<Object> ids, List<Object[]> states, int slot)
      throws SQLException {
    Map<Object, List<Object>> byOwner = new HashMap<>();
    int biggest = BATCHES[BATCHES.length - 1];
    for (int from = 0; from < ids.size(); from += biggest) {
      List<Object> batch = ids.subList(from, Math.min(ids.size(), from + biggest));
      int b = 0;
      while (BATCHES[b] < batch.size()) {
        b++;
      }
      PreparedStatement ps = connection.statement(sql[b], sql[b]);
      for (int i = 0; i < BATCHES[b]; i++) {
        // padded with the last id: the same statement serves every batch of this size
        keyCodec.bind(ps, i + 1, batch.get(Math.min(i, batch.size() - 1)));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object owner = EntityModel.idKey(keyCodec.read(rs, 1));
          int at = 1 + keyCodec.width();
          Object element = embeddable != null ? embeddable.read(rs, at) : elementCodec.read(rs, at);
          if (element != null) {
            byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(element);
          }
        }
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      List<Object> found = byOwner.get(EntityModel.idKey(ids.get(i)));
      states.get(i)[slot] = found == null ? new Object[0] : found.toArray();
    }
  }

  /** A new collection of the elements read. */
  Collection<Object> build(
      Object[] elements,
      Map<Object, Object> seen,
      FastConnections connections,
      FastConnections.Slot slot)
      throws Throwable {
    Collection<Object> out =
        set ? new LinkedHashSet<>(elements.length * 2) : new ArrayList<>(elements.length);
    for (Object e : elements) {
      if (targetMapper != null) {
        Object t = targetMapper.loadInCall(e, seen, connections, slot);
        if (t != null) {
          out.add(t);
        }
      } else if (embeddable != null) {
        out.add(embeddable.build((Object[]) e));
      } else {
        out.add(RowMapper.copy(e));
      }
    }
    return out;
  }
}
