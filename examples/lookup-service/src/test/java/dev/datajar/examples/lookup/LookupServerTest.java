package dev.datajar.examples.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starts the service on a free loopback port over the real dataset jars and calls it over HTTP. */
class LookupServerTest {
  private static Injector injector;
  private static LookupServer server;
  private static URI base;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    injector = Guice.createInjector(Stage.PRODUCTION, new DataSetModule());
    server = injector.getInstance(LookupServer.class);
    InetSocketAddress bound =
        server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    base = URI.create("http://127.0.0.1:" + bound.getPort());
  }

  @AfterAll
  static void stop() {
    server.close();
    injector.getInstance(DataSets.class).close();
  }

  @Test
  void country_byEveryCodeGivesTheSameDocument() throws Exception {
    String civ =
        "{\"alpha2\":\"CI\",\"alpha3\":\"CIV\",\"numeric\":\"384\","
            + "\"name\":\"Côte d'Ivoire\",\"officialName\":\"Republic of Côte d'Ivoire\","
            + "\"commonName\":null,\"flag\":\"\uD83C\uDDE8\uD83C\uDDEE\"}\n";
    for (String code : new String[] {"CI", "ci", "CIV", "384"}) {
      HttpResponse<String> response = get("/countries/" + code);
      assertEquals(200, response.statusCode(), code);
      assertEquals(
          "application/json; charset=utf-8",
          response.headers().firstValue("Content-Type").orElseThrow());
      assertEquals(civ, response.body(), code);
    }
  }

  @Test
  void subdivisions_ofACountry() throws Exception {
    HttpResponse<String> response = get("/countries/GBR/subdivisions");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"count\":220,"), response.body());
    assertTrue(
        response
            .body()
            .contains(
                "{\"code\":\"GB-ABC\",\"name\":\"Armagh City, Banbridge"
                    + " and Craigavon\",\"type\":\"District\",\"country\":\"GB\",\"parent\":\"GB-NIR\"}"));
  }

  @Test
  void subdivision_withItsParent() throws Exception {
    assertEquals(
        "{\"code\":\"AZ-BAB\",\"name\":\"Babək\",\"type\":\"Rayon\",\"country\":\"AZ\","
            + "\"parent\":\"AZ-NX\"}\n",
        get("/subdivisions/az-bab").body());
  }

  @Test
  void currency_byNumericCode() throws Exception {
    assertEquals(
        "{\"alpha3\":\"ALL\",\"numeric\":\"008\",\"name\":\"Lek\"}\n",
        get("/currencies/008").body());
  }

  @Test
  void language_byBibliographicCode() throws Exception {
    assertEquals(
        "{\"alpha3\":\"fra\",\"alpha2\":\"fr\",\"bibliographic\":\"fre\","
            + "\"name\":\"French\",\"commonName\":null,\"invertedName\":null,"
            + "\"scope\":\"individual\",\"type\":\"living\"}\n",
        get("/languages/fre").body());
  }

  @Test
  void oui_anyNotationFindsTheLongestPrefix() throws Exception {
    String expected =
        "{\"mac\":\"70-B3-D5-F2-F1-23\",\"assignments\":[{\"registry\":\"MA-S\","
            + "\"prefix\":\"70-B3-D5-F2-F\",\"organization\":\"TELEPLATFORMS\","
            + "\"address\":\"Polbina st., 3/1 Moscow  RU 109388 \"}]}\n";
    assertEquals(expected, get("/oui/70:b3:d5:f2:f1:23").body());
    assertEquals(expected, get("/oui/70-B3-D5-F2-F1-23").body());
    assertEquals(expected, get("/oui/70b3.d5f2.f123").body());
  }

  @Test
  void oui_listsEveryHolderOfADoublyAssignedPrefix() throws Exception {
    String body = get("/oui/080030").body();
    assertTrue(body.contains("\"organization\":\"CERN\""), body);
    assertTrue(body.contains("\"organization\":\"ROYAL MELBOURNE INST OF TECH\""), body);
    assertTrue(body.contains("\"organization\":\"NETWORK RESEARCH CORPORATION\""), body);
  }

  @Test
  void malformedCode_is400WithAMessage() throws Exception {
    assertError(
        400,
        "'C-I' is not an ISO 3166-1 country code: expected two letters (CI),"
            + " three letters (CIV) or a number of up to three digits (384)",
        "/countries/C-I");
    assertError(
        400,
        "'zz:zz' is not a MAC address: expected 6 to 12 hex digits, as"
            + " 00-1B-C5-0A-BC-DE, 00:1b:c5:0a:bc:de, 001b.c50a.bcde or 001BC50ABCDE"
            + " (a prefix such as 00:1B:C5 is enough)",
        "/oui/zz:zz");
    assertError(
        400,
        "'EURO' is not an ISO 4217 currency code: expected three letters (EUR)"
            + " or a number of up to three digits (978)",
        "/currencies/EURO");
  }

  @Test
  void unknownCode_is404() throws Exception {
    assertError(404, "no country has the code 'ZZ'", "/countries/ZZ");
    assertError(404, "no language has the code 'qqq'", "/languages/qqq");
    assertError(
        404,
        "no IEEE assignment covers FF-FF-FF-00-00-00 (checked MA-S, IAB, MA-M and" + " MA-L)",
        "/oui/FF:FF:FF:00:00:00");
  }

  @Test
  void unknownPath_is404NamingTheEndpoints() throws Exception {
    HttpResponse<String> response = get("/countries/CI/cities");
    assertEquals(404, response.statusCode());
    assertTrue(
        response
            .body()
            .contains("no endpoint at /countries/CI/cities; try one of" + " /countries/CI,"),
        response.body());
  }

  @Test
  void otherMethods_are405() throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(base.resolve("/countries/CI"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, response.statusCode());
    assertEquals("GET, HEAD", response.headers().firstValue("Allow").orElseThrow());
    assertEquals(
        "{\"status\":405,\"error\":\"Method Not Allowed\",\"message\":\"this service"
            + " only answers GET (and HEAD), not POST\"}\n",
        response.body());
  }

  @Test
  void root_listsExamples() throws Exception {
    HttpResponse<String> response = get("/");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"/oui/70:b3:d5:f2:f1:23\""), response.body());
  }

  @Test
  void demo_printsRealLookups() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    LookupService.demo(
        injector.getInstance(LookupRoutes.class),
        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("GET /countries/CI -> 200\n  {\"alpha2\":\"CI\""), printed);
    assertTrue(printed.contains("GET /countries/XYZW -> 400\n"), printed);
  }

  @Test
  void malformedPath_isAnsweredWithJsonToo() throws Exception {
    try (RawConnection c = new RawConnection()) {
      String answer = c.exchange("GET /countries/% HTTP/1.1");
      assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
      assertTrue(answer.contains("\r\nContent-Type: application/json; charset=utf-8\r\n"), answer);
      assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
      assertTrue(answer.contains("\r\nContent-Type: application/json; charset=utf-8\r\n"), answer);
      assertTrue(
          answer.endsWith(
              "\r\n\r\n{\"status\":400,\"error\":\"Bad Request\",\"message\":"
                  + "\"the request could not be read (Bad Request); check its path: a % must be followed"
                  + " by two hex digits\"}\n"),
          answer);
      assertFalse(answer.contains("<"), answer);
    }
  }

  /**
   * Jetty closes the connection after an answer of its own (it could not read the request): the
   * answer says {@code Connection: close}, so a keep-alive client does not send its next request
   * into a closed connection. The service's own 400s keep the connection.
   */
  @Test
  void jettysOwnErrors_sayConnectionClose_andClose() throws Exception {
    for (String requestLine :
        List.of("GET /countries/% HTTP/1.1", "GET /" + "a".repeat(20_000) + " HTTP/1.1")) {
      try (RawConnection c = new RawConnection()) {
        String answer = c.exchange(requestLine);
        String what = requestLine.substring(0, Math.min(30, requestLine.length())) + ": " + answer;
        assertTrue(answer.startsWith("HTTP/1.1 4"), what);
        assertTrue(answer.contains("\r\nConnection: close\r\n"), what);
        assertTrue(c.closedByServer(), what);
      }
    }
    try (RawConnection c = new RawConnection()) {
      String answer = c.exchange("GET /countries/XYZW HTTP/1.1");
      assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
      assertFalse(answer.contains("Connection: close"), answer);
      assertTrue(c.exchange("GET /currencies/978 HTTP/1.1").startsWith("HTTP/1.1 200 "));
    }
  }

  @Test
  void keepAliveConnections_sendWithoutNagleDelay() throws Exception {
    try (RawConnection c = new RawConnection()) {
      for (int i = 0; i < 3; i++) { // three requests on one kept-alive connection
        String answer = c.exchange("GET /currencies/978 HTTP/1.1");
        assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        assertTrue(
            answer.endsWith("{\"alpha3\":\"EUR\",\"numeric\":\"978\",\"name\":\"Euro\"}\n"),
            answer);
      }
      // The server's side of this very connection, as the operating system reports it.
      List<Boolean> noDelay = server.noDelayOfOpenConnections();
      assertFalse(noDelay.isEmpty());
      assertEquals(List.of(), noDelay.stream().filter(on -> !on).toList(), "without TCP_NODELAY");
    }
  }

  @Test
  void head_hasTheLengthButNoBody() throws Exception {
    try (RawConnection c = new RawConnection()) {
      String answer = c.exchange("HEAD /currencies/978 HTTP/1.1");
      assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
      assertTrue(answer.contains("\r\nContent-Length: 47\r\n"), answer);
      assertTrue(answer.endsWith("\r\n\r\n"), answer);
    }
  }

  /** One HTTP/1.1 connection over a plain socket, for what HttpClient will not send. */
  private static final class RawConnection implements AutoCloseable {
    private final Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
    private final InputStream in = socket.getInputStream();

    RawConnection() throws IOException {}

    /** Sends a request line (keep-alive) and reads one whole answer, headers and body. */
    String exchange(String requestLine) throws IOException {
      socket
          .getOutputStream()
          .write((requestLine + "\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.write(b);
      }
      String headers = head.toString(StandardCharsets.ISO_8859_1);
      Matcher length = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(headers);
      int n =
          length.find() && !requestLine.startsWith("HEAD") ? Integer.parseInt(length.group(1)) : 0;
      return headers + new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    /** True if the server closed the connection: the next read finds its end. */
    boolean closedByServer() throws IOException {
      socket.setSoTimeout(10_000);
      return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static void assertError(int status, String message, String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(status, response.statusCode(), path);
    String reason = status == 400 ? "Bad Request" : "Not Found";
    assertEquals(
        "{\"status\":"
            + status
            + ",\"error\":\""
            + reason
            + "\",\"message\":\""
            + message
            + "\"}\n",
        response.body(),
        path);
    assertFalse(response.body().contains("Exception"), response.body());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(base.resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
