package dev.datajar.runtime;

import java.util.Map;

/**
 * One dataset as JMX shows it ({@code dev.datajar:type=DataSet,name=<name>}): which version is
 * served, the values of {@link DataSetInfo}, read from {@link DataSets#info(String)} at each read
 * of an attribute. Registered by {@link DataSetsJmx}.
 */
public interface DataSetMXBean {
  /** The dataset's name. */
  String getName();

  /** {@code groupId:artifactId:version} of the jar it came from, or null. */
  String getArtifact();

  /** The sha256 of its file (on PostgreSQL: of its rows), or null. */
  String getSha256();

  /** The PostgreSQL schema it is read from, or null for a SQLite file. */
  String getSchema();

  /** Rows per table. */
  Map<String, Long> getTables();

  /** The rows of every table together. */
  long getTotalRows();

  /** When the jar was built (ISO-8601), or null. */
  String getBuiltAt();

  /** The datajar version that built it, or null. */
  String getDatajarVersion();

  /** Where it was opened from (never with a password). */
  String getSource();

  /** The SQLite file read, or null on PostgreSQL. */
  String getFile();

  /** When it was opened (ISO-8601). */
  String getServedSince();
}
