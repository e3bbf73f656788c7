package dev.datajar.maven;

import dev.datajar.tools.DataSetInput;
import dev.datajar.tools.ToolException;
import java.io.File;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.version.Version;

/**
 * Where the tool goals get their datasets: the module's own build output, a jar file, or Maven
 * coordinates resolved through Maven's repository system (the build's local repository and remote
 * repositories, with its settings, mirrors and offline mode; not the reactor, see {@link
 * #repositoryOnly}). Closes what it opened.
 */
final class ToolInputs implements AutoCloseable {
  private final MavenProject project;
  private final PluginDescriptor plugin;
  private final RepositorySystem repositories;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> remotes;
  private final Log log;
  private final List<DataSetInput> opened = new ArrayList<>();
  private URLClassLoader projectLoader;

  ToolInputs(
      MavenProject project,
      PluginDescriptor plugin,
      RepositorySystem repositories,
      RepositorySystemSession session,
      List<RemoteRepository> remotes,
      Log log) {
    this.project = project;
    this.plugin = plugin;
    this.repositories = repositories;
    this.session = session;
    this.remotes = remotes;
    this.log = log;
  }

  /**
   * The datasets of one input: {@code jar} if set, else {@code coordinates} if set, else the
   * module's build output. {@code names} selects datasets; empty means all (of the module), or the
   * only one (of a jar).
   */
  List<DataSetInput> open(File jar, String coordinates, List<String> names)
      throws ToolException, IOException {
    if (jar != null) {
      return each(names, n -> DataSetInput.open(jar.toPath(), n, null, null));
    }
    if (coordinates != null && !coordinates.isBlank()) {
      Resolved r = resolve(coordinates.strip());
      return each(names, n -> DataSetInput.open(r.file(), n, null, r.label()));
    }
    return module(names);
  }

  /** The module's freshly built datasets (all, or those named). */
  List<DataSetInput> module(List<String> names) throws ToolException, IOException {
    File classes = new File(project.getBuild().getOutputDirectory());
    Path index = classes.toPath().resolve("META-INF/datasets/index");
    if (!Files.isRegularFile(index)) {
      throw new ToolException(
          classes
              + " holds no built dataset (META-INF/datasets/index is"
              + " missing). Build it first: run 'mvn package', or put the goal after 'package' on"
              + " the command line");
    }
    List<String> wanted = names;
    if (names == null || names.isEmpty()) {
      // All of the module's datasets: those built into PostgreSQL have no file to read.
      wanted = new ArrayList<>();
      for (String n : indexNames(index)) {
        Optional<String> schema = DataSetInput.postgresSchema(classes.toPath(), n);
        if (schema.isPresent()) {
          log.info(
              "dataset '"
                  + n
                  + "' was built into PostgreSQL (schema "
                  + schema.get()
                  + "): skipped, the tool goals read datasets built into SQLite files only");
        } else {
          wanted.add(n);
        }
      }
    }
    if (projectLoader == null) {
      projectLoader =
          ProjectClassLoader.create(
              classes,
              project.getArtifacts(),
              plugin.getArtifacts(),
              getClass().getClassLoader(),
              log);
    }
    String relative = project.getBasedir().toPath().relativize(classes.toPath()).toString();
    List<DataSetInput> out = new ArrayList<>();
    for (String n : wanted) {
      out.add(track(DataSetInput.open(classes.toPath(), n, projectLoader, relative)));
    }
    return out;
  }

