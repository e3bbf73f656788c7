package dev.datajar.runtime.internal.open;

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
 * What {@code lstat} says about one path (links are never followed): its type and mode bits, its
 * owner and size, and whether that owner is the user this JVM runs as.
 *
 * <p>Owners are compared by numeric id where the file system gives one: looking up a user's name
 * costs a password-database lookup, so names are only looked up for messages.
 */
public final class PathStatus {
  static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

  private static final int TYPE = 0170000;
  private static final int DIRECTORY = 0040000;
  private static final int REGULAR = 0100000;
  private static final int LINK = 0120000;

  private final Path path;
  private final int mode;
  private final int uid;
  private final long size;
  private UserPrincipal owner;

  private PathStatus(Path path, int mode, int uid, long size, UserPrincipal owner) {
    this.path = path;
    this.mode = mode;
    this.uid = uid;
    this.size = size;
    this.owner = owner;
  }

  /** Reads {@code p} without following a link; the {@code unix} view also gives the sticky bit. */
  @SuppressWarnings("EnumOrdinal") // PosixFilePermission's order is the mode's bit order
  static PathStatus of(Path p) throws IOException {
    if (p.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      Map<String, Object> a =
          Files.readAttributes(p, "unix:mode,uid,size", LinkOption.NOFOLLOW_LINKS);
      return new PathStatus(
          p, (Integer) a.get("mode"), (Integer) a.get("uid"), (Long) a.get("size"), null);
    }
    PosixFileAttributes a =
        Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    int mode =
        a.isDirectory() ? DIRECTORY : a.isRegularFile() ? REGULAR : a.isSymbolicLink() ? LINK : 0;
    for (PosixFilePermission bit : a.permissions()) {
      mode |= 0400 >> bit.ordinal(); // OWNER_READ is first, OTHERS_EXECUTE last
    }
    return new PathStatus(p, mode, -1, a.size(), a.owner());
  }

  /** The {@code st_mode} bits: file type, setuid/setgid/sticky and the nine permission bits. */
  int mode() {
    return mode;
  }

  long size() {
    return size;
  }

  /** The owner (its name is looked up on first use). */
  UserPrincipal owner() throws IOException {
    if (owner == null) {
      owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
    }
    return owner;
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

  boolean ours() throws IOException {
    if (uid >= 0 && Us.UID >= 0) {
      return uid == Us.UID;
    }
    return owner().equals(Us.PRINCIPAL);
  }

  boolean rootOwned() throws IOException {
    return uid >= 0 ? uid == 0 : "root".equals(owner().getName());
  }

  String ownerName() throws IOException {
    return owner().getName();
  }

  /** The type in words, for messages. */
  /** Why we do not own it, as the end of a sentence that starts with the path. */
  String notOursReason() throws IOException {
    return "is owned by " + ownerName() + ", not by " + userName() + " (the user this JVM runs as)";
  }

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
      boolean special =
          shift == 6 ? (mode & 04000) != 0 : shift == 3 ? (mode & 02000) != 0 : (mode & 01000) != 0;
      char mark = shift == 0 ? 't' : 's';
      sb.append(special ? (x ? mark : Character.toUpperCase(mark)) : (x ? 'x' : '-'));
    }
    return sb.toString();
  }

  /** The name of the user this JVM runs as, for messages. */
  static String userName() {
    return Us.PRINCIPAL != null ? Us.PRINCIPAL.getName() : System.getProperty("user.name");
  }

  /** Whether the user this JVM runs as could be found out (else nothing can be owned by us). */
  static boolean userKnown() {
    return Us.UID >= 0 || Us.PRINCIPAL != null;
  }

  /** {@link #userName()} reduced to characters that are safe in a file name. */
  static String safeUserName() {
    String s = userName().replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.startsWith(".") ? "u" + s : s;
  }

  /**
   * The user this JVM runs as. On Linux {@code /proc/self} belongs to the process's effective user,
   * which is also the owner of every file the process creates; elsewhere the user named by {@code
   * user.name} (set by the JVM from the real user id).
   */
  private static final class Us {
    static final Path SELF = Path.of("/proc/self");
    static final int UID = uid();
    static final UserPrincipal PRINCIPAL = principal();

    private static int uid() {
      try {
        return (Integer) Files.getAttribute(SELF, "unix:uid");
      } catch (IOException
          | UnsupportedOperationException
          | IllegalArgumentException
          | SecurityException e) {
        return -1; // not Linux: owners are compared by principal
      }
    }

    private static UserPrincipal principal() {
      try {
        return Files.getOwner(SELF);
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        // not Linux: ask by name
      }
      try {
        return FileSystems.getDefault()
            .getUserPrincipalLookupService()
            .lookupPrincipalByName(System.getProperty("user.name"));
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return null;
      }
    }
  }
}
