package dev.datajar.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zone-build comparison can fail: a missing or different build is reported. */
class BuildDigestsTest {
  @TempDir Path dir;

  @Test
  void compare_acceptsIdenticalBuilds() throws Exception {
    Files.write(dir.resolve("utc.sqlite"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("kolkata.sqlite"), new byte[] {1, 2, 3});
    assertEquals(List.of(), BuildDigests.compare(dir, List.of("utc", "kolkata")));
  }

  @Test
  void compare_reportsDifferentAndMissingBuilds() throws Exception {
    Files.write(dir.resolve("utc.sqlite"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("auckland.sqlite"), new byte[] {1, 2, 4});
    assertEquals(
        List.of(
            "run 'auckland' built different bytes than run 'utc': sha256 "
                + BuildDigests.sha256(new byte[] {1, 2, 4})
                + " vs "
                + BuildDigests.sha256(new byte[] {1, 2, 3})
                + ", first difference at byte 2",
            "run 'turkish' left no build at " + dir.resolve("turkish.sqlite")),
        BuildDigests.compare(dir, List.of("utc", "auckland", "turkish")));
  }

  @Test
  void build_twiceInOneJvm_givesIdenticalBytes() throws Exception {
    CorpusDb.build(dir.resolve("a.sqlite"));
    CorpusDb.build(dir.resolve("b.sqlite"));
    assertEquals(List.of(), BuildDigests.compare(dir, List.of("a", "b")));
  }
}
