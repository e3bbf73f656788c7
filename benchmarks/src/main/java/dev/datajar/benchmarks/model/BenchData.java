package dev.datajar.benchmarks.model;

import dev.datajar.runtime.DataSet;

/**
 * The benchmark dataset {@code bench}: {@link Parent} and {@link Item} belong to it.
 *
 * <p>The same two tables are built by the build benchmark and read by the read-path benchmarks, so
 * both measure the shape the issues describe: a long id, two texts, a double and an indexed foreign
 * key.
 */
@DataSet("bench")
public interface BenchData {}
