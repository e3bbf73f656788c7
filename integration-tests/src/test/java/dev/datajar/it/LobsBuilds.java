package dev.datajar.it;

import dev.datajar.builder.BuildRequest;
import dev.datajar.builder.DataSetBuilder;
import dev.datajar.builder.PostgresTarget;
import dev.datajar.runtime.DataSetInfo;
import dev.datajar.runtime.DataSetListener;
import dev.datajar.runtime.DataSets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Versions of the lobs dataset built by the real builder, as a dataset module's build makes them:
 * from this module's entity classes (or only some of them) and its sources, with rows added per
 * version; for the tests of new versions taken without a restart.
 */
final class LobsBuilds {
  static final Path CLASSES = Path.of("target/classes");
  private static final Path SOURCES = Path.of("src/main/datasets");

  private LobsBuilds() {}

  /**
   * A copy of the lobs sources under {@code tmp} with {@code extraRows} more attachments (only
   * {@code attachment.csv} if {@code attachmentsOnly}); returns the source root.
   */
  static Path sources(Path tmp, String tag, int extraRows, boolean attachmentsOnly)
      throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("src-" + tag).resolve("lobs"));
    try (Stream<Path> s = Files.list(SOURCES.resolve("lobs"))) {
      for (Path f : s.toList()) {
        if (!attachmentsOnly || f.getFileName().toString().equals("attachment.csv")) {
          Files.copy(f, dir.resolve(f.getFileName().toString()));
        }
      }
    }
    StringBuilder more = new StringBuilder();
    for (int i = 0; i < extraRows; i++) {
      more.append(100 + i).append(",added-").append(tag).append('-').append(i).append(",,\n");
    }
    Files.writeString(
        dir.resolve("attachment.csv"), more, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return dir.getParent();
  }

  /** A classes folder under {@code tmp} with the lobs base and only one of its two entities. */
  static Path otherClasses(Path tmp) throws IOException {
    Path root = tmp.resolve("other-classes");
    Path pkg = Files.createDirectories(root.resolve("dev/datajar/it/lobs"));
    for (String c : List.of("LobData.class", "Attachment.class")) {
      Files.copy(CLASSES.resolve("dev/datajar/it/lobs").resolve(c), pkg.resolve(c));
    }
    return root;
  }

  /**
   * Builds lobs from {@code classes} and {@code sources} into {@code tmp/out-<tag>} (its {@code
   * META-INF/datasets}), and into PostgreSQL if {@code postgres} is not null; returns that folder.
   */
  static Path build(Path tmp, String tag, Path classes, Path sources, PostgresTarget postgres)
      throws Exception {
    Path out = tmp.resolve("out-" + tag);
    new DataSetBuilder()
        .build(
            BuildRequest.builder()
                .classesDirectory(classes)
                .classLoader(LobsBuilds.class.getClassLoader())
                .sourceDirectory(sources)
                .outputDirectory(out.resolve("META-INF/datasets"))
                .workDirectory(tmp.resolve("work-" + tag))
                .dataSets(Set.of("lobs"))
                .force(true)
                .postgres(postgres)
                .build());
    return out;
  }

  /**
   * What {@code dataSets} tells its listeners from now on, one line each: {@code switched to
   * <label>} or {@code refused while serving <label>}, labelled by {@code label}.
   */
  static BlockingQueue<String> news(DataSets dataSets, Function<DataSetInfo, String> label) {
    BlockingQueue<String> news = new LinkedBlockingQueue<>();
    dataSets.addListener(
        new DataSetListener() {
          @Override
          public void switched(String name, DataSetInfo old, DataSetInfo now) {
            news.add("switched to " + label.apply(now));
          }

          @Override
          public void refused(String name, DataSetInfo serving, String reason) {
            news.add("refused while serving " + label.apply(serving));
          }
        });
    return news;
  }
}
