package dev.datajar.datasets.oui;

/** Thrown for text that is not a MAC address or prefix in any notation {@link MacAddress} reads. */
public final class InvalidMacAddressException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String value;

  public InvalidMacAddressException(String value) {
    super(
        (value == null ? "no MAC address" : "'" + value + "' is not a MAC address")
            + ": expected 6 to 12 hex digits, as 00-1B-C5-0A-BC-DE, 00:1b:c5:0a:bc:de,"
            + " 001b.c50a.bcde or 001BC50ABCDE (a prefix such as 00:1B:C5 is enough)");
    this.value = value;
  }

  /** The text that was rejected, as given; {@code null} if there was none. */
  public String value() {
    return value;
  }
}
