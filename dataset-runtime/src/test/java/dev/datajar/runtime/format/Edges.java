package dev.datajar.runtime.format;

import dev.datajar.runtime.DataSet;

/** The storage-format corpus as a dataset: {@link Edge} holds one edge value per row. */
@DataSet("edges")
public interface Edges {}
