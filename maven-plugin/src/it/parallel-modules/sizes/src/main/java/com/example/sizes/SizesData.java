package com.example.sizes;

import dev.datajar.runtime.DataSet;

/** Marks the entities of the 'sizes' dataset. */
@DataSet("sizes")
public interface SizesData {}
