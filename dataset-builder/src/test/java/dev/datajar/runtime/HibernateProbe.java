package dev.datajar.runtime;

/**
 * Lets the builder's tests ask what {@code StartupPathTest} asks in the runtime's own tests: has
 * Hibernate started for a dataset, or did the fast path keep it off?
 */
public final class HibernateProbe {
  private HibernateProbe() {}

  public static boolean started(DataSets dataSets, String dataSet) {
    return dataSets.hibernateStarted(dataSet);
  }
}
