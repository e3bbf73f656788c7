package dev.datajar.runtime.internal.postgres;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passwords kept out of PostgreSQL JDBC URLs that datajar shows or hands on: a {@code password=}
 * parameter is taken out of the URL (and given to the driver as a property instead, which pgjdbc
 * treats the same), so that messages, logs and the pool's settings only ever see the rest; any
 * other {@code …password=} parameter (e.g. {@code sslpassword}) is masked where a URL is shown.
 * Used by the runtime and by the builder.
 */
public final class JdbcUrls {
  /** A {@code password} parameter (pgjdbc's names are case-sensitive): separator and value. */
  private static final Pattern PASSWORD = Pattern.compile("([?&])password=([^&]*)");

  /** Any parameter whose name ends in {@code password}, for masking. */
  private static final Pattern ANY_PASSWORD =
      Pattern.compile("([?&;][^?&;=]*password=)[^&;]*", Pattern.CASE_INSENSITIVE);

  private JdbcUrls() {}

  /** A URL without its {@code password} parameter, and that password (or {@code null}). */
  public record Split(String url, String password) {
    @Override
    public String toString() {
      return url; // never the password
    }
  }

  /** Takes the {@code password} parameter out of {@code url}, decoded as pgjdbc decodes it. */
  public static Split split(String url) {
    Matcher m = PASSWORD.matcher(url);
    String password = null;
    StringBuilder rest = new StringBuilder();
    while (m.find()) {
      password = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
      // '?password=x&user=y' keeps its '?' for what follows; '&password=x' simply goes.
      m.appendReplacement(rest, m.group(1).equals("?") ? "?" : "");
    }
    m.appendTail(rest);
    String without = rest.toString().replace("?&", "?");
    if (without.endsWith("?")) {
      without = without.substring(0, without.length() - 1);
    }
    return new Split(without, password);
  }

  /** {@code url} with the value of every {@code …password=} parameter masked, for messages. */
  public static String redact(String url) {
    return url == null ? null : ANY_PASSWORD.matcher(url).replaceAll("$1***");
  }
}
