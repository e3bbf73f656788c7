package dev.datajar.builder.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A reader that decodes strict UTF-8, skips a leading byte order mark, and on a malformed byte
 * sequence throws {@link InvalidUtf8Exception} with the byte offset in the file.
 *
 * <p>{@link java.io.InputStreamReader} can report malformed input too, but not where it is; keeping
 * the offset costs nothing per character, and the error path turns it into a line and column by
 * reading the file again ({@link InvalidUtf8Exception#locate}). Never replaces bad bytes with
 * U+FFFD: a silently mangled name would end up in the dataset.
 */
final class Utf8Reader extends Reader {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
  private final char[] pair = new char[2];
  private long compacted;
  private boolean started;
  private boolean endOfInput;
  private boolean flushed;
  private int pending = -1;

  Utf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (pending >= 0) {
      target[offset] = (char) pending;
      pending = -1;
      return 1;
    }
    if (length == 1) {
      // A supplementary character needs two chars; decode into a pair and hand out one.
      int n = decode(pair, 0, 2);
      if (n == 2) {
        pending = pair[1];
      }
      if (n > 0) {
        target[offset] = pair[0];
      }
      return n > 0 ? 1 : n;
    }
    return decode(target, offset, length);
  }

  private int decode(char[] target, int offset, int length) throws IOException {
    if (flushed) {
      return -1; // the decoder is done; reading past the end keeps answering -1
    }
    CharBuffer out = CharBuffer.wrap(target, offset, length);
    while (true) {
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        throw new InvalidUtf8Exception(compacted + bytes.position(), bytes.get(bytes.position()));
      }
      if (out.position() > offset) {
        return out.position() - offset;
      }
      if (result.isOverflow()) {
        throw new IllegalStateException("no room to decode into " + length + " chars");
      }
      if (endOfInput) {
        if (!flushed) {
          flushed = true;
          decoder.flush(out);
          if (out.position() > offset) {
            return out.position() - offset;
          }
        }
        return -1;
      }
      fill();
    }
  }

  private void fill() throws IOException {
    if (compacted + bytes.position() > 0) {
      started = true; // a byte order mark only counts at the very start
    }
    compacted += bytes.position();
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
    if (!started && (bytes.remaining() >= 3 || endOfInput)) {
      started = true;
      skipByteOrderMark();
    }
  }

  private void skipByteOrderMark() {
    if (bytes.remaining() >= 3
        && (bytes.get(0) & 0xFF) == 0xEF
        && (bytes.get(1) & 0xFF) == 0xBB
        && (bytes.get(2) & 0xFF) == 0xBF) {
      bytes.position(3);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
