package dev.datajar.datasets.isocodes;

import java.util.Locale;
import java.util.regex.Pattern;

/** The shapes of the codes the stores accept, checked before any query runs. */
enum CodeFormat {
  LETTERS_2("[A-Za-z]{2}"),
  LETTERS_3("[A-Za-z]{3}"),
  DIGITS_1_TO_3("[0-9]{1,3}"),
  SUBDIVISION("[A-Za-z]{2}-[A-Za-z0-9]{1,3}");

  private final Pattern pattern;

  CodeFormat(String regex) {
    this.pattern = Pattern.compile(regex);
  }

  boolean matches(String text) {
    return text != null && pattern.matcher(text).matches();
  }

  static String upper(String code) {
    return code.toUpperCase(Locale.ROOT);
  }

  static String lower(String code) {
    return code.toLowerCase(Locale.ROOT);
  }

  /** {@code 4} → {@code "004"}: numeric codes are stored as three digits. */
  static String threeDigits(String digits) {
    return "000".substring(digits.length()) + digits;
  }
}
