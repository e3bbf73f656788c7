package dev.datajar.examples.lookup;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.datajar.runtime.DataSetModule;
import dev.datajar.runtime.DataSets;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of the lookup service: opens the iso-codes and ieee-oui datasets from their jars on
 * the classpath and either serves them over HTTP or prints a few lookups.
 *
 * <pre>
 * java -cp ... dev.datajar.examples.lookup.LookupService --demo     # print lookups, exit
 * java -cp ... dev.datajar.examples.lookup.LookupService [--port 8080] [--host 127.0.0.1]
 * </pre>
 */
public final class LookupService {
  // Held so the setting sticks: java.util.logging keeps loggers only weakly. Hibernate logs
  // through it when no other backend is present; its start-up INFO lines would bury the output.
  private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

  private LookupService() {}

  public static void main(String[] args) throws Exception {
    HIBERNATE_LOG.setLevel(Level.WARNING);
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    Injector injector = Guice.createInjector(Stage.PRODUCTION, new DataSetModule());
    DataSets dataSets = injector.getInstance(DataSets.class);
    if (options.demo()) {
      try {
        demo(injector.getInstance(LookupRoutes.class), System.out);
      } finally {
        dataSets.close();
      }
    } else {
      serve(injector.getInstance(LookupServer.class), dataSets, options);
    }
  }

  /** Prints what the service answers to a few requests, as the README's first command shows. */
  static void demo(LookupRoutes routes, PrintStream out) {
    for (String path :
        List.of(
            "/countries/CI",
            "/countries/KOR",
            "/subdivisions/GB-ABC",
            "/currencies/978",
            "/languages/fre",
            "/oui/70:b3:d5:f2:f1:23",
            "/countries/XYZW")) {
      Response response;
      try {
        response = routes.get(LookupServer.segments(path));
      } catch (RequestException e) {
        response = LookupRoutes.error(e.status(), e.getMessage());
      }
      out.println("GET " + path + " -> " + response.status());
      out.print("  " + response.text());
    }
    out.flush();
  }

  private static void serve(LookupServer server, DataSets dataSets, Options options)
      throws Exception {
    InetSocketAddress bound = server.start(new InetSocketAddress(options.host(), options.port()));
    String base = "http://" + bound.getHostString() + ":" + bound.getPort();
    System.out.println(
        "lookup service listening on "
            + base
            + "/ (try "
            + base
            + "/countries/CI); Ctrl-C stops it");
    // Runs until the JVM is told to stop (Ctrl-C, SIGTERM); then stop answering before the
    // datasets close under running requests.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  dataSets.close();
                },
                "lookup-shutdown"));
    new CountDownLatch(1).await();
  }

  /** The command line: {@code --demo}, or {@code --host} and {@code --port} for serving. */
  record Options(boolean demo, String host, int port) {
    static final String USAGE =
        "usage: LookupService --demo | LookupService [--host 127.0.0.1] [--port 8080]";

    static Options parse(String[] args) {
      boolean demo = false;
      String host = "127.0.0.1";
      int port = 8080;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--demo" -> demo = true;
          case "--host" -> host = value(args, ++i, "--host");
          case "--port" -> {
            String text = value(args, i + 1, "--port");
            i++;
            try {
              port = Integer.parseInt(text);
            } catch (NumberFormatException e) {
              port = -1;
            }
            if (port < 0 || port > 65535) {
              throw new IllegalArgumentException(
                  "--port: '" + text + "' is not a port number (0 to 65535)");
            }
          }
          default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
        }
      }
      return new Options(demo, host, port);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }
}
