package dev.datajar.runtime.bench;

import dev.datajar.runtime.DataSet;

@DataSet("bench")
public interface BenchData {}
