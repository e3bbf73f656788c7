package dev.datajar.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dataset files do not depend on the zone, locale or default charset of the machine that builds
 * them: rebuilt in a JVM with other ones, they are byte for byte those the plugin wrote.
 */
class ReproducibleBuildIT {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-Duser.timezone=Pacific/Auckland -Duser.language=tr -Duser.country=TR -Dfile.encoding=ISO-8859-9",
        "-Duser.timezone=America/Los_Angeles -Duser.language=en -Duser.country=US"
      })
  void rebuildUnderAnotherZoneAndLocale_givesTheSameBytes(String jvmOptions) throws Exception {
    Path out = dir.resolve("out");
    List<String> command = ChildJvm.command("-Xmx256m");
    command.addAll(List.of(jvmOptions.split(" ")));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            RebuildMain.class.getName(),
            Path.of("target", "classes").toAbsolutePath().toString(),
            Path.of("src", "main", "datasets").toAbsolutePath().toString(),
            out.toString(),
            dir.resolve("work").toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the build did not finish");
    assertEquals(0, p.exitValue(), log);
    for (String file :
        List.of(
            "corpus.sqlite",
            "shop.sqlite",
            "corpus.manifest.json",
            "shop.manifest.json",
            "index")) {
      assertArrayEquals(
          Files.readAllBytes(Injectors.builtFile(file)),
          Files.readAllBytes(out.resolve(file)),
          file + " differs when built with " + jvmOptions);
    }
  }
}
