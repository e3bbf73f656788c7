package dev.datajar.maven;

import dev.datajar.tools.DataSetInput;
import dev.datajar.tools.ToolException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * What the inspect, dump, diff and guard goals share: the project and the repository system they
 * resolve datasets through, {@code skip}, the dataset names, and the one place where the tools'
 * exceptions become Maven's.
 */
abstract class ToolMojo extends AbstractMojo {

  /** Skips the goal; user property {@code dataset.skip}. */
  @Parameter(property = "dataset.skip", defaultValue = "false")
  boolean skip;

  /**
   * Names the datasets to use, all when empty; user property {@code dataset.names} (a comma list).
   */
  @Parameter(property = "dataset.names")
  List<String> dataSets;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution execution;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  RepositorySystemSession repositorySession;

  @Parameter(
      defaultValue = "${project.remoteProjectRepositories}",
      readonly = true,
      required = true)
  List<RemoteRepository> remoteRepositories;

  // @Component is deprecated for JSR-330 injection, but Maven 3.8 plugins built with
  // maven-plugin-tools 3.15 still document and support it (BuildMojo's decrypter too).
  @SuppressWarnings("deprecation")
  @Component
  RepositorySystem repositorySystem;

  /** The goal's work, given the inputs. */
  interface Body {
    void run(ToolInputs inputs) throws ToolException, IOException;
  }

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping " + goal() + " (dataset.skip)");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      getLog().debug("Skipping " + goal() + ": a pom module has no datasets");
      return;
    }
    HibernateLogging.routeTo(getLog());
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (ToolInputs inputs =
        new ToolInputs(
            project, plugin, repositorySystem, repositorySession, remoteRepositories, getLog())) {
      thread.setContextClassLoader(getClass().getClassLoader());
      body().run(inputs);
    } catch (ToolException e) {
      // One line for the user, as the tools wrote it; the stack trace only with -X.
      getLog().debug(e);
      throw new MojoFailureException(e.getMessage());
    } catch (GuardFailure e) {
      throw new MojoFailureException(e.getMessage());
    } catch (IOException | RuntimeException | LinkageError e) {
      throw new MojoExecutionException("dataset:" + goal() + " failed unexpectedly: " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The goal's name, as its {@code @Mojo} annotation gives it. */
  String goal() {
    return execution.getGoal();
  }

  abstract Body body();

  /** The work on one dataset of the module and the same dataset in the previous release. */
  interface Comparison {
    void run(DataSetInput before, DataSetInput now) throws ToolException, IOException;
  }

  /**
   * Runs {@code comparison} on each of the module's datasets that the previous release ({@code
   * against}, or the latest release before this version) has too, and logs the others as new.
   *
   * @param noRelease ends the line logged when there is no previous release
   * @return false if there is no previous release
   */
  boolean againstPrevious(
      ToolInputs inputs, String against, String noRelease, Comparison comparison)
      throws ToolException, IOException {
    Optional<ToolInputs.Resolved> previous = inputs.previous(against);
    if (previous.isEmpty()) {
      getLog()
          .info(
              "No release of "
                  + project.getGroupId()
                  + ":"
                  + project.getArtifactId()
                  + " before "
                  + project.getVersion()
                  + " was found: "
                  + noRelease);
      return false;
    }
    Path released = previous.get().file();
    String label = previous.get().label();
    List<String> names = DataSetInput.namesIn(released);
    for (DataSetInput now : inputs.module(dataSets)) {
      if (!names.contains(now.name())) {
        getLog()
            .info(
                "dataset '"
                    + now.name()
                    + "' is new: "
                    + label
                    + " does not have it, so there is nothing to compare it with");
        continue;
      }
      try (DataSetInput before = DataSetInput.open(released, now.name(), null, label)) {
        comparison.run(before, now);
      }
    }
    return true;
  }

  /** Logs {@code report} line by line, and writes it to {@code output} if that is set. */
  void report(String report, File output) throws IOException {
    if (output != null) {
      File parent = output.getAbsoluteFile().getParentFile();
      Files.createDirectories(parent.toPath());
      Files.writeString(output.toPath(), report, StandardCharsets.UTF_8);
      getLog()
          .info(
              "Wrote "
                  + project.getBasedir().toPath().relativize(output.toPath().toAbsolutePath()));
    }
    report.lines().forEach(getLog()::info);
  }

  /** Thrown through {@link Body} when the release guard refuses the dataset. */
  static final class GuardFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GuardFailure(String message) {
      super(message, null, false, false);
    }
  }
}
