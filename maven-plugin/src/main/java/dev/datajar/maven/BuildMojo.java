package dev.datajar.maven;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.BuildResult;
import dev.datajar.builder.BuildResult.DataSetResult;
import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.DataSetBuilder;
import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Builds the module's datasets from its JPA entities and source files into
 * {@code META-INF/datasets/}, so that they are packaged with the classes.
 *
 * <p>A thin adapter: all the work, the up-to-date check included, is in the builder's
 * {@link DataSetBuilder}. Runs after compilation because it needs the entity classes.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BuildMojo extends AbstractMojo {

  /** Skips the goal; user property {@code dataset.skip}. */
  @Parameter(property = "dataset.skip", defaultValue = "false")
  private boolean skip;

  /** Builds even when nothing changed since the last build; user property {@code dataset.force}. */
  @Parameter(property = "dataset.force", defaultValue = "false")
  private boolean force;

  /** Holds one folder of source files per dataset; user property {@code dataset.sourceDirectory}. */
  @Parameter(property = "dataset.sourceDirectory",
      defaultValue = "${project.basedir}/src/main/datasets", required = true)
  private File sourceDirectory;

  /** Receives the dataset files, their manifests and the index; user property {@code dataset.outputDirectory}. */
  @Parameter(property = "dataset.outputDirectory",
      defaultValue = "${project.build.outputDirectory}/META-INF/datasets", required = true)
  private File outputDirectory;

  /** Scratch space for files being built; user property {@code dataset.workDirectory}. */
  @Parameter(property = "dataset.workDirectory",
      defaultValue = "${project.build.directory}/datajar", required = true)
  private File workDirectory;

  /** Names the datasets to build, all when empty; user property {@code dataset.names} (a comma list). */
  @Parameter(property = "dataset.names")
  private List<String> dataSets;

  /** Per-table overrides (file, format, JSON pointer, column defaults); no user property, set them in the pom. */
  @Parameter
  private List<TableConfig> tables;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping the dataset build (dataset.skip)");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      // 'mvn dataset:build' from an aggregator reaches every module; those have no classes.
      getLog().debug("Skipping the dataset build: a pom module has no classes");
      return;
    }
    File classes = new File(project.getBuild().getOutputDirectory());
    if (!classes.isDirectory()) {
      throw new MojoFailureException(classes + " does not exist, so there are no entity classes"
          + " to build datasets from. Compile first: run 'mvn package' (the goal runs in the"
          + " process-classes phase), or 'mvn compile dataset:build'.");
    }
    BuildParameters parameters = new BuildParameters(classes.toPath(), sourceDirectory.toPath(),
        outputDirectory.toPath(), workDirectory.toPath(), dataSets, tables, force);
    HibernateLogging.routeTo(getLog());
    BuildResult result;
    try (URLClassLoader loader = ProjectClassLoader.create(classes, project.getArtifacts(),
        plugin.getArtifacts(), getClass().getClassLoader(), getLog())) {
      result = build(parameters.toRequest(loader, new MavenBuildLog(getLog())));
    } catch (DataSetBuildException e) {
      // Complete and meant for the user as it is: where, what, and how to fix it. Not attached
      // as the cause, because Maven would append the messages of its causes to what it shows;
      // the builder's stack trace is there with -X.
      getLog().debug(e);
      throw new MojoFailureException(e.getMessage());
    } catch (IOException | RuntimeException | LinkageError e) {
      // The message, not toString(): a user reads it, and it should not start with a class
      // name; the cause (with its class and stack trace) stays attached for -e and -X.
      String what = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
          : "an unexpected " + e.getClass().getSimpleName();
      throw new MojoExecutionException("The dataset build failed: " + what, e);
    }
    if (result.dataSets().isEmpty()) {
      getLog().info("No datasets found in " + classes);
    } else {
      JarTimestamp.applyDefault(project, session.getUserProperties(), getLog());
    }
    for (DataSetResult r : result.dataSets()) {
      getLog().info(SummaryLine.of(r, project.getBasedir().toPath()));
    }
  }

  private static BuildResult build(BuildRequest request) throws DataSetBuildException {
    // Libraries that look classes up through the context loader (Hibernate's bootstrap among
    // them) must find the project's classes too.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(request.classLoader());
    try {
      return new DataSetBuilder().build(request);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
