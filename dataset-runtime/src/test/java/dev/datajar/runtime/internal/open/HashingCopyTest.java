package dev.datajar.runtime.internal.open;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datajar.runtime.format.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The copy a cold start makes: the same bytes in the file, the sha256 of exactly those bytes. */
class HashingCopyTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      ints = {
        0,
        1,
        HashingCopy.CHUNK - 1,
        HashingCopy.CHUNK,
        HashingCopy.CHUNK + 1,
        2 * HashingCopy.CHUNK,
        // more chunks than are in flight at once, so buffers are reused while being hashed
        9 * HashingCopy.CHUNK + 12_345
      })
  void copiesAndHashesEveryByte(int size) throws IOException {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    Path target = dir.resolve("copy.sqlite");

    HashingCopy.Result r = HashingCopy.copy(new ByteArrayInputStream(data), target);

    assertArrayEquals(data, Files.readAllBytes(target));
    assertEquals(size, r.bytes());
    assertEquals(Sha256.of(data), r.sha256());
    assertEquals(Sha256.of(target), r.sha256());
  }

  @Test
  void aFailingSourceFailsTheCopyAndStopsTheHashingThread() throws Exception {
    // Byte by byte on purpose: it fails at an exact offset, and the copy reads it in chunks.
    @SuppressWarnings("InputStreamSlowMultibyteRead")
    InputStream failing =
        new InputStream() {
          long served;

          @Override
          public int read() throws IOException {
            if (served++ == 3L * HashingCopy.CHUNK) {
              throw new IOException("jar entry truncated");
            }
            return 7;
          }
        };

    IOException e =
        assertThrows(IOException.class, () -> HashingCopy.copy(failing, dir.resolve("x")));

    assertEquals("jar entry truncated", e.getMessage());
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("datajar-sha256")) {
        t.join(60_000);
        assertFalse(t.isAlive(), "the hashing thread outlived a failed copy");
      }
    }
  }
}
