package dev.datajar.runtime.internal.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private names of followed files' versions. */
class PinnedFilesTest {
  @TempDir Path tmp;

  /**
   * The next names of this process may be taken already: by another copy of the runtime in this JVM
   * (another class loader counts from 1 too), or by a process with the same pid in another PID
   * namespace (a container) sharing the cache directory. Such a file is another version's, and is
   * never replaced.
   */
  @Test
  void aNameTakenAlready_isNeverReplaced() throws IOException {
    Path file = Files.writeString(tmp.resolve("geo.sqlite"), "version A");
    CacheSetting cache = CacheSetting.given(tmp.resolve("cache"));
    Path first = PinnedFiles.pin("geo", file, cache);
    Matcher m =
        Pattern.compile("geo-(\\d+)-(\\d+)\\.sqlite").matcher(first.getFileName().toString());
    assertTrue(m.matches(), first.toString());
    long n = Long.parseLong(m.group(2));
    List<Path> others = new ArrayList<>();
    for (long k = n + 1; k <= n + 20; k++) {
      Path other = first.resolveSibling("geo-" + m.group(1) + "-" + k + ".sqlite");
      others.add(Files.writeString(other, "another version"));
    }
    Path second = PinnedFiles.pin("geo", file, cache);
    for (Path other : others) {
      assertEquals("another version", Files.readString(other), other + " was replaced");
    }
    assertFalse(others.contains(second), second.toString());
    assertEquals("version A", Files.readString(second));
    PinnedFiles.unpin(first);
    PinnedFiles.unpin(second);
  }
}
