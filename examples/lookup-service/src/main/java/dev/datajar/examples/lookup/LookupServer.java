package dev.datajar.examples.lookup;

import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The lookup service over HTTP, on Jetty's core server: GET only, JSON in every answer, errors
 * included (also those Jetty answers itself, such as a malformed request path).
 *
 * <p>Lifecycle: {@link #start} once, {@link #close} once. Requests are answered on a small pool of
 * threads; the stores behind {@link LookupRoutes} are safe for concurrent use. A failure the caller
 * did not cause is logged here with its stack trace and answered with a 500 whose body says only
 * that; stack traces never reach the caller.
 *
 * <p>Accepted sockets have TCP_NODELAY set: an answer is one small write, and with Nagle's
 * algorithm on, a keep-alive client's delayed ACK held each answer back by ~40 ms.
 */
public final class LookupServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LookupServer.class.getName());
  private static final int THREADS = 8; // Jetty's acceptor and selector take two of them

  private final LookupRoutes routes;
  private Server server;
  private ServerConnector connector;

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
      throw new IllegalStateException("already started on " + connector.getLocalPort());
    }
    QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2);
    threads.setName("lookup-http");
    threads.setDaemon(true);
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(address.getHostString());
    connector.setPort(address.getPort());
    connector.setAcceptedTcpNoDelay(true); // Jetty's default too; said here because it matters
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(
              Request request, org.eclipse.jetty.server.Response response, Callback callback) {
            send(request, response, callback, answer(request, response));
            return true;
          }
        });
    // What Jetty answers itself (a malformed path, a bad request line, a URI too long) is JSON
    // too. Jetty closes the connection after such an answer (it could not read the request, so
    // it cannot tell where the next one starts): the answer says so, or a keep-alive client would
    // send its next request into a closed connection.
    server.setErrorHandler(
        (request, response, callback) -> {
          Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
          int status = response.getStatus() >= 400 ? response.getStatus() : 400;
          response.getHeaders().put(HttpHeader.CONNECTION, "close");
          send(
              request,
              response,
              callback,
              LookupRoutes.error(
                  status,
                  "the request could not be read"
                      + (message == null ? "" : " (" + message + ")")
                      + "; check its path: a % must be followed by two hex digits"));
          return true;
        });
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new IOException(
          "could not start the HTTP server on " + address + ": " + e.getMessage(), e);
    }
    return new InetSocketAddress(address.getAddress(), connector.getLocalPort());
  }

  /** Stops accepting requests, lets running ones finish for up to a second, and stops. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.setStopTimeout(1000);
      try {
        server.stop();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "the HTTP server did not stop cleanly", e);
      }
      server = null;
    }
  }

  /** TCP_NODELAY of each open connection's socket, as the operating system reports it. */
  synchronized List<Boolean> noDelayOfOpenConnections() throws IOException {
    List<Boolean> out = new ArrayList<>();
    for (EndPoint endPoint : connector.getConnectedEndPoints()) {
      if (endPoint.getTransport() instanceof NetworkChannel channel) {
        out.add(channel.getOption(StandardSocketOptions.TCP_NODELAY));
      }
    }
    return out;
  }

  private Response answer(Request request, org.eclipse.jetty.server.Response response) {
    try {
      String method = request.getMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
        return LookupRoutes.error(405, "this service only answers GET (and HEAD), not " + method);
      }
      return routes.get(segments(request.getHttpURI().getPath()));
    } catch (RequestException e) {
      return LookupRoutes.error(e.status(), e.getMessage());
    } catch (RuntimeException | Error e) {
      LOG.log(
          Level.SEVERE, "failed to answer " + request.getMethod() + " " + request.getHttpURI(), e);
      return LookupRoutes.error(
          500, "the service failed to answer this request; its log has the details");
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
        throw new RequestException(
            400,
            "the path segment '"
                + raw
                + "' has a malformed %-escape: expected % followed by two hex digits");
      }
    }
    return segments;
  }

  private static void send(
      Request request,
      org.eclipse.jetty.server.Response response,
      Callback callback,
      Response answer) {
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    boolean head = request.getMethod().equals("HEAD");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, head ? null : ByteBuffer.wrap(answer.body()), callback);
  }
}
