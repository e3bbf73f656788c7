package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datajar.it.shop.Product;
import dev.datajar.it.shop.ProductStore;
import dev.datajar.it.shop.Reading;
import dev.datajar.it.shop.Tag;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Many threads at once get exactly what one thread gets, call for call. */
class ShopThreadsTest {
  private static final int THREADS = 6;
  private static final int CALLS = 120;

  private final Store<Product> products = Injectors.store(Product.class);
  private final ProductStore shopFront = Injectors.shared().getInstance(ProductStore.class);
  private final Store<Reading> readings = Injectors.store(Reading.class);

  private static String describe(Product p) {
    return p.getId()
        + ":"
        + p.getSku()
        + ":"
        + p.getPrice()
        + ":"
        + p.getCategory().getCode()
        + ":"
        + p.getTags().stream().map(Tag::getLabel).collect(Collectors.joining(","))
        + ":"
        + p.getAliases();
  }

  private static String describe(List<Product> rows) {
    return rows.stream().map(ShopThreadsTest::describe).collect(Collectors.joining(";"));
  }

  /** The results of thread {@code t}'s calls, from a fixed seed. */
  private List<String> run(int t) {
    Random random = new Random(1000 + t);
    List<String> out = new ArrayList<>(CALLS);
    for (int i = 0; i < CALLS; i++) {
      out.add(
          switch (random.nextInt(7)) {
            case 0 ->
                products
                    .get((long) random.nextInt(13))
                    .map(ShopThreadsTest::describe)
                    .orElse("none");
            case 1 ->
                describe(
                    products.search(Query.where(Where.eq("category.id", 1L + random.nextInt(6)))));
            case 2 ->
                products
                    .getAll(List.of((long) random.nextInt(13), (long) random.nextInt(13)))
                    .stream()
                    .map(o -> o.map(ShopThreadsTest::describe).orElse("none"))
                    .collect(Collectors.joining("|"));
            case 3 ->
                "count "
                    + products.count(
                        Query.where(Where.lt("price", new BigDecimal(random.nextInt(1500)))));
            case 4 -> describe(shopFront.search(Query.all().offset(random.nextInt(5)).limit(3)));
            case 5 -> {
              long from = 1L + random.nextInt(99_000);
              try (Stream<Reading> s =
                  readings.stream(
                      Query.where(Where.between("id", from, from + random.nextInt(500))))) {
                yield "readings " + s.mapToDouble(Reading::getReading).sum();
              }
            }
            default ->
                readings
                    .get(1L + random.nextInt(100_000))
                    .map(r -> r.getSensor() + "=" + r.getReading())
                    .orElse("none");
          });
    }
    return out;
  }

  @Test
  void concurrentCalls_matchASingleThreadedRun() throws Exception {
    List<List<String>> expected = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      expected.add(run(t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<List<String>> task =
            () -> {
              start.await();
              return run(thread);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      for (int t = 0; t < THREADS; t++) {
        List<String> got = futures.get(t).get();
        for (int i = 0; i < CALLS; i++) {
          assertEquals(expected.get(t).get(i), got.get(i), "thread " + t + ", call " + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(Optional.of("LAP-13"), products.get(1L).map(Product::getSku));
  }
}
