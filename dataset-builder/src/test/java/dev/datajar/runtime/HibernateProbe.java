package dev.datajar.runtime;

/**
 * Lets the builder's tests ask what {@code StartupPathTest} asks in the runtime's own tests: has
 * Hibernate started for a dataset, or did the row path keep it off? ({@link DataSets} keeps both
 * package-private.)
 */
public final class HibernateProbe {
  private HibernateProbe() {}

  /** True once Hibernate (its SessionFactory) has started for {@code dataSet}. */
  public static boolean started(DataSets dataSets, String dataSet) {
    return dataSets.hibernateStarted(dataSet);
  }

  /**
   * A store of {@code type} that reads through Hibernate even where the row path would, to compare
   * the two paths' answers; its first call starts Hibernate for the dataset.
   */
  public static <T> Store<T> throughHibernate(DataSets dataSets, Class<T> type) {
    return dataSets.storeThroughHibernate(type);
  }

  /** True if {@code type} reads through the row path (SQL and the recorded layout). */
  public static boolean rowPath(DataSets dataSets, Class<?> type) {
    return dataSets.reader(type).hasFastPath();
  }
}
