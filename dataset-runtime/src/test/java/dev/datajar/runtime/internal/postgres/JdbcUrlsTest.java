package dev.datajar.runtime.internal.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Issue 19: a password leaves the JDBC URL before anything shows or logs the URL. */
class JdbcUrlsTest {
  @Test
  void split_takesThePasswordOut_whereverItIs() {
    assertSplit(
        "jdbc:postgresql://db/ref?user=u&password=pw", "jdbc:postgresql://db/ref?user=u", "pw");
    assertSplit(
        "jdbc:postgresql://db/ref?password=pw&user=u", "jdbc:postgresql://db/ref?user=u", "pw");
    assertSplit("jdbc:postgresql://db/ref?password=pw", "jdbc:postgresql://db/ref", "pw");
    assertSplit(
        "jdbc:postgresql://db/ref?user=u&password=p%40ss%26w&ssl=true",
        "jdbc:postgresql://db/ref?user=u&ssl=true", "p@ss&w");
    assertSplit("jdbc:postgresql://db/ref?user=u", "jdbc:postgresql://db/ref?user=u", null);
    assertSplit(
        "jdbc:postgresql://db/ref?sslpassword=k&user=u",
        "jdbc:postgresql://db/ref?sslpassword=k&user=u",
        null);
  }

  @Test
  void redact_masksEveryPasswordParameter() {
    assertEquals(
        "jdbc:postgresql://db/ref?user=u&password=***&sslpassword=***",
        JdbcUrls.redact("jdbc:postgresql://db/ref?user=u&password=pw&sslpassword=k"));
  }

  private static void assertSplit(String url, String without, String password) {
    JdbcUrls.Split s = JdbcUrls.split(url);
    assertEquals(without, s.url(), url);
    if (password == null) {
      assertNull(s.password(), url);
    } else {
      assertEquals(password, s.password(), url);
    }
    assertEquals(without, s.toString());
  }
}
