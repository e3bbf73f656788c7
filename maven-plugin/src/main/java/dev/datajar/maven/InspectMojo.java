package dev.datajar.maven;

import dev.datajar.tools.DataSetInput;
import dev.datajar.tools.InspectReport;
import dev.datajar.tools.Inspector;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Describes a dataset: the module's built one, a dataset jar, or Maven coordinates. Tables with row
 * counts, columns with stored and Java types, keys, indexes, relations, entities, and how it was
 * built. A thin adapter over {@link Inspector}.
 */
@Mojo(name = "inspect", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class InspectMojo extends ToolMojo {

  /** A dataset jar to inspect instead of the module's build; user property {@code dataset.jar}. */
  @Parameter(property = "dataset.jar")
  File jar;

  /**
   * Coordinates {@code group:artifact[:version]} to inspect instead of the module's build; user
   * property {@code dataset.artifact}.
   */
  @Parameter(property = "dataset.artifact")
  String artifact;

  /** Prints JSON instead of text; user property {@code dataset.json}. */
  @Parameter(property = "dataset.json", defaultValue = "false")
  boolean json;

  /** Also writes the report to this file; user property {@code dataset.inspect.output}. */
  @Parameter(property = "dataset.inspect.output")
  File output;

  @Override
  String goal() {
    return "inspect";
  }

  @Override
  Body body() {
    return inputs -> {
      StringBuilder all = new StringBuilder();
      for (DataSetInput in : inputs.open(jar, artifact, dataSets)) {
        InspectReport r = new Inspector().inspect(in);
        all.append(json ? r.toJson() : r.toText());
      }
      report(all.toString(), output);
    };
  }
}
