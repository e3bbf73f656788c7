package dev.datajar.runtime.format;

import dev.datajar.runtime.DataSet;

@DataSet("samples")
interface SampleData {}
