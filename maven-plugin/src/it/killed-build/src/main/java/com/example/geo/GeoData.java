package com.example.geo;

import dev.datajar.runtime.DataSet;

/** Marks the entities of the 'geo' dataset. */
@DataSet("geo")
public interface GeoData {}
