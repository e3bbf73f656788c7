package dev.datajar.maven;

import dev.datajar.tools.DataSetInput;
import dev.datajar.tools.ToolException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the inspect and dump goals share: which datasets they read, the module's built ones unless a
 * dataset jar or Maven coordinates are given instead.
 */
abstract class DataSetReadMojo extends ToolMojo {

  /** A dataset jar to read instead of the module's build; user property {@code dataset.jar}. */
  @Parameter(property = "dataset.jar")
  File jar;

  /**
   * Coordinates {@code group:artifact[:version]} to read instead of the module's build; user
   * property {@code dataset.artifact}.
   */
  @Parameter(property = "dataset.artifact")
  String artifact;

  /** The datasets to read, open; the caller's {@link ToolInputs} closes them. */
  List<DataSetInput> open(ToolInputs inputs) throws ToolException, IOException {
    return inputs.open(jar, artifact, dataSets);
  }
}
