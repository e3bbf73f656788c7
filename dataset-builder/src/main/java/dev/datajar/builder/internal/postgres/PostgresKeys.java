package dev.datajar.builder.internal.postgres;

import dev.datajar.builder.DataSetBuildException;
import dev.datajar.runtime.format.Codec;
import dev.datajar.runtime.format.EntityLayout;
import dev.datajar.runtime.internal.postgres.PostgresFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys a PostgreSQL dataset could be built with but not read back, refused before any row is
 * loaded. PostgreSQL keeps an {@code OffsetDateTime} or {@code ZonedDateTime} as a column pair (the
 * instant and its offset or zone); in a composite key that pair is read by neither of the runtime's
 * paths: the row path reads single-column key parts only, and Hibernate 7.4 fails on such an
 * embeddable id with a {@code NullPointerException} in its setter (a search of the entity, and of
 * every entity with a to-one to it). On SQLite the same key is one column and reads.
 */
public final class PostgresKeys {
  private PostgresKeys() {}

  /**
   * Throws, with one problem per key part, if an entity of {@code layouts} has an offset or zoned
   * date-time inside a composite key.
   */
  public static void check(String dataSet, List<EntityLayout> layouts, ClassLoader loader)
      throws DataSetBuildException {
    List<String> problems = new ArrayList<>();
    for (EntityLayout l : layouts) {
      if (l.id() != null && l.id().isComposite()) {
        String entity = l.entity().substring(l.entity().lastIndexOf('.') + 1);
        collect(dataSet, entity, entity, l.id().parts(), loader, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new DataSetBuildException(String.join("\n", problems), problems);
    }
  }

  private static void collect(
      String dataSet,
      String entity,
      String path,
      List<EntityLayout.Member> parts,
      ClassLoader loader,
      List<String> problems) {
    for (EntityLayout.Member m : parts) {
      String at = path + "." + m.attribute();
      if (m.isComposite()) {
        collect(dataSet, entity, at, m.parts(), loader, problems);
      } else if (m.target() == null && m.codec() != null) {
        Codec codec = Codec.of(m.codec(), loader);
        if (PostgresFormat.columns(codec) == 2) {
          problems.add(
              "dataset '"
                  + dataSet
                  + "', entity "
                  + entity
                  + ": the composite key's part "
                  + at
                  + " is of type "
                  + codec.javaType().getSimpleName()
                  + ", which PostgreSQL keeps as two columns (the instant and its offset or zone);"
                  + " datajar cannot read such a key from PostgreSQL. Fix: make that key part an"
                  + " Instant (and keep the offset or zone in an attribute outside the key), or"
                  + " build this dataset for SQLite (no dataset.jdbc.url)");
        }
      }
    }
  }
}
