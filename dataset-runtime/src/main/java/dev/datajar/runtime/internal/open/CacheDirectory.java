package dev.datajar.runtime.internal.open;

import dev.datajar.runtime.DataSetOpenException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which directory the cache really uses, and refuses one whose files could be changed by
 * another user.
 *
 * <p>The rule, for the configured directory {@code D} (symbolic links resolved once; the real path
 * is used from then on, so a link cannot be re-pointed later):
 *
 * <ul>
 *   <li>{@code D} is missing: it is created {@code rwx------} (missing parents too), so it is ours.
 *   <li>{@code D} is ours and neither group nor others can write it: it is used as it is. Its mode
 *       is never changed: we cannot tell whether we created it.
 *   <li>{@code D} is shared like {@code /tmp} (others can write it, sticky bit set, owned by root
 *       or by us): the private subdirectory {@code D/datajar-<user>} is used. It is created with
 *       {@code createDirectory} and mode {@code rwx------} in one step, then checked without
 *       following links: a directory of that name that is not ours and private (another user may
 *       have created it first) is refused, never used. The sticky bit keeps other users from
 *       renaming our subdirectory away later.
 *   <li>Anything else is refused with a message: {@code D} owned by another user, writable by
 *       others without the sticky bit (anyone could rename our subdirectory and put theirs in its
 *       place), not a directory.
 * </ul>
 *
 * Every directory above the one used must be owned by us or root and, if others can write it, have
 * the sticky bit: otherwise whoever can write it could swap the whole cache for theirs.
 *
 * <p>On a file system without POSIX permissions (Windows) none of this can be checked: the
 * directory is created if missing and used; its privacy is the operating system's default.
 */
public final class CacheDirectory {
  /** Mode bits (octal): group write, others write, sticky. */
  private static final int GROUP_WRITE = 0020;

  private static final int OTHERS_WRITE = 0002;
  private static final int STICKY = 01000;

  private CacheDirectory() {}

  /**
   * The directory to use for {@code configured}: checked, and created first when {@code create} is
   * set; {@code null} when it does not exist and {@code create} is not set.
   */
  static Path resolve(String dataSet, CacheSetting setting, boolean create) {
    Path configured = setting.dir();
    String named = configured + " (" + setting.describe() + ")";
    Path dir = configured.toAbsolutePath();
    try {
      if (!PathStatus.posix(dir)) {
        if (create) {
          Files.createDirectories(dir);
        }
        if (Files.isDirectory(dir)) {
          return dir;
        }
        if (create || Files.exists(dir)) {
          throw refused(
              dataSet, "cache directory " + named + " is not a directory. " + setting.fix(dataSet));
        }
        return null;
      }
      if (!PathStatus.userKnown()) {
        throw refused(
            dataSet,
            "cannot tell which user this JVM runs as (no /proc/self, and"
                + " user.name '"
                + System.getProperty("user.name")
                + "' is not a known user), so the"
                + " owner of the cache directory "
                + named
                + " cannot be checked. Run the JVM"
                + " with -Duser.name set to the name of the user it runs as.");
      }
      Path real = realPath(dir, create);
      if (real == null) {
        return null;
      }
      checkAncestors(dataSet, setting, named, real);
      PathStatus s = PathStatus.of(real);
      if (!s.isDirectory()) {
        throw refused(
            dataSet,
            "cache directory "
                + named
                + " is not a directory ("
                + s.kind()
                + "). "
                + setting.fix(dataSet));
      }
      boolean othersWrite = (s.mode() & (GROUP_WRITE | OTHERS_WRITE)) != 0;
      if (!othersWrite && s.ours()) {
        return real;
      }
      if (othersWrite && (s.mode() & STICKY) != 0 && (s.ours() || s.rootOwned())) {
        return privateSubdirectory(dataSet, setting, named, real, s, create);
      }
      List<String> wrong = new ArrayList<>();
      if (!s.ours()) {
        wrong.add(s.notOursReason());
      }
      if (othersWrite) {
        wrong.add(writable(s));
      }
      String fix =
          s.ours()
              ? "Run 'chmod go-w "
                  + real
                  + "' if only you should write it. Or: "
                  + setting.fix(dataSet)
              : setting.fix(dataSet);
      throw refused(
          dataSet,
          "cache directory "
              + named
              + " "
              + String.join(" and ", wrong)
              + ", so the files in it cannot be trusted; it is not used. "
              + fix);
    } catch (IOException e) {
      throw new DataSetOpenException(
          dataSet,
          (create ? "cannot create or use" : "cannot use")
              + " the cache directory "
              + named
              + ": "
              + why(e)
              + ". "
              + setting.fix(dataSet),
          e);
    }
  }

