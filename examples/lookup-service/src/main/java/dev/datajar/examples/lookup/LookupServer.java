package dev.datajar.examples.lookup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The lookup service over HTTP, on the JDK's built-in server: GET only, JSON in every answer,
 * errors included.
 *
 * <p>Lifecycle: {@link #start} once, {@link #close} once. Requests are answered on a small pool
 * of threads; the stores behind {@link LookupRoutes} are safe for concurrent use. A failure the
 * caller did not cause is logged here with its stack trace and answered with a 500 whose body
 * says only that; stack traces never reach the caller.
 */
public final class LookupServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LookupServer.class.getName());
  private static final int THREADS = 4;

  private final LookupRoutes routes;
  private HttpServer server;
  private ExecutorService executor;

  @Inject
  LookupServer(LookupRoutes routes) {
    this.routes = routes;
  }

  /**
   * Starts listening; port 0 picks a free one.
   *
   * @return the address actually bound
   */
  public synchronized InetSocketAddress start(InetSocketAddress address) throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started on " + server.getAddress());
    }
    server = HttpServer.create(address, 0);
    executor = Executors.newFixedThreadPool(THREADS, runnable -> {
      Thread thread = new Thread(runnable, "lookup-http");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    return server.getAddress();
  }

  /** Stops accepting requests, lets running ones finish for up to a second, and stops. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(1);
      executor.shutdownNow();
      server = null;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    Response response;
    try {
      response = answer(exchange);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.SEVERE, "failed to answer " + exchange.getRequestMethod() + " "
          + exchange.getRequestURI(), e);
      response = LookupRoutes.error(500,
          "the service failed to answer this request; its log has the details");
    }
    send(exchange, response);
  }

  private Response answer(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      return LookupRoutes.error(405,
          "this service only answers GET (and HEAD), not " + method);
    }
    try {
      return routes.get(segments(exchange.getRequestURI().getRawPath()));
    } catch (RequestException e) {
      return LookupRoutes.error(e.status(), e.getMessage());
    }
  }

  /** {@code /countries/C%C3%B4te/} → {@code [countries, Côte]}; empty segments dropped. */
  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.split("/")) {
      if (raw.isEmpty()) {
        continue;
      }
      try {
        // URLDecoder decodes forms, where '+' means space; in a path it is a plus.
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new RequestException(400, "the path segment '" + raw
            + "' has a malformed %-escape: expected % followed by two hex digits");
      }
    }
    return segments;
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length);
    try (OutputStream body = exchange.getResponseBody()) {
      if (!head) {
        body.write(response.body());
      }
    }
  }
}
