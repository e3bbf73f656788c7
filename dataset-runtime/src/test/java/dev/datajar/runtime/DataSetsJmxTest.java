package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.fixture.Fixtures;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DataSetsJmx}: the datasets as MBeans of the platform MBean server, read through JMX. */
class DataSetsJmxTest {
  @TempDir Path tmp;

  @Test
  void eachDataSet_isAnMBeanWithItsInfo_untilClosed() throws Exception {
    Path classes = tmp.resolve("classes");
    Path file = Fixtures.geo(classes);
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName on = new ObjectName("dev.datajar:type=DataSet,name=\"geo\",context=\"jmx-test\"");
    try (DataSets dataSets = DataSets.builder().classLoader(Fixtures.loader(classes)).open();
        DataSetsJmx jmx = DataSetsJmx.register(dataSets, server, "jmx-test")) {
      DataSetInfo info = dataSets.info("geo");
      assertEquals(List.of(on), jmx.names());
      assertTrue(server.isRegistered(on));
      assertEquals("geo", server.getAttribute(on, "Name"));
      assertEquals(info.sha256(), server.getAttribute(on, "Sha256"));
      assertEquals(Fixtures.sha256(file), server.getAttribute(on, "Sha256"));
      assertEquals(20L, server.getAttribute(on, "TotalRows"));
      assertEquals(file.toString(), server.getAttribute(on, "File"));
      assertEquals(info.servedSince().toString(), server.getAttribute(on, "ServedSince"));
      assertEquals(info.source(), server.getAttribute(on, "Source"));
      Map<Object, Object> tables = new TreeMap<>();
      for (Object row : ((TabularData) server.getAttribute(on, "Tables")).values()) {
        CompositeData c = (CompositeData) row;
        tables.put(c.get("key"), c.get("value"));
      }
      assertEquals(Map.of("city", 10L, "country", 10L), tables);
      // The same datasets twice under one name: refused, saying what to do.
      DataSetException twice =
          assertThrows(
              DataSetException.class, () -> DataSetsJmx.register(dataSets, server, "jmx-test"));
      assertTrue(twice.getMessage().startsWith("cannot register " + on), twice.getMessage());
      jmx.close();
      assertFalse(server.isRegistered(on));
    }
  }
}
