package dev.datajar.builder.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8ReaderTest {
  @TempDir Path dir;

  @Test
  void read_decodesOneCharAtATimeFromOneByteReads() throws IOException {
    String text = "a\u00E9\uD83D\uDE00\u65E5z";
    byte[] bytes = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    try (Reader reader = new Utf8Reader(new OneByteAtATime(bytes))) {
      for (int c = reader.read(); c >= 0; c = reader.read()) {
        out.append((char) c);
      }
      assertEquals(-1, reader.read());
      assertEquals(-1, reader.read(new char[8], 0, 8));
    }
    assertEquals(text, out.toString());
  }

  @Test
  void read_keepsByteOrderMarkThatIsNotAtTheStart() throws IOException {
    byte[] bytes = "x\uFEFF".getBytes(StandardCharsets.UTF_8);
    try (Reader reader = new Utf8Reader(new ByteArrayInputStream(bytes))) {
      char[] chars = new char[4];
      assertEquals(2, reader.read(chars, 0, 4));
      assertEquals('\uFEFF', chars[1]);
    }
  }

  @Test
  void read_reportsOffsetLineAndCharacterColumnOfBadByte() throws IOException {
    Path file = dir.resolve("bad.txt");
    byte[] head = "\uFEFFid\r\n\u00E9\uD83D\uDE00x".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28; // not a continuation byte
    Files.write(file, bytes);
    InvalidUtf8Exception e;
    try (Reader reader = new Utf8Reader(Files.newInputStream(file))) {
      e = assertThrows(InvalidUtf8Exception.class, () -> reader.read(new char[64], 0, 64));
    }
    assertEquals(
        DisplayPath.of(file)
            + ":2:4: invalid UTF-8 sequence starting with byte 0xC3"
            + " (file offset 14). Save the file as UTF-8.",
        e.problem(file));
  }

  /** Hands out one byte per read, as a slow stream may. */
  private static final class OneByteAtATime extends InputStream {
    private final ByteArrayInputStream in;

    OneByteAtATime(byte[] bytes) {
      in = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return len == 0 ? 0 : in.read(b, off, 1);
    }
  }
}
