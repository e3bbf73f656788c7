package dev.datajar.builder.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The datajar version of this builder, from a resource filtered at build time. */
final class DataJarVersion {
  private static final String VERSION = read();

  private DataJarVersion() {}

  static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = DataJarVersion.class.getResourceAsStream("datajar.properties")) {
      if (in == null) {
        throw new IllegalStateException("datajar.properties is missing from the builder jar");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
