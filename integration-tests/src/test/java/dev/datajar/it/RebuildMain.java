package dev.datajar.it;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuilder;
import dev.datajar.builder.TableSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds this module's datasets again, with the builder alone and the table settings of the pom,
 * into another folder; {@link ReproducibleBuildIT} runs it in JVMs with other zones and locales.
 * Arguments: classes folder, sources folder, output folder, work folder.
 */
public final class RebuildMain {
  private RebuildMain() {}

  public static void main(String[] args) throws Exception {
    new DataSetBuilder()
        .build(
            BuildRequest.builder()
                .classesDirectory(Path.of(args[0]))
                .classLoader(RebuildMain.class.getClassLoader())
                .sourceDirectory(Path.of(args[1]))
                .outputDirectory(Path.of(args[2]))
                .workDirectory(Path.of(args[3]))
                .tables(
                    List.of(
                        new TableSettings(
                            "shop",
                            "category",
                            Path.of("catalog.json"),
                            null,
                            "/data/categories",
                            null),
                        new TableSettings(
                            "shop", "product", null, null, null, Map.of("currency", "EUR"))))
                .force(true)
                .build());
    System.out.println("REBUILT");
  }
}
