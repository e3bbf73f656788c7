package dev.datajar.datasets.oui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "00-1B-C5-0A-BC-DE",
        "00:1b:c5:0a:bc:de",
        "001b.c50a.bcde",
        "001BC50ABCDE",
        " 00:1B:C5:0A:BC:DE "
      })
  void parse_readsEveryCommonNotation(String text) {
    MacAddress mac = MacAddress.parse(text);
    assertEquals("001BC50ABCDE", mac.hex());
    assertEquals("00-1B-C5-0A-BC-DE", mac.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:1B:C5", "00-1b-c5", "001b.c5", "001bc5"})
  void parse_readsAPrefix(String text) {
    assertEquals("001BC5", MacAddress.parse(text).hex());
  }

  @Test
  void prefix_isNullWhenTheAddressIsShorter() {
    MacAddress mac = MacAddress.parse("70:B3:D5:F2");
    assertEquals("70B3D5F", mac.prefix(7));
    assertNull(mac.prefix(9));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "00:1B",
        "00:1b-c5",
        "zz:zz:zz",
        "001b.c5.bcde",
        "00:1B:C5:0A:BC:DE:FF",
        "001BC50ABCDE0",
        "00 1B C5",
        "0:1b:c5:a:bc:de"
      })
  void parse_refusesAnythingElse(String text) {
    InvalidMacAddressException e =
        assertThrows(InvalidMacAddressException.class, () -> MacAddress.parse(text));
    assertEquals(text, e.value());
  }

  @Test
  void parse_explainsWhatItExpects() {
    InvalidMacAddressException e =
        assertThrows(InvalidMacAddressException.class, () -> MacAddress.parse("hello"));
    assertEquals(
        "'hello' is not a MAC address: expected 6 to 12 hex digits, as"
            + " 00-1B-C5-0A-BC-DE, 00:1b:c5:0a:bc:de, 001b.c50a.bcde or 001BC50ABCDE"
            + " (a prefix such as 00:1B:C5 is enough)",
        e.getMessage());
  }
}
