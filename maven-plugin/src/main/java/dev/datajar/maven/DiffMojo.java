package dev.datajar.maven;

import dev.datajar.tools.DiffReport;
import dev.datajar.tools.Differ;
import dev.datajar.tools.ToolException;
import java.io.File;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares the module's freshly built datasets with a released version of the same artifact (the
 * latest release before this version, unless {@code dataset.diff.against} names one): schema
 * changes and rows added, removed and changed by primary key, as text, Markdown or JSON. A thin
 * adapter over {@link Differ}.
 */
@Mojo(name = "diff", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DiffMojo extends ToolMojo {

  /**
   * The version to compare with, or {@code group:artifact:version}; the latest release when empty;
   * user property {@code dataset.diff.against}. Always the jar in the local or a remote repository
   * (installed or deployed), never this build's own output, even for the project's own version.
   */
  @Parameter(property = "dataset.diff.against")
  String against;

  /**
   * {@code text}, {@code markdown} or {@code json}; user property {@code dataset.diff.format}. When
   * not set, {@link #output}'s extension chooses ({@code .md} Markdown, {@code .json} JSON), else
   * text.
   */
  @Parameter(property = "dataset.diff.format")
  String format;

  /**
   * Rows listed per table and kind (totals are always exact); user property {@code
   * dataset.diff.rows}.
   */
  @Parameter(property = "dataset.diff.rows", defaultValue = "20", required = true)
  int rows;

  /**
   * Also writes the report to this file (e.g. release notes); user property {@code
   * dataset.diff.output}.
   */
  @Parameter(property = "dataset.diff.output")
  File output;

  @Override
  Body body() {
    return inputs -> {
      String f = format(format, output);
      if (!f.equals("text") && !f.equals("markdown") && !f.equals("json")) {
        throw new ToolException(
            "<format> "
                + format
                + " (dataset.diff.format) is not a diff"
                + " format: expected text, markdown or json");
      }
      StringBuilder all = new StringBuilder();
      boolean compared =
          againstPrevious(
              inputs,
              against,
              "nothing to compare with",
              (before, now) -> {
                DiffReport r = new Differ().diff(before, now, rows);
                all.append(
                    switch (f) {
                      case "markdown" -> r.toMarkdown();
                      case "json" -> r.toJson();
                      default -> r.toText();
                    });
              });
      if (!compared) {
        return;
      }
      report(all.toString(), output);
    };
  }

  /** The format asked for, else the one {@code output}'s file name ends with, else text. */
  static String format(String format, File output) {
    if (format != null && !format.isBlank()) {
      return format.toLowerCase(Locale.ROOT);
    }
    String name = output == null ? "" : output.getName().toLowerCase(Locale.ROOT);
    return name.endsWith(".md") || name.endsWith(".markdown")
        ? "markdown"
        : name.endsWith(".json") ? "json" : "text";
  }
}
