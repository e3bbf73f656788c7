package dev.datajar.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.persistence.Entity;
import java.io.File;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectClassLoaderTest {
  @TempDir Path dir;
  private int files;

  private Artifact artifact(String group, String id, String version, String scope, String type)
      throws Exception {
    // As Maven's own handlers are configured: jars go on the class path, poms do not.
    DefaultArtifactHandler handler = new DefaultArtifactHandler(type);
    handler.setAddedToClasspath(type.equals("jar"));
    DefaultArtifact a = new DefaultArtifact(group, id, version, scope, type, null, handler);
    File file = dir.resolve(files++ + "-" + id + "." + type).toFile();
    Files.createFile(file.toPath());
    a.setFile(file);
    return a;
  }

  @Test
  void classPath_leavesOutWhatThePluginBringsAndNonRuntimeScopes() throws Exception {
    Artifact hibernate =
        artifact("org.hibernate.orm", "hibernate-core", "7.4.13.Final", "compile", "jar");
    Artifact runtime = artifact("dev.datajar", "dataset-runtime", "0.2.0", "compile", "jar");
    Artifact own = artifact("com.example", "codes", "1.0", "compile", "jar");
    Artifact driver = artifact("com.example", "driver", "1.0", "runtime", "jar");
    Artifact test = artifact("org.junit.jupiter", "junit-jupiter", "6.1.3", "test", "jar");
    Artifact provided = artifact("com.example", "api", "1.0", "provided", "jar");
    Artifact pom = artifact("com.example", "bom", "1.0", "compile", "pom");
    List<Artifact> plugin =
        List.of(
            artifact("org.hibernate.orm", "hibernate-core", "7.4.12.Final", null, "jar"),
            artifact("dev.datajar", "dataset-runtime", "0.1.0", null, "jar"));

    RecordingLog log = new RecordingLog();
    List<File> files =
        ProjectClassLoader.classPath(
            List.of(hibernate, own, runtime, test, driver, provided, pom), plugin, log);

    assertEquals(List.of(own.getFile(), driver.getFile()), files);
    assertEquals(
        List.of(
            "debug: the project uses org.hibernate.orm:hibernate-core:7.4.13.Final but the plugin runs"
                + " with 7.4.12.Final; the build uses the plugin's version",
            "warn: the project uses dev.datajar:dataset-runtime:0.2.0 but the plugin runs with 0.1.0;"
                + " the build uses the plugin's version. Use the same datajar version for the plugin"
                + " and the dependency."),
        log.lines);
  }

  @Test
  void create_sharesPersistenceClassesWithThePlugin() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    try (URLClassLoader loader =
        ProjectClassLoader.create(
            classes.toFile(),
            List.of(),
            List.of(),
            getClass().getClassLoader(),
            new RecordingLog())) {
      assertSame(Entity.class, loader.loadClass(Entity.class.getName()));
      assertEquals(classes.toUri().toURL(), loader.getURLs()[0]);
    }
  }
}
