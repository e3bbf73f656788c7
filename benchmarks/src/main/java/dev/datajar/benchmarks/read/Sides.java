package dev.datajar.benchmarks.read;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The two sides every read benchmark compares, as JMH states over the same dataset file. A
 * benchmark method names the side it uses, so a fork opens only that one (Hibernate's boot and the
 * file check are not paid by the JDBC forks).
 */
public final class Sides {
  private Sides() {}

  /** Plain sqlite-jdbc: one connection, reused PreparedStatements, default pragmas. */
  @State(Scope.Thread)
  public static class Jdbc {
    JdbcReader reader;

    @Setup(Level.Trial)
    public void open() throws Exception {
      reader = new JdbcReader(ReadDataSet.ensure());
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
      reader.close();
    }
  }

  /** datajar: a Guice injector with {@code DataSetModule}, and its {@code Store<Item>}. */
  @State(Scope.Thread)
  public static class Stores {
    StoreAccess store;

    @Setup(Level.Trial)
    public void open() throws Exception {
      store = StoreAccess.open(ReadDataSet.ensure());
    }

    @TearDown(Level.Trial)
    public void close() {
      store.close();
    }
  }

  /** As {@link Stores}, with the row caches counting hits and misses (an observer is set). */
  @State(Scope.Thread)
  public static class CountedStores {
    StoreAccess store;

    @Setup(Level.Trial)
    public void open() throws Exception {
      store = StoreAccess.openCounted(ReadDataSet.ensure());
    }

    @TearDown(Level.Trial)
    public void close() {
      store.close();
    }
  }
}
