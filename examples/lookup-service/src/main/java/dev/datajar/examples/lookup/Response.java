package dev.datajar.examples.lookup;

import java.nio.charset.StandardCharsets;

/**
 * An answer of the lookup service: an HTTP status and a JSON body (UTF-8).
 *
 * @param status the HTTP status code
 * @param body the JSON document, UTF-8 encoded
 */
@SuppressWarnings("ArrayRecordComponent") // a value to send, never compared
record Response(int status, byte[] body) {
  /** The body as text, for logs and the demo. */
  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
