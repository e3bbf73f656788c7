package dev.datajar.datasets.oui;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A MAC address, or the leading part of one (at least the 24-bit OUI), read from any of the
 * notations people paste.
 *
 * <p>Accepted, in either case: {@code 00-1B-C5-0A-BC-DE} (IEEE), {@code 00:1b:c5:0a:bc:de} (Linux,
 * macOS), {@code 001b.c50a.bcde} (Cisco) and bare hex {@code 001BC50ABCDE}; each also as a prefix
 * of 6 to 12 hex digits ({@code 00:1B:C5}). Separators must be used consistently. Immutable.
 *
 * @param hex the address (or prefix) as upper-case hex digits without separators, 6 to 12 of them
 */
public record MacAddress(String hex) {
  // Groups of two with one separator throughout (the \1 back-reference), groups of four with
  // dots, or no separator at all.
  private static final Pattern PAIRS =
      Pattern.compile("\\p{XDigit}{2}([:-])\\p{XDigit}{2}(?:\\1\\p{XDigit}{2}){1,4}");
  private static final Pattern QUADS =
      Pattern.compile("\\p{XDigit}{4}\\.(?:\\p{XDigit}{2,4}|\\p{XDigit}{4}\\.\\p{XDigit}{1,4})");
  private static final Pattern BARE = Pattern.compile("\\p{XDigit}{6,12}");

  public MacAddress {
    if (hex == null || !BARE.matcher(hex).matches() || !hex.equals(hex.toUpperCase(Locale.ROOT))) {
      throw new InvalidMacAddressException(hex);
    }
  }

  /**
   * Reads a MAC address or prefix in any accepted notation.
   *
   * @throws InvalidMacAddressException if {@code text} is none of them
   */
  public static MacAddress parse(String text) {
    if (text == null) {
      throw new InvalidMacAddressException(null);
    }
    String trimmed = text.strip();
    if (!PAIRS.matcher(trimmed).matches()
        && !QUADS.matcher(trimmed).matches()
        && !BARE.matcher(trimmed).matches()) {
      throw new InvalidMacAddressException(text);
    }
    String digits = trimmed.replaceAll("[:.-]", "").toUpperCase(Locale.ROOT);
    if (digits.length() < 6 || digits.length() > 12) {
      throw new InvalidMacAddressException(text);
    }
    return new MacAddress(digits);
  }

  /** The first {@code digits} hex digits, or {@code null} if this address is shorter. */
  public String prefix(int digits) {
    return hex.length() < digits ? null : hex.substring(0, digits);
  }

  /** IEEE notation: pairs of upper-case digits joined by hyphens, a lone last digit kept. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(hex.length() * 3 / 2);
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        out.append('-');
      }
      out.append(hex, i, Math.min(i + 2, hex.length()));
    }
    return out.toString();
  }
}
