package dev.datajar.datasets.oui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.util.Types;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;
import dev.datajar.runtime.Store;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the packaged {@code dataset-ieee-oui} jar through the runtime and checks it against the
 * source files, read independently of the builder.
 */
class IeeeOuiIT {
  private static Injector injector;
  private static OuiLookup lookup;

  @BeforeAll
  static void openDataSet() {
    injector = Guice.createInjector(Stage.PRODUCTION, new DataSetModule());
    lookup = injector.getInstance(OuiLookup.class);
  }

  @AfterAll
  static void close() {
    injector.getInstance(DataSets.class).close();
  }

  @Test
  void dataSet_comesFromThePackagedJar() {
    URL url = IeeeOuiIT.class.getClassLoader().getResource("META-INF/datasets/ieee-oui.sqlite");
    assertEquals("jar", url.getProtocol(), url.toString());
    assertTrue(url.getPath().contains("dataset-ieee-oui-"), url.toString());
  }

  @Test
  void rowCounts_matchTheSourceFiles() throws IOException {
    assertEquals(SourceFiles.records("ma_l.csv").size(), store(LargeBlock.class).count());
    assertEquals(SourceFiles.records("ma_m.csv").size(), store(MediumBlock.class).count());
    assertEquals(SourceFiles.records("ma_s.csv").size(), store(SmallBlock.class).count());
    assertEquals(SourceFiles.records("iab.csv").size(), store(IabBlock.class).count());
  }

  @Test
  void everyRow_matchesItsSourceRecord() throws IOException {
    assertSameRows("ma_l.csv", store(LargeBlock.class));
    assertSameRows("ma_m.csv", store(MediumBlock.class));
    assertSameRows("ma_s.csv", store(SmallBlock.class));
    assertSameRows("iab.csv", store(IabBlock.class));
  }

  private static void assertSameRows(String file, Store<? extends Assignment> store)
      throws IOException {
    // Both sides as "registry|assignment|name|address" lines, sorted: equal lists mean every
    // record arrived, once, with every field exactly as written.
    List<String> expected = new ArrayList<>();
    for (List<String> r : SourceFiles.records(file)) {
      expected.add(r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3));
    }
    List<String> actual = new ArrayList<>();
    for (Assignment a : store.search()) {
      actual.add(
          a.getRegistry().label()
              + "|"
              + a.getAssignment()
              + "|"
              + a.getOrganizationName()
              + "|"
              + a.getOrganizationAddress());
    }
    Collections.sort(expected);
    Collections.sort(actual);
    assertEquals(expected.size(), actual.size(), file);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), file);
    }
  }

  @Test
  void find_keepsQuotedCommasAndNewlines() {
    assertEquals("Cisco Systems, Inc", only("F4:BD:9E:00:00:01").getOrganizationName());
    Assignment arounds = only("3cb07e");
    assertEquals("Arounds Intelligent Equipment Co., Ltd.", arounds.getOrganizationName());
    assertEquals(
        "Room 701~703,\nVanke Huamao Plaza? \nNo.508, East 2nd Section, \n"
            + "2ndRingRoad,\nChenghua District Chengdu Sichuan CN 610000 ",
        arounds.getOrganizationAddress());
  }

  @Test
  void find_keepsDoubledQuotesNonAsciiTabsAndSpaces() {
    assertEquals("Gemalto \"Document Readers\"", only("E0-5A-9F-90-00-00").getOrganizationName());
    assertEquals("ООО \"РОНЕКС\"", only("70B3D5F3E000").getOrganizationName());
    assertEquals("Shenzhen YOUHUA Technology Co., Ltd\t", only("90:12:34").getOrganizationName());
  }

  @Test
  void find_readsAnEmptyUnquotedAddressAsNull() {
    Assignment hidden = only("11-00-AA");
    assertEquals("Private", hidden.getOrganizationName());
    assertNull(hidden.getOrganizationAddress());
  }

  @Test
  void find_prefersTheLongestPrefix() {
    Assignment small = only("70:b3:d5:f2:f1:23");
    assertEquals(Registry.MA_S, small.getRegistry());
    assertEquals("70B3D5F2F", small.getAssignment());
    assertEquals("TELEPLATFORMS", small.getOrganizationName());
    assertEquals(Registry.IAB, only("0050.c27d.5000").getRegistry());
    // Too short to reach a 36-bit block: the IEEE's own MA-L entry answers.
    assertEquals("IEEE Registration Authority", only("70:B3:D5").getOrganizationName());
  }

  @Test
  void find_returnsEveryHolderOfADoublyAssignedPrefix() {
    List<Assignment> found = lookup.find("08:00:30:12:34:56");
    assertEquals(
        List.of("CERN", "NETWORK RESEARCH CORPORATION", "ROYAL MELBOURNE INST OF TECH"),
        found.stream().map(Assignment::getOrganizationName).toList());
  }

  @Test
  void find_isEmptyForAnUnassignedPrefix() {
    assertTrue(lookup.find("FF:FF:FF:FF:FF:FF").isEmpty());
  }

  @Test
  void find_refusesAMalformedAddress() {
    assertThrows(InvalidMacAddressException.class, () -> lookup.find("not-a-mac"));
  }

  private static Assignment only(String mac) {
    List<Assignment> found = lookup.find(mac);
    assertEquals(1, found.size(), mac + " → " + found);
    return found.get(0);
  }

  @SuppressWarnings("unchecked")
  private static <T> Store<T> store(Class<T> type) {
    return (Store<T>) injector.getInstance(Key.get(Types.newParameterizedType(Store.class, type)));
  }
}