  /**
   * The jar of the version to compare the module with: {@code against} as a version of this
   * module's artifact, or as {@code group:artifact:version}; when {@code null}, the latest release
   * before the module's version, or empty if there is none.
   */
  Optional<Resolved> previous(String against) throws ToolException {
    if (against != null && !against.isBlank()) {
      String a = against.strip();
      return Optional.of(
          resolve(
              a.contains(":")
                  ? a
                  : project.getGroupId() + ":" + project.getArtifactId() + ":" + a));
    }
    String range = "[0," + project.getVersion() + ")";
    VersionRangeRequest request =
        new VersionRangeRequest(
            new DefaultArtifact(project.getGroupId(), project.getArtifactId(), "jar", range),
            remotes,
            null);
    List<Version> versions;
    try {
      versions = repositories.resolveVersionRange(repositoryOnly(), request).getVersions();
    } catch (VersionRangeResolutionException e) {
      throw new ToolException(
          "the releases of "
              + project.getGroupId()
              + ":"
              + project.getArtifactId()
              + " cannot be listed: "
              + e.getMessage(),
          e);
    }
    for (int i = versions.size() - 1; i >= 0; i--) {
      String v = versions.get(i).toString();
      if (!v.endsWith("-SNAPSHOT")) {
        return Optional.of(resolve(project.getGroupId() + ":" + project.getArtifactId() + ":" + v));
      }
    }
    return Optional.empty();
  }

  /** A resolved jar and the coordinates it was resolved from. */
  record Resolved(Path file, String label) {}

  private Resolved resolve(String coordinates) throws ToolException {
    String[] parts = coordinates.split(":");
    if (parts.length < 2 || parts.length > 3) {
      throw new ToolException(
          "'"
              + coordinates
              + "' are not Maven coordinates: expected"
              + " group:artifact:version (or group:artifact for the latest release)");
    }
    if (parts.length == 2) {
      String range = "[0,)";
      try {
        List<Version> versions =
            repositories
                .resolveVersionRange(
                    repositoryOnly(),
                    new VersionRangeRequest(
                        new DefaultArtifact(parts[0], parts[1], "jar", range), remotes, null))
                .getVersions();
        String latest = null;
        for (Version v : versions) {
          if (!v.toString().endsWith("-SNAPSHOT")) {
            latest = v.toString();
          }
        }
        if (latest == null) {
          throw new ToolException(
              "no release of "
                  + coordinates
                  + " was found in the local"
                  + " repository or the project's remote repositories. Give a version"
                  + " (group:artifact:version)");
        }
        coordinates = coordinates + ":" + latest;
      } catch (VersionRangeResolutionException e) {
        throw new ToolException(
            "the releases of " + coordinates + " cannot be listed: " + e.getMessage(), e);
      }
    }
    String[] gav = coordinates.split(":");
    boolean own =
        gav[0].equals(project.getGroupId())
            && gav[1].equals(project.getArtifactId())
            && gav[2].equals(project.getVersion());
    try {
      ArtifactRequest request =
          new ArtifactRequest(new DefaultArtifact(gav[0], gav[1], "jar", gav[2]), remotes, null);
      File file = repositories.resolveArtifact(repositoryOnly(), request).getArtifact().getFile();
      return new Resolved(file.toPath(), coordinates);
    } catch (ArtifactResolutionException e) {
      throw new ToolException(
          coordinates
              + (own ? " (this project's own version)" : "")
              + " was not found in the local repository or the"
              + " project's remote repositories"
              + (own ? ", and this build's own output is never compared with itself" : "")
              + ". Check the version (-Ddataset.diff.against), or"
              + " install or deploy that version first");
    }
  }

  /**
   * The build's session without its reactor: coordinates name what was installed or deployed. With
   * the reactor, the project's own version (or another module of the build) would resolve to what
   * this build just made, and a diff against it would show no change.
   */
  private RepositorySystemSession repositoryOnly() {
    DefaultRepositorySystemSession s = new DefaultRepositorySystemSession(session);
    s.setWorkspaceReader(null);
    return s;
  }

  private interface Opener {
    DataSetInput open(String name) throws ToolException;
  }

  private List<DataSetInput> each(List<String> names, Opener opener) throws ToolException {
    List<DataSetInput> out = new ArrayList<>();
    if (names == null || names.isEmpty()) {
      out.add(track(opener.open(null)));
    } else {
      for (String n : names) {
        out.add(track(opener.open(n)));
      }
    }
    return out;
  }

  private DataSetInput track(DataSetInput in) {
    opened.add(in);
    return in;
  }

  private static List<String> indexNames(Path index) throws ToolException {
    try {
      return Files.readAllLines(index).stream()
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new ToolException(index + " cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    opened.forEach(DataSetInput::close);
    if (projectLoader != null) {
      projectLoader.close();
    }
  }
}
