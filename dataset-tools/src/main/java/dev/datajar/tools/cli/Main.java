package dev.datajar.tools.cli;

import dev.datajar.tools.ToolException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar dataset-tools-<version>-cli.jar inspect|dump|build|diff …}: the tools for
 * someone who has a dataset jar (or its coordinates) and no Maven build.
 *
 * <p>Exit status: 0 done; 1 the input was wrong (one line on stderr says what was expected); 2 the
 * command line was wrong (usage on stderr); 3 the guard of {@code diff} failed.
 */
@Command(
    name = "datajar-tools",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Inspect, dump, build and diff datajar datasets (a dataset jar, a .sqlite file,"
            + " a class folder, or Maven coordinates group:artifact[:version]).",
    subcommands = {InspectCommand.class, DumpCommand.class, BuildCommand.class, DiffCommand.class})
public final class Main implements Runnable {
  /** Hibernate's loggers, held so that their levels stick (JUL keeps loggers weakly). */
  private static final Logger[] QUIET = {
    Logger.getLogger("org.hibernate"), Logger.getLogger("org.sqlite")
  };

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // The platform charset (the locale's), which PrintWriter(OutputStream) picked unnamed.
    Charset console = Charset.defaultCharset();
    System.exit(
        run(
            args,
            new PrintWriter(System.out, true, console),
            new PrintWriter(System.err, true, console)));
  }

  /** Runs one command line; returns its exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // Only warnings from the libraries: the output is the report.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    for (Logger l : QUIET) {
      l.setLevel(Level.WARNING);
    }
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof ToolException t) {
            err.println("datajar-tools: " + t.getMessage());
            return 1;
          }
          throw e;
        });
    return cli.execute(args);
  }

  /** No command: a wrong command line (exit 2), answered with the usage. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: inspect, dump, build or diff");
  }

  /** The version in the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"datajar-tools " + (v == null ? "(development)" : v)};
    }
  }
}
