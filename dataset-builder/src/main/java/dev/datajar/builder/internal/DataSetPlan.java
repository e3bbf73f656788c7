package dev.datajar.builder.internal;

import dev.datajar.runtime.source.RowSource;
import java.util.List;

/**
 * One dataset found in a module: its name, its entity classes (sorted by name) and the code sources
 * that fill some of its tables (sorted by class name).
 */
record DataSetPlan(String name, List<Class<?>> entities, List<RowSource> rowSources) {
  DataSetPlan {
    entities = List.copyOf(entities);
    rowSources = List.copyOf(rowSources);
  }
}
