package dev.datajar.runtime.internal.open;

import java.nio.file.Path;

/**
 * The cache directory in effect, and which setting chose it: every message about the cache names
 * it, so that an operator sees whether it was set (and where) or is the default.
 *
 * @param dir the directory as configured (before symbolic links are resolved)
 * @param origin which setting chose it
 * @param defaultDir the directory datajar would use with no setting ({@code
 *     $XDG_CACHE_HOME/datajar} or {@code ~/.cache/datajar})
 * @param defaultSource how the default is formed, in words
 */
public record CacheSetting(Path dir, Origin origin, Path defaultDir, String defaultSource) {

  /** Where the cache directory came from, in the order the settings are read. */
  public enum Origin {
    /** {@code cacheDirectory(...)} on a builder; the Spring Boot starter's property sets it. */
    BUILDER,
    /** System property {@code datajar.cache.dir}. */
    PROPERTY,
    /** Environment variable {@code DATAJAR_CACHE_DIR}. */
    VARIABLE,
    /** None of them: the default. */
    DEFAULT
  }

  /** A directory given directly (tests, tools): said to come from the builder. */
  public static CacheSetting given(Path dir) {
    return new CacheSetting(
        dir,
        Origin.BUILDER,
        Path.of(System.getProperty("user.home"), ".cache", "datajar"),
        "~/.cache/datajar");
  }

  /** Which setting chose the directory, for messages: "set by ...", or "the default ...". */
  public String describe() {
    return switch (origin) {
      case BUILDER ->
          "set by cacheDirectory(...) on the builder (the Spring Boot starter's"
              + " datajar.cache-directory)";
      case PROPERTY -> "set by system property " + Settings.CACHE_PROPERTY;
      case VARIABLE -> "set by environment variable " + Settings.CACHE_VARIABLE;
      case DEFAULT ->
          "the default, "
              + defaultSource
              + ", as neither -D"
              + Settings.CACHE_PROPERTY
              + " nor "
              + Settings.CACHE_VARIABLE
              + " is set";
    };
  }

  /**
   * How to choose another cache directory, or do without one: the end of every refusal. Names the
   * setting in effect, so it never tells to unset what is unset.
   */
  public String fix(String dataSet) {
    String where =
        " to a directory that only "
            + PathStatus.userName()
            + " can write (with a read-only root file system: a writable volume mounted for it)";
    String set =
        origin == Origin.DEFAULT
            ? "Set -D"
                + Settings.CACHE_PROPERTY
                + " or "
                + Settings.CACHE_VARIABLE
                + " (datajar.cache-directory in Spring Boot, cacheDirectory(...) on a builder)"
                + where
            : "Change " + setting() + where + ", or remove it to use the default " + defaultDir;
    return set
        + ". A dataset read in place needs no cache: one in a class folder, or a file given by -D"
        + Settings.pathProperty(dataSet)
        + " or "
        + Settings.pathVariable(dataSet)
        + ".";
  }

  private String setting() {
    return switch (origin) {
      case BUILDER -> "cacheDirectory(...) (datajar.cache-directory in Spring Boot)";
      case PROPERTY -> "-D" + Settings.CACHE_PROPERTY;
      case VARIABLE -> Settings.CACHE_VARIABLE;
      case DEFAULT -> throw new IllegalStateException();
    };
  }

  @Override
  public String toString() {
    return dir + " (" + describe() + ")";
  }
}
