package dev.datajar.examples.lookup;

/**
 * A request the service cannot answer with data: the status to send and a message for the caller,
 * which ends up in the JSON error body.
 */
final class RequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  RequestException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
