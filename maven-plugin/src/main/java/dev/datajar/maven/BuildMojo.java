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
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Builds the module's datasets from its JPA entities and source files into {@code
 * META-INF/datasets/}, so that they are packaged with the classes.
 *
 * <p>A thin adapter: all the work, the up-to-date check included, is in the builder's {@link
 * DataSetBuilder}. Runs after compilation because it needs the entity classes.
 */
@Mojo(
    name = "build",
    defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BuildMojo extends AbstractMojo {

  /** Skips the goal; user property {@code dataset.skip}. */
  @Parameter(property = "dataset.skip", defaultValue = "false")
  private boolean skip;

  /** Builds even when nothing changed since the last build; user property {@code dataset.force}. */
  @Parameter(property = "dataset.force", defaultValue = "false")
  private boolean force;

  /**
   * Holds one folder of source files per dataset; user property {@code dataset.sourceDirectory}.
   */
  @Parameter(
      property = "dataset.sourceDirectory",
      defaultValue = "${project.basedir}/src/main/datasets",
      required = true)
  private File sourceDirectory;

  /**
   * Receives the dataset files, their manifests and the index; user property {@code
   * dataset.outputDirectory}.
   */
  @Parameter(
      property = "dataset.outputDirectory",
      defaultValue = "${project.build.outputDirectory}/META-INF/datasets",
      required = true)
  private File outputDirectory;

  /** Scratch space for files being built; user property {@code dataset.workDirectory}. */
  @Parameter(
      property = "dataset.workDirectory",
      defaultValue = "${project.build.directory}/datajar",
      required = true)
  private File workDirectory;

  /**
   * Names the datasets to build, all when empty; user property {@code dataset.names} (a comma
   * list).
   */
  @Parameter(property = "dataset.names")
  private List<String> dataSets;

  /**
   * Per-table overrides (file, format, JSON pointer, column defaults); no user property, set them
   * in the pom.
   */
  @Parameter private List<TableConfig> tables;

  /**
   * Builds into this PostgreSQL database instead of SQLite files, e.g. {@code
   * jdbc:postgresql://db:5432/reference} (each build a new schema; the jar then holds only the
   * manifests); user property {@code dataset.jdbc.url}. Credentials come from {@code <jdbcServer>}
   * or the environment, never from the pom.
   */
  @Parameter(property = "dataset.jdbc.url")
  private String jdbcUrl;

  /**
   * Id of the {@code <server>} in settings.xml whose username and password open {@code <jdbcUrl>};
   * without it, {@code DATAJAR_JDBC_USER}/{@code DATAJAR_JDBC_PASSWORD} from the environment; user
   * property {@code dataset.jdbc.server}.
   */
  @Parameter(property = "dataset.jdbc.server")
  private String jdbcServer;

  @Parameter(defaultValue = "${settings}", readonly = true, required = true)
  private Settings settings;

  // Deprecated for JSR-330 injection; kept for the reason given at ToolMojo.repositorySystem.
  @SuppressWarnings("deprecation")
  @Component
  private SettingsDecrypter decrypter;

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
      throw new MojoFailureException(
          classes
              + " does not exist, so there are no entity classes"
              + " to build datasets from. Compile first: run 'mvn package' (the goal runs in the"
              + " process-classes phase), or 'mvn compile dataset:build'. The @DataSet interface"
              + " and its entities must be compiled in this module: classes in dependencies are"
              + " not searched for datasets.");
    }
    HibernateLogging.routeTo(getLog());
    BuildResult result;
    try (URLClassLoader loader =
        ProjectClassLoader.create(
            classes,
            project.getArtifacts(),
            plugin.getArtifacts(),
            getClass().getClassLoader(),
            getLog())) {
      BuildParameters parameters =
          new BuildParameters(
              classes.toPath(),
              sourceDirectory.toPath(),
              outputDirectory.toPath(),
              workDirectory.toPath(),
              dataSets,
              tables,
              force,
              JdbcTarget.of(
                  jdbcUrl, jdbcServer, server(jdbcServer), System.getenv(), project.getVersion()));
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
      String what =
          e.getMessage() != null && !e.getMessage().isBlank()
              ? e.getMessage()
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

  /** User name and password of settings.xml's server {@code id}, decrypted; or null. */
  private String[] server(String id) {
    if (id == null || id.isBlank() || settings.getServer(id) == null) {
      return null;
    }
    Server s =
        decrypter.decrypt(new DefaultSettingsDecryptionRequest(settings.getServer(id))).getServer();
    return new String[] {s.getUsername(), s.getPassword()};
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