  /**
   * What went wrong, in the operating system's words: {@code <file>: Read-only file system} rather
   * than the exception's class name.
   */
  static String why(IOException e) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String reason = f.getReason();
      if (reason == null) {
        reason =
            f instanceof AccessDeniedException
                ? "permission denied"
                : f instanceof NoSuchFileException
                    ? "no such file or directory"
                    : f instanceof FileAlreadyExistsException
                        ? "already exists"
                        : f.getClass().getSimpleName();
      }
      return f.getFile() + ": " + reason;
    }
    return e.toString();
  }

  private static String writable(PathStatus s) {
    return "can be written by " + writers(s.mode()) + " (mode " + s.modeString() + ")";
  }

  private static String writers(int mode) {
    return (mode & GROUP_WRITE) != 0 && (mode & OTHERS_WRITE) != 0
        ? "its group and others"
        : (mode & GROUP_WRITE) != 0 ? "its group" : "others";
  }

  private static DataSetOpenException refused(String dataSet, String what) {
    return new DataSetOpenException(dataSet, what);
  }

  /** The real path of {@code dir}, creating it private first if it is missing and asked to. */
  private static Path realPath(Path dir, boolean create) throws IOException {
    try {
      return dir.toRealPath();
    } catch (NoSuchFileException e) {
      if (!create) {
        return null;
      }
    }
    Path parent = dir.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      // Parents we create are ours and private as well; existing ones are left as they are.
      Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PathStatus.OWNER_DIR));
    }
    createOwned(dir);
    return dir.toRealPath();
  }

  /**
   * Creates {@code dir} owner-only in one step; true if this call created it. The umask can only
   * take bits away; if it took the owner's, they are given back (the directory is ours).
   */
  private static boolean createOwned(Path dir) throws IOException {
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PathStatus.OWNER_DIR));
    } catch (FileAlreadyExistsException e) {
      return false; // another JVM (or user) was first: the caller checks what is there
    }
    PosixFileAttributeView view =
        Files.getFileAttributeView(dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (!view.readAttributes().permissions().equals(PathStatus.OWNER_DIR)) {
      view.setPermissions(PathStatus.OWNER_DIR);
    }
    return true;
  }

  /** {@code <shared>/datajar-<user>}, created safely, or a refusal naming what is wrong with it. */
  private static Path privateSubdirectory(
      String dataSet,
      CacheSetting setting,
      String named,
      Path shared,
      PathStatus sharedStatus,
      boolean create)
      throws IOException {
    Path sub = shared.resolve("datajar-" + PathStatus.safeUserName());
    if (create) {
      createOwned(sub);
    }
    PathStatus s;
    try {
      s = PathStatus.of(sub);
    } catch (NoSuchFileException e) {
      return null;
    }
    List<String> wrong = new ArrayList<>();
    if (!s.isDirectory()) {
      wrong.add("is a " + s.kind() + ", not a directory");
    }
    if (!s.ours()) {
      wrong.add(s.notOursReason());
    }
    if (s.isDirectory() && (s.mode() & (GROUP_WRITE | OTHERS_WRITE)) != 0) {
      wrong.add(writable(s));
    }
    if (wrong.isEmpty()) {
      return sub;
    }
    throw refused(
        dataSet,
        "cache directory "
            + named
            + " is shared (mode "
            + sharedStatus.modeString()
            + "), so datajar uses its private subdirectory "
            + sub
            + "; but "
            + sub
            + " "
            + String.join(" and ", wrong)
            + ". Another user may have created it"
            + " to take over the cache: it is not used. Remove it (as its owner or root). Or: "
            + setting.fix(dataSet));
  }

  /** Every directory above {@code real}: owned by us or root, and sticky if others can write. */
  private static void checkAncestors(String dataSet, CacheSetting setting, String named, Path real)
      throws IOException {
    for (Path p = real.getParent(); p != null; p = p.getParent()) {
      PathStatus s = PathStatus.of(p);
      boolean othersWrite = (s.mode() & (GROUP_WRITE | OTHERS_WRITE)) != 0;
      List<String> wrong = new ArrayList<>();
      if (!s.ours() && !s.rootOwned()) {
        wrong.add(
            "is owned by "
                + s.ownerName()
                + " (neither "
                + PathStatus.userName()
                + ", the user this JVM runs as, nor root)");
      }
      if (othersWrite && (s.mode() & STICKY) == 0) {
        wrong.add(
            "can be written by "
                + writers(s.mode())
                + " (mode "
                + s.modeString()
                + ", no sticky bit)");
      }
      if (!wrong.isEmpty()) {
        throw refused(
            dataSet,
            "cache directory "
                + named
                + " is inside "
                + p
                + ", which "
                + String.join(" and ", wrong)
                + ": whoever can change "
                + p
                + " can replace the"
                + " cache with a directory of their own, so it is not used. Make "
                + p
                + " owned by "
                + PathStatus.userName()
                + " or root and not writable by others. Or: "
                + setting.fix(dataSet));
      }
    }
  }
}
