package dev.datajar.testing.postgres;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks an xz-compressed tar archive (the PostgreSQL bundle's {@code .txz}) into a folder:
 * regular files with their permission bits, folders and relative symbolic links; GNU long names and
 * pax {@code path}/{@code linkpath} records. Anything else (hard links, devices) is refused, as is
 * any entry or link that would land outside the folder.
 */
final class TarXz {
  private static final int BLOCK = 512;

  private TarXz() {}

  static void unpack(InputStream txz, Path root, String what) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    try (InputStream in =
        new BufferedInputStream(new XZInputStream(new BufferedInputStream(txz)))) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      String longLink = null;
      while (true) {
        readFully(in, header, what);
        if (isZero(header)) {
          return; // end of archive
        }
        checkChecksum(header, what);
        long size = octal(header, 124, 12, what);
        char type = (char) header[156];
        String name = longName != null ? longName : name(header);
        String link = longLink != null ? longLink : string(header, 157, 100);
        longName = null;
        longLink = null;
        switch (type) {
          case 'L' -> longName = trimNul(readString(in, size, what));
          case 'K' -> longLink = trimNul(readString(in, size, what));
          case 'x' -> {
            String pax = readString(in, size, what);
            longName = paxValue(pax, "path");
            longLink = paxValue(pax, "linkpath");
          }
          case 'g' -> skip(in, size, what);
          case '0', '\0', '7' -> {
            Path file = inside(base, name, what);
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
              copy(in, out, size, what);
            }
            Files.setPosixFilePermissions(file, permissions((int) octal(header, 100, 8, what)));
          }
          case '5' -> Files.createDirectories(inside(base, name, what));
          case '2' -> {
            Path at = inside(base, name, what);
            if (link.startsWith("/")
                || !at.getParent().resolve(link).normalize().startsWith(base)) {
              throw new IOException(
                  what + ": link " + name + " -> " + link + " leaves the archive");
            }
            Files.createDirectories(at.getParent());
            Files.createSymbolicLink(at, Path.of(link));
          }
          default ->
              throw new IOException(
                  what
                      + ": entry "
                      + name
                      + " has tar type '"
                      + type
                      + "', which is not supported");
        }
      }
    }
  }

  /** The entry's data is followed by padding up to the next block. */
  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private static void copy(InputStream in, OutputStream out, long size, String what)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new EOFException(what + ": the archive ends inside an entry");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
    in.skipNBytes(padding(size));
  }

  private static void skip(InputStream in, long size, String what) throws IOException {
    copy(in, OutputStream.nullOutputStream(), size, what);
  }

  private static String readString(InputStream in, long size, String what) throws IOException {
    if (size > 1 << 20) {
      throw new IOException(what + ": a header record of " + size + " bytes");
    }
    byte[] data = new byte[(int) size];
    readFully(in, data, what);
    in.skipNBytes(padding(size));
    return new String(data, StandardCharsets.UTF_8);
  }

  /** A pax record is "LENGTH KEY=VALUE\n"; the length counts the whole record. */
  private static String paxValue(String pax, String key) {
    int at = 0;
    while (at < pax.length()) {
      int space = pax.indexOf(' ', at);
      if (space < 0) {
        break;
      }
      int length = Integer.parseInt(pax.substring(at, space));
      String record = pax.substring(space + 1, at + length - 1);
      if (record.startsWith(key + "=")) {
        return record.substring(key.length() + 1);
      }
      at += length;
    }
    return null;
  }

  private static Path inside(Path base, String name, String what) throws IOException {
    Path p = base.resolve(name).normalize();
    if (name.startsWith("/") || !p.startsWith(base)) {
      throw new IOException(what + ": entry " + name + " lies outside the archive's folder");
    }
    return p;
  }

  private static String name(byte[] header) {
    String name = string(header, 0, 100);
    boolean ustar = string(header, 257, 5).equals("ustar");
    String prefix = ustar ? string(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static String string(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String trimNul(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }

  private static long octal(byte[] header, int offset, int length, String what) throws IOException {
    String digits = string(header, offset, length).trim();
    try {
      return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    } catch (NumberFormatException e) {
      throw new IOException(what + ": a tar header holds '" + digits + "', not an octal number", e);
    }
  }

  private static void checkChecksum(byte[] header, String what) throws IOException {
    long stored = octal(header, 148, 8, what);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
    }
    if (sum != stored) {
      throw new IOException(what + ": a tar header's checksum does not match (damaged archive)");
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static void readFully(InputStream in, byte[] into, String what) throws IOException {
    if (in.readNBytes(into, 0, into.length) != into.length) {
      throw new EOFException(what + ": the archive ends early");
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
    for (int i = 0; i < 9; i++) {
      if ((mode & (0400 >> i)) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }
}
