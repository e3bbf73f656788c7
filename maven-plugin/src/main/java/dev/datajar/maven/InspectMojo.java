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
public class InspectMojo extends DataSetReadMojo {

  /** Prints JSON instead of text; user property {@code dataset.json}. */
  @Parameter(property = "dataset.json", defaultValue = "false")
  boolean json;

  /** Also writes the report to this file; user property {@code dataset.inspect.output}. */
  @Parameter(property = "dataset.inspect.output")
  File output;

  @Override
  Body body() {
    return inputs -> {
      StringBuilder all = new StringBuilder();
      for (DataSetInput in : open(inputs)) {
        InspectReport r = new Inspector().inspect(in);
        all.append(json ? r.toJson() : r.toText());
      }
      report(all.toString(), output);
    };
  }
}
