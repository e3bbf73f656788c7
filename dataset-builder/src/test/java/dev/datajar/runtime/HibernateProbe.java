package dev.datajar.runtime;

/** For the builder's tests: what {@link DataSets} keeps package-private. */
public final class HibernateProbe {
  private HibernateProbe() {}

  /** True once Hibernate (its SessionFactory) has started for {@code dataSet}. */
  public static boolean started(DataSets dataSets, String dataSet) {
    return dataSets.hibernateStarted(dataSet);
  }

  /** True if {@code type} reads through the row path (SQL and the recorded layout). */
  public static boolean rowPath(DataSets dataSets, Class<?> type) {
    return dataSets.reader(type).hasFastPath();
  }
}
