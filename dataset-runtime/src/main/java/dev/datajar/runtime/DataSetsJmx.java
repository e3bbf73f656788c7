package dev.datajar.runtime;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Shows each dataset of a {@link DataSets} over JMX, as {@code
 * dev.datajar:type=DataSet,name=<name>} (with {@code ,context=<context>} when one is given, for
 * several {@code DataSets} in one JVM): a {@link DataSetMXBean} whose attributes are those of
 * {@link DataSets#info(String)}, read anew at each access. Nothing is registered unless asked:
 *
 * <pre>{@code
 * DataSetsJmx jmx = DataSetsJmx.register(dataSets);   // the platform MBean server
 * ...
 * jmx.close();                                          // unregisters them
 * }</pre>
 */
public final class DataSetsJmx implements AutoCloseable {
  /** The JMX domain of datajar's MBeans. */
  public static final String DOMAIN = "dev.datajar";

  private final MBeanServer server;
  private final List<ObjectName> names;

  private DataSetsJmx(MBeanServer server, List<ObjectName> names) {
    this.server = server;
    this.names = names;
  }

  /** Registers every dataset of {@code dataSets} with the platform MBean server. */
  public static DataSetsJmx register(DataSets dataSets) {
    return register(dataSets, ManagementFactory.getPlatformMBeanServer(), null);
  }

  /**
   * Registers every dataset of {@code dataSets} with {@code server}, the names carrying {@code
   * context} when it is not null.
   *
   * @throws DataSetException naming the MBean if one of that name is registered already (another
   *     {@code DataSets} with the same datasets: give each a context)
   */
  public static DataSetsJmx register(DataSets dataSets, MBeanServer server, String context) {
    Objects.requireNonNull(dataSets, "dataSets");
    Objects.requireNonNull(server, "server");
    List<ObjectName> registered = new ArrayList<>();
    DataSetsJmx jmx = new DataSetsJmx(server, registered);
    for (String name : dataSets.names()) {
      ObjectName on = objectName(name, context);
      try {
        server.registerMBean(new Bean(dataSets, name), on);
        registered.add(on);
      } catch (JMException e) {
        jmx.close();
        throw new DataSetException(
            "cannot register "
                + on
                + " with JMX: "
                + e
                + (context == null
                    ? ". Another DataSets of this JVM shows the same dataset: register each with a"
                        + " context of its own."
                    : "."),
            e);
      }
    }
    return jmx;
  }

  /** {@code dev.datajar:type=DataSet,name=<name>[,context=<context>]}. */
  public static ObjectName objectName(String dataSet, String context) {
    String keys = "type=DataSet,name=" + ObjectName.quote(dataSet);
    if (context != null) {
      keys += ",context=" + ObjectName.quote(context);
    }
    try {
      return new ObjectName(DOMAIN + ":" + keys);
    } catch (JMException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The names registered. */
  public List<ObjectName> names() {
    return List.copyOf(names);
  }

  /** Unregisters every MBean this registered; again does nothing. */
  @Override
  public synchronized void close() {
    for (ObjectName on : names) {
      try {
        server.unregisterMBean(on);
      } catch (InstanceNotFoundException e) {
        // unregistered by someone else already
      } catch (JMException e) {
        throw new DataSetException("cannot unregister " + on + " from JMX: " + e, e);
      }
    }
    names.clear();
  }

  private static final class Bean implements DataSetMXBean {
    private final DataSets dataSets;
    private final String name;

    Bean(DataSets dataSets, String name) {
      this.dataSets = dataSets;
      this.name = name;
    }

    private DataSetInfo info() {
      return dataSets.info(name);
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getArtifact() {
      DataSetInfo.Artifact a = info().artifact();
      return a == null ? null : a.toString();
    }

    @Override
    public String getSha256() {
      return info().sha256();
    }

    @Override
    public String getSchema() {
      return info().schema();
    }

    @Override
    public Map<String, Long> getTables() {
      return info().tables();
    }

    @Override
    public long getTotalRows() {
      return info().totalRows();
    }

    @Override
    public String getBuiltAt() {
      return info().builtAt() == null ? null : info().builtAt().toString();
    }

    @Override
    public String getDatajarVersion() {
      return info().datajarVersion();
    }

    @Override
    public String getSource() {
      return info().source();
    }

    @Override
    public String getFile() {
      return info().file() == null ? null : info().file().toString();
    }

    @Override
    public String getServedSince() {
      return info().servedSince().toString();
    }
  }
}
