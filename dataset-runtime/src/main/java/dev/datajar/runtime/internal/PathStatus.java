package dev.datajar.runtime.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.Set;

/**
 * What {@code lstat} says about one path (links are never followed): its type and mode bits,
 * its owner and size, and whether that owner is the user this JVM runs as.
 *
 * @param mode the {@code st_mode} bits: file type, sticky and the nine permission bits
 * @param owner the owner
 * @param uid the owner's numeric id, or -1 where the file system does not say
 * @param size the size in bytes
 */
record PathStatus(int mode, UserPrincipal owner, int uid, long size) {
  static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

  private static final int TYPE = 0170000;
  private static final int DIRECTORY = 0040000;
  private static final int REGULAR = 0100000;
  private static final int LINK = 0120000;

  /** Reads {@code p} without following a link; the {@code unix} view also gives the sticky bit. */
  static PathStatus of(Path p) throws IOException {
    if (p.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,owner,size",
          LinkOption.NOFOLLOW_LINKS);
      return new PathStatus((Integer) a.get("mode"), (UserPrincipal) a.get("owner"),
          (Integer) a.get("uid"), (Long) a.get("size"));
    }
    PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    int mode = a.isDirectory() ? DIRECTORY : a.isRegularFile() ? REGULAR
        : a.isSymbolicLink() ? LINK : 0;
    for (PosixFilePermission bit : a.permissions()) {
      mode |= 0400 >> bit.ordinal(); // OWNER_READ is first, OTHERS_EXECUTE last
    }
    return new PathStatus(mode, a.owner(), -1, a.size());
  }

  /** Whether owners and modes can be checked where {@code p} lives (not on Windows). */
  static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  boolean isDirectory() {
    return (mode & TYPE) == DIRECTORY;
  }

  boolean isRegularFile() {
    return (mode & TYPE) == REGULAR;
  }

  boolean ours() {
    return owner.equals(Us.US);
  }

  boolean rootOwned() {
    return uid == 0 || (uid < 0 && "root".equals(owner.getName()));
  }

  String ownerName() {
    return owner.getName();
  }

  /** The type in words, for messages. */
  String kind() {
    return switch (mode & TYPE) {
      case DIRECTORY -> "directory";
      case REGULAR -> "regular file";
      case LINK -> "symbolic link";
      default -> "special file";
    };
  }

  /** The permission bits as {@code ls} shows them, sticky bit included ({@code rwxrwxrwt}). */
  String modeString() {
    StringBuilder sb = new StringBuilder(9);
    for (int shift = 6; shift >= 0; shift -= 3) {
      int bits = mode >> shift;
      sb.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-');
      boolean x = (bits & 1) != 0;
      boolean special = shift == 6 ? (mode & 04000) != 0 : shift == 3 ? (mode & 02000) != 0
          : (mode & 01000) != 0;
      char mark = shift == 0 ? 't' : 's';
      sb.append(special ? (x ? mark : Character.toUpperCase(mark)) : (x ? 'x' : '-'));
    }
    return sb.toString();
  }

  /** The name of the user this JVM runs as, for messages. */
  static String userName() {
    return Us.US != null ? Us.US.getName() : System.getProperty("user.name");
  }

  /** Whether the user this JVM runs as could be found out (else nothing can be owned by us). */
  static boolean userKnown() {
    return Us.US != null;
  }

  /** {@link #userName()} reduced to characters that are safe in a file name. */
  static String safeUserName() {
    String s = userName().replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.startsWith(".") ? "u" + s : s;
  }

  /**
   * The user this JVM runs as. On Linux {@code /proc/self} belongs to the process's effective
   * user, which is also the owner of every file the process creates; elsewhere the user named by
   * {@code user.name} (set by the JVM from the real user id).
   */
  private static final class Us {
    static final UserPrincipal US = find();

    private static UserPrincipal find() {
      try {
        return Files.getOwner(Path.of("/proc/self"));
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // not Linux: ask by name
      }
      try {
        return FileSystems.getDefault().getUserPrincipalLookupService()
            .lookupPrincipalByName(System.getProperty("user.name"));
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return null;
      }
    }
  }
}
