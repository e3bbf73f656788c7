package dev.datajar.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datajar.runtime.fixture.Fixtures;
import dev.datajar.runtime.fixture.Vendor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams that are never closed: they cannot starve plain lookups, their connections come back once
 * they are garbage, and closing the datasets wakes every waiting reader at once.
 */
class StreamLeakTest {
  /** More than the connections a dataset lends to streams on any machine this runs on. */
  private static final int MANY = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

  @TempDir static Path root;

  private static DataSets open() {
    Fixtures.oui(root);
    return DataSets.builder().classLoader(Fixtures.loader(root)).open();
  }

  /** Opens a stream, reads one row and drops it without closing it. */
  private static void leak(Store<Vendor> vendors) {
    Iterator<Vendor> it = vendors.stream().iterator();
    it.next();
  }

  @Test
  void leakedStreams_doNotStarveLookups_andComeBackWhenGarbage() throws Exception {
    try (DataSets dataSets = open()) {
      Store<Vendor> vendors = dataSets.store(Vendor.class);
      for (int i = 0; i < MANY; i++) {
        leak(vendors);
      }
      // Every stream connection is held by a dropped stream; lookups have their own.
      assertEquals("Apple", vendors.get(1L).orElseThrow().getName());
      assertEquals(3, vendors.search().size());
      // Once the dropped streams are collected, their connections serve new streams.
      for (int i = 0; i < 100 && dataSets.openStreams("oui") > 0; i++) {
        System.gc();
        Thread.sleep(50);
      }
      assertEquals(0, dataSets.openStreams("oui"), "dropped streams were reclaimed");
      try (Stream<Vendor> s = vendors.stream()) {
        assertEquals(3, s.count());
      }
    }
  }

  /** Issue 10, item 7: the warning for a reclaimed stream names the code that opened it. */
  @Test
  void leakedStream_isLoggedWithWhereItWasOpened() throws Exception {
    Logger logger = Logger.getLogger("dev.datajar.runtime.internal.core.OpenStreams");
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            records.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(capture);
    try (DataSets dataSets = open()) {
      leak(dataSets.store(Vendor.class));
      for (int i = 0; i < 100 && records.isEmpty(); i++) {
        System.gc();
        Thread.sleep(50);
      }
    } finally {
      logger.removeHandler(capture);
    }
    assertFalse(records.isEmpty(), "no warning for the dropped stream");
    LogRecord r = records.get(0);
    assertEquals(Level.WARNING, r.getLevel());
    assertEquals(
        "dataset 'oui': a Store.stream() was dropped without being closed; its connection was"
            + " reclaimed when it became garbage. Close every stream (try-with-resources).",
        r.getMessage());
    assertEquals("Store.stream() opened here", r.getThrown().getMessage());
    assertTrue(
        Arrays.stream(r.getThrown().getStackTrace())
            .anyMatch(
                e ->
                    e.getClassName().equals(StreamLeakTest.class.getName())
                        && e.getMethodName().equals("leak")),
        "the stack names the code that opened the stream");
  }

  @Test
  void close_wakesAReaderWaitingForAConnection_withTheClosedMessage() throws Exception {
    DataSets dataSets = open();
    Store<Vendor> vendors = dataSets.store(Vendor.class);
    List<Stream<Vendor>> held = new ArrayList<>();
    for (int i = 0; i < MANY; i++) {
      Stream<Vendor> s = vendors.stream();
      s.iterator().next();
      held.add(s); // kept reachable: these are in use, not leaked
    }
    CompletableFuture<Object> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try (Stream<Vendor> s = vendors.stream()) {
                return s.count();
              } catch (RuntimeException e) {
                return e;
              }
            });
    while (!dataSets.hasWaitingReaders("oui")) {
      Thread.onSpinWait();
    }
    dataSets.close();
    Object outcome;
    try {
      // Not a timing assertion: without the wake-up it would only end after the 30 s wait.
      outcome = waiting.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      outcome = e.getCause();
    }
    assertTrue(outcome instanceof DataSetException, String.valueOf(outcome));
    assertEquals(
        "dataset 'oui' is closed: DataSets.close() was called; open the datasets again"
            + " (a new DataSets or injector) to read it",
        ((Exception) outcome).getMessage());
    held.forEach(Stream::close); // the connections in use close as they come back
  }
}
