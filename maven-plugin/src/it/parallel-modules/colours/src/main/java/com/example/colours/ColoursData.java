package com.example.colours;

import dev.datajar.runtime.DataSet;

/** Marks the entities of the 'colours' dataset. */
@DataSet("colours")
public interface ColoursData {}
