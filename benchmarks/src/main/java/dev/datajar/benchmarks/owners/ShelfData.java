package dev.datajar.benchmarks.owners;

import dev.datajar.runtime.DataSet;

/**
 * The {@code shelves} dataset of {@link OwnerCacheMemory}: {@link Shelf}s owning {@link Book}s
 * through a {@code @OneToMany}.
 */
@DataSet("shelves")
public interface ShelfData {}
