package dev.datajar.tools.internal;

import dev.datajar.runtime.format.DataSetLayout;
import dev.datajar.runtime.format.DataSetMembership;
import dev.datajar.runtime.format.HibernateSetup;
import dev.datajar.runtime.format.Manifest;
import dev.datajar.runtime.format.SchemaModel;
import dev.datajar.runtime.format.SqliteFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Every use the tools make of the storage-format layer, in one class: where datasets live in a jar,
 * how a manifest is read, how a file is opened read-only, and how entity classes become a {@link
 * SchemaModel}.
 */
public final class StorageFormat {
  /** Resource folder of datasets inside a jar or class folder, with a trailing slash. */
  public static final String RESOURCE_DIR = DataSetLayout.RESOURCE_DIR;

  /** The resource listing a jar's datasets, one name per line. */
  public static final String INDEX = DataSetLayout.INDEX;

  /** SQLite {@code application_id} of datajar files. */
  public static final int APPLICATION_ID = DataSetLayout.APPLICATION_ID;

  /** The table inside each file that describes it. */
  public static final String METADATA_TABLE = DataSetLayout.METADATA_TABLE;

  private StorageFormat() {}

  public static String sqliteFileName(String dataSet) {
    return DataSetLayout.sqliteFileName(dataSet);
  }

  public static String manifestFileName(String dataSet) {
    return DataSetLayout.manifestFileName(dataSet);
  }

  public static boolean isValidName(String name) {
    return DataSetLayout.isValidName(name);
  }

  public static Manifest readManifest(InputStream in, String where) throws IOException {
    return Manifest.read(in, where);
  }

  /** A read-only, immutable connection with datajar's collations, URIs allowed in ATTACH. */
  public static Connection openReadOnly(Path file) throws SQLException {
    return SqliteFiles.openReadOnly(file);
  }

  /**
   * The schema the named entity classes define, booted as the builder boots them.
   *
   * @throws ClassNotFoundException if an entity class is not on {@code loader}
   */
  public static SchemaModel schemaOf(
      String dataSet, List<String> entityClassNames, ClassLoader loader)
      throws ClassNotFoundException {
    List<Class<?>> classes = new ArrayList<>();
    for (String name : entityClassNames) {
      classes.add(Class.forName(name, false, loader));
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try (HibernateSetup.Booted booted =
        HibernateSetup.boot(dataSet, classes, null, loader, Map.of())) {
      return booted.schema();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The {@code @DataSet} base types an entity class implements or extends. */
  public static Collection<Class<?>> dataSetBases(Class<?> entity) {
    return DataSetMembership.bases(entity).values();
  }
}
