package dev.datajar.it.corpus;

import dev.datajar.runtime.DataSet;

/** The exact-values dataset: the same edge values of every supported type, from CSV and JSON. */
@DataSet("corpus")
public interface CorpusData {}
