package dev.datajar.testing.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class TarXzTest {
  @TempDir Path dir;

  @Test
  void unpack_writesFilesWithModes_foldersAndLinks() throws Exception {
    byte[] txz =
        txz(
            entry("bin/", '5', 0755, "", ""),
            entry("bin/tool", '0', 0755, "#!/bin/sh\n", ""),
            entry("lib/libx.so.1.2", '0', 0644, "x", ""),
            entry("lib/libx.so.1", '2', 0777, "", "libx.so.1.2"));
    TarXz.unpack(new ByteArrayInputStream(txz), dir, "test.txz");
    assertEquals("#!/bin/sh\n", Files.readString(dir.resolve("bin/tool")));
    assertEquals(
        "rwxr-xr-x",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bin/tool"))));
    assertEquals(
        "rw-r--r--",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve("lib/libx.so.1.2"))));
    assertTrue(Files.isSymbolicLink(dir.resolve("lib/libx.so.1")));
    assertEquals("x", Files.readString(dir.resolve("lib/libx.so.1")));
  }

  @Test
  void unpack_refusesEntriesAndLinksOutsideTheFolder() throws Exception {
    Path into = dir.resolve("into");
    IOException up =
        assertThrows(
            IOException.class,
            () ->
                TarXz.unpack(
                    new ByteArrayInputStream(txz(entry("../evil", '0', 0644, "x", ""))),
                    into,
                    "test.txz"));
    assertEquals("test.txz: entry ../evil lies outside the archive's folder", up.getMessage());
    assertFalse(Files.exists(dir.resolve("evil")));
    IOException link =
        assertThrows(
            IOException.class,
            () ->
                TarXz.unpack(
                    new ByteArrayInputStream(txz(entry("lib/l", '2', 0777, "", "../../etc"))),
                    into,
                    "test.txz"));
    assertEquals("test.txz: link lib/l -> ../../etc leaves the archive", link.getMessage());
  }

  @Test
  void unpack_refusesADamagedHeader() throws Exception {
    byte[] tar = entry("a", '0', 0644, "x", "");
    tar[0] = 'b'; // the name changes, the checksum does not
    IOException e =
        assertThrows(
            IOException.class,
            () -> TarXz.unpack(new ByteArrayInputStream(txz(tar)), dir, "test.txz"));
    assertEquals(
        "test.txz: a tar header's checksum does not match (damaged archive)", e.getMessage());
  }

  /** One ustar entry: its header and its data padded to whole blocks. */
  private static byte[] entry(String name, char type, int mode, String data, String link) {
    byte[] body = data.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[512 + (body.length + 511) / 512 * 512];
    put(out, 0, name);
    put(out, 100, String.format("%07o", mode));
    put(out, 124, String.format("%011o", body.length));
    put(out, 136, String.format("%011o", 0));
    out[156] = (byte) type;
    put(out, 157, link);
    put(out, 257, "ustar");
    put(out, 263, "00");
    put(out, 148, "        ");
    int sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += out[i] & 0xff;
    }
    put(out, 148, String.format("%06o", sum) + "\0 ");
    System.arraycopy(body, 0, out, 512, body.length);
    return out;
  }

  private static void put(byte[] into, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, into, at, b.length);
  }

  private static byte[] txz(byte[]... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XZOutputStream xz = new XZOutputStream(bytes, new LZMA2Options())) {
      for (byte[] e : entries) {
        xz.write(e);
      }
      xz.write(new byte[1024]); // the end: two zero blocks
    }
    return bytes.toByteArray();
  }
}
