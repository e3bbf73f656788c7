package dev.datajar.runtime.internal.open;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Maven's order of artifact versions, for the usual forms: {@code 1.9 < 1.10}, {@code 2.0-alpha-1 <
 * 2.0-beta < 2.0-M1 < 2.0-rc1 < 2.0-SNAPSHOT < 2.0 = 2.0.0 = 2.0-final < 2.0-sp1 < 2.0.1}. A
 * version is split at {@code .}, {@code -} and wherever digits meet letters; numbers compare as
 * numbers, and a number is newer than any qualifier in its place. Qualifiers, case-insensitive:
 * {@code alpha} ({@code a1}), {@code beta} ({@code b1}), {@code milestone} ({@code m1}), {@code rc}
 * ({@code cr}), {@code snapshot}, the release ({@code ga}, {@code final}, {@code release}, or
 * nothing), {@code sp}, then any other word in alphabetical order. A missing part counts as {@code
 * 0} or the release. Unlike Maven's {@code ComparableVersion}, {@code -} and {@code .} separate
 * alike ({@code 1-1} equals {@code 1.1}).
 */
final class VersionOrder implements Comparator<String> {
  static final VersionOrder INSTANCE = new VersionOrder();

  private static final List<String> QUALIFIERS =
      List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");

  private VersionOrder() {}

  @Override
  public int compare(String a, String b) {
    List<Object> x = items(a);
    List<Object> y = items(b);
    for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
      int c = compareItem(i < x.size() ? x.get(i) : null, i < y.size() ? y.get(i) : null);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Compares two parts; {@code null} is a missing part: 0 against a number, else the release. */
  private static int compareItem(Object a, Object b) {
    if (a == null && b == null) {
      return 0;
    }
    if (a == null) {
      return -compareItem(b, null);
    }
    if (a instanceof BigInteger n) {
      if (b == null) {
        return n.signum();
      }
      return b instanceof BigInteger m ? n.compareTo(m) : 1; // a number beats a qualifier
    }
    String q = (String) a;
    if (b == null) {
      return compareQualifier(q, "");
    }
    return b instanceof BigInteger ? -1 : compareQualifier(q, (String) b);
  }

  private static int compareQualifier(String a, String b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    return ra == QUALIFIERS.size() ? a.compareTo(b) : 0;
  }

  private static int rank(String q) {
    int i = QUALIFIERS.indexOf(q);
    return i < 0 ? QUALIFIERS.size() : i;
  }

  /** The parts of {@code version}: numbers as {@link BigInteger}, qualifiers normalized. */
  static List<Object> items(String version) {
    String v = version.strip().toLowerCase(Locale.ROOT);
    List<Object> out = new ArrayList<>();
    int i = 0;
    while (i < v.length()) {
      char c = v.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++; // '.', '-' and any other character separate parts
        continue;
      }
      int start = i;
      boolean digits = Character.isDigit(c);
      while (i < v.length()
          && Character.isLetterOrDigit(v.charAt(i))
          && Character.isDigit(v.charAt(i)) == digits) {
        i++;
      }
      String part = v.substring(start, i);
      boolean numberFollows = i < v.length() && Character.isDigit(v.charAt(i));
      out.add(digits ? new BigInteger(part) : qualifier(part, numberFollows));
    }
    return out;
  }

  private static String qualifier(String q, boolean numberFollows) {
    return switch (q) {
      case "a" -> numberFollows ? "alpha" : q;
      case "b" -> numberFollows ? "beta" : q;
      case "m" -> numberFollows ? "milestone" : q;
      case "cr" -> "rc";
      case "ga", "final", "release" -> "";
      default -> q;
    };
  }
}
