package dev.datajar.benchmarks.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached dataset is reused only with the stamp of the code running now. */
class CodeStampTest {
  @TempDir Path dir;

  @Test
  void matches_onlyTheCurrentCodesStamp() throws Exception {
    assertFalse(CodeStamp.matches(dir), "no stamp yet");

    CodeStamp.write(dir);
    assertTrue(CodeStamp.matches(dir));
    assertEquals(64, CodeStamp.current().length());

    Files.writeString(dir.resolve("datajar-code.sha256"), "0".repeat(64) + "\n");
    assertFalse(CodeStamp.matches(dir), "a dataset built by other code");
  }
}
