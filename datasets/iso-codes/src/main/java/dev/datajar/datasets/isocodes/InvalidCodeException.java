package dev.datajar.datasets.isocodes;

/**
 * Thrown when a lookup is given text that cannot be a code of the kind asked for (a country code of
 * five letters, a currency code with a hyphen), as opposed to a well-formed code that simply is not
 * in the list, which gives an empty {@code Optional}.
 */
public final class InvalidCodeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String value;

  InvalidCodeException(String value, String kind, String expected) {
    super(
        (value == null ? "no " + kind : "'" + value + "' is not " + kind)
            + ": expected "
            + expected);
    this.value = value;
  }

  /** The text that was rejected, as given; {@code null} if there was none. */
  public String value() {
    return value;
  }
}
