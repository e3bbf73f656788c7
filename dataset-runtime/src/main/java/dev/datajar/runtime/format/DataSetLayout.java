package dev.datajar.runtime.format;

import java.util.regex.Pattern;

/**
 * Where a dataset lives inside a jar, and what its files are called.
 *
 * <p>The builder writes, for each dataset {@code name}, {@code META-INF/datasets/<name>.sqlite} and
 * its manifest {@code META-INF/datasets/<name>.manifest.json}, and lists every dataset of the
 * module in {@code META-INF/datasets/index} (one name per line, sorted). The index has a fixed name
 * so that the runtime can find every dataset jar with {@code ClassLoader.getResources}.
 */
public final class DataSetLayout {
  /** Resource folder of datasets inside a jar or class folder. */
  public static final String RESOURCE_DIR = "META-INF/datasets/";

  /** The index's file name inside {@link #RESOURCE_DIR}. */
  public static final String INDEX_NAME = "index";

  /** Resource that lists the datasets of one jar, one name per line. */
  public static final String INDEX = RESOURCE_DIR + INDEX_NAME;

  /** SQLite {@code application_id} of every datajar file: the ASCII bytes "DJAR". */
  public static final int APPLICATION_ID = 0x444A4152;

  /** Version of the file layout and storage formats; also the SQLite {@code user_version}. */
  public static final int FORMAT_VERSION = 1;

  /** Table inside every dataset file that describes it (key/value text pairs). */
  public static final String METADATA_TABLE = "datajar_metadata";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

  private DataSetLayout() {}

  public static String sqliteFileName(String dataSet) {
    return checkName(dataSet) + ".sqlite";
  }

  public static String manifestFileName(String dataSet) {
    return checkName(dataSet) + ".manifest.json";
  }

  public static String sqliteResource(String dataSet) {
    return RESOURCE_DIR + sqliteFileName(dataSet);
  }

  public static String manifestResource(String dataSet) {
    return RESOURCE_DIR + manifestFileName(dataSet);
  }

  /** True if {@code name} may name a dataset: it becomes part of file and resource names. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** Returns {@code name}, or throws if it cannot name a dataset. */
  public static String checkName(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not a valid dataset name: use 1-64"
              + " lower-case letters, digits, '-' or '_', starting with a letter");
    }
    return name;
  }
}
