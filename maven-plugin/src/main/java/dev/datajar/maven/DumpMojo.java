package dev.datajar.maven;

import dev.datajar.tools.DataSetInput;
import dev.datajar.tools.DumpFormat;
import dev.datajar.tools.DumpResult;
import dev.datajar.tools.Dumper;
import dev.datajar.tools.RoundTrip;
import dev.datajar.tools.ToolException;
import java.io.File;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes a dataset's tables back out as source files the builder reads, into {@code
 * <directory>/src/main/datasets/<name>/}: the module's built dataset, a dataset jar, or Maven
 * coordinates. A thin adapter over {@link Dumper}.
 */
@Mojo(name = "dump", threadSafe = true, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DumpMojo extends DataSetReadMojo {

  /**
   * Where {@code src/main/datasets/<name>/} is written; user property {@code
   * dataset.dump.directory}.
   */
  @Parameter(
      property = "dataset.dump.directory",
      defaultValue = "${project.build.directory}/dataset-dump",
      required = true)
  File directory;

  /** Tables to dump, all when empty; user property {@code dataset.dump.tables} (a comma list). */
  @Parameter(property = "dataset.dump.tables")
  List<String> tables;

  /** {@code csv} or {@code jsonl}; user property {@code dataset.dump.format}. */
  @Parameter(property = "dataset.dump.format", defaultValue = "csv", required = true)
  String format;

  /**
   * Builds again from the dump and fails unless the file is byte-identical; user property {@code
   * dataset.dump.verify}.
   */
  @Parameter(property = "dataset.dump.verify", defaultValue = "false")
  boolean verify;

  @Override
  Body body() {
    return inputs -> {
      DumpFormat f;
      try {
        f = DumpFormat.valueOf(format.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ToolException(
            "<format> "
                + format
                + " (dataset.dump.format) is not a dump"
                + " format: expected csv or jsonl");
      }
      for (DataSetInput in : open(inputs)) {
        DumpResult r =
            new Dumper()
                .dump(
                    in, directory.toPath(), new HashSet<>(tables == null ? List.of() : tables), f);
        getLog()
            .info(
                String.format(
                    Locale.ROOT,
                    "dataset '%s': %d tables, %,d rows -> %s",
                    r.dataSet(),
                    r.tables().size(),
                    r.rows(),
                    project.getBasedir().toPath().relativize(r.directory().toAbsolutePath())));
        if (verify) {
          RoundTrip.Result rt =
              new RoundTrip()
                  .check(
                      in,
                      directory.toPath(),
                      Files.createTempDirectory(
                          new File(project.getBuild().getDirectory()).toPath(), "dataset-verify-"));
          if (!rt.identical()) {
            throw new ToolException(
                "dataset '"
                    + in.name()
                    + "': the dump does not build a"
                    + " byte-identical file (sha256 "
                    + rt.originalSha256()
                    + " before, "
                    + rt.rebuiltSha256()
                    + " rebuilt)");
          }
          getLog().info("dataset '" + in.name() + "': the dump builds a byte-identical file");
        }
      }
    };
  }
}
