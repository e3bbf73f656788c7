package dev.datajar.runtime;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.datajar.runtime.fixture.Country;
import java.nio.file.Path;

/** Run in a separate JVM by {@link FileCacheTest}: opens the datasets and prints a count. */
public final class CacheUser {
  public static void main(String[] args) {
    Injector injector =
        Guice.createInjector(DataSetModule.builder().cacheDirectory(Path.of(args[0])).build());
    try (DataSets engines = injector.getInstance(DataSets.class)) {
      long n = injector.getInstance(Key.get(new TypeLiteral<Store<Country>>() {})).count();
      System.out.println("count=" + n + " file=" + engines.file("geo"));
    }
  }
}
