package dev.datajar.runtime.source;

import java.nio.file.Path;

/** What a {@link RowSource} may use while the builder runs it. */
public interface SourceContext {
  /** The dataset's source folder ({@code src/main/datasets/<dataset>} by convention). */
  Path sourceDirectory();

  /** A file in the source folder; the builder records its checksum in the manifest. */
  Path file(String relativePath);
}
