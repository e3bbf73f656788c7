package dev.datajar.maven;

import dev.datajar.tools.DiffReport;
import dev.datajar.tools.Differ;
import dev.datajar.tools.Guard;
import dev.datajar.tools.ToolException;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the module's new dataset removes or changes more than a share of any table's
 * rows of the previous release, or drops a column or table, so that a truncated source file cannot
 * ship silently. Bound to {@code verify}; the failure shows the diff summary. A thin adapter over
 * {@link Differ} and {@link Guard}.
 */
@Mojo(
    name = "guard",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class GuardMojo extends ToolMojo {

  /**
   * The release to compare with, or {@code group:artifact:version}; the latest release when empty;
   * user property {@code dataset.diff.against}. Always the jar in the local or a remote repository
   * (installed or deployed), never this build's own output, even for the project's own version.
   */
  @Parameter(property = "dataset.diff.against")
  String against;

  /**
   * Largest share (0 to 1) of a table's previous rows that may be removed or changed; user property
   * {@code dataset.guard.maxChangedShare}.
   */
  @Parameter(property = "dataset.guard.maxChangedShare", defaultValue = "0.1", required = true)
  double maxChangedShare;

  /** Allows dropped columns and tables; user property {@code dataset.guard.allowDroppedColumns}. */
  @Parameter(property = "dataset.guard.allowDroppedColumns", defaultValue = "false")
  boolean allowDroppedColumns;

  @Override
  Body body() {
    return inputs -> {
      Guard guard;
      try {
        guard = new Guard(maxChangedShare, allowDroppedColumns);
      } catch (IllegalArgumentException e) {
        throw new ToolException(
            "<maxChangedShare> (dataset.guard.maxChangedShare): " + e.getMessage());
      }
      againstPrevious(
          inputs,
          against,
          "the release guard has nothing to compare with",
          (before, now) -> {
            DiffReport r = new Differ().diff(before, now, 0);
            // A value in the pom's <configuration> wins over -D, so the advice names both.
            Optional<String> refused =
                guard.check(
                    r,
                    "<maxChangedShare> in the guard's <configuration>, or"
                        + " -Ddataset.guard.maxChangedShare where the pom does not set it",
                    "<allowDroppedColumns>, or -Ddataset.guard.allowDroppedColumns where the pom"
                        + " does not set it");
            if (refused.isPresent()) {
              throw new GuardFailure(refused.get());
            }
            getLog()
                .info(
                    "dataset '"
                        + now.name()
                        + "' passes the release guard against "
                        + before.label()
                        + ": "
                        + r.added()
                        + " added, "
                        + r.removed()
                        + " removed, "
                        + r.changed()
                        + " changed");
          });
    };
  }
}
