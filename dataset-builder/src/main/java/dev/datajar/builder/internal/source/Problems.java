package dev.datajar.builder.internal.source;

import dev.datajar.builder.DataSetBuildException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The problems found in one source (a file, a code source, or any other subject of a dataset),
 * collected rather than thrown at the first so a user fixes a file in one pass.
 *
 * <p>Each problem is one line that starts with its location, e.g. {@code
 * src/main/datasets/geo/airport.csv:214:3: column 'elevation_ft': 'n/a' is not an integer ...}.
 * Only the first {@value #CAP} are kept, so a broken file of ten million rows does not flood the
 * log; the rest are counted. {@link #exception()} renders them as Guice does: a heading naming the
 * dataset and the source, the problems numbered, and a count.
 *
 * <p>Not thread-safe: one instance per source being read.
 */
public final class Problems {
  /** How many problems are kept and shown. */
  public static final int CAP = 50;

  private final String dataSet;
  private final String subject;
  private final List<String> shown = new ArrayList<>();
  private long count;
  private Throwable firstCause;

  /**
   * @param dataSet the dataset name
   * @param subject what the problems are in, as shown: a display path or a class name
   */
  public Problems(String dataSet, String subject) {
    this.dataSet = Objects.requireNonNull(dataSet, "dataSet");
    this.subject = Objects.requireNonNull(subject, "subject");
  }

  /** Problems of a source file, named by its {@link DisplayPath}. */
  public static Problems forFile(String dataSet, Path file) {
    return new Problems(dataSet, DisplayPath.of(file));
  }

  /**
   * Adds a problem: one line, starting with its location. Should it span lines (an exception
   * message from user code may), the further lines are indented under its number.
   */
  public void add(String problem) {
    count++;
    if (shown.size() < CAP) {
      shown.add(problem.indexOf('\n') < 0 ? problem : problem.replace("\n", "\n     "));
    }
  }

  /** Adds {@code where + ": " + what}, e.g. {@code rows.where(f)} and what is wrong there. */
  public void add(String where, String what) {
    add(where + ": " + what);
  }

  /**
   * Adds a problem caused by an exception (e.g. thrown by user code); the first such cause is kept
   * as the cause of {@link #exception()} so its stack trace is not lost.
   */
  public void add(String problem, Throwable cause) {
    if (firstCause == null) {
      firstCause = cause;
    }
    add(problem);
  }

  /** How many problems were added, including those beyond the cap. */
  public long count() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** The full message: heading, numbered problems, and the count. */
  public String message() {
    StringBuilder text = new StringBuilder(128 + shown.size() * 100);
    text.append("dataset '")
        .append(dataSet)
        .append("': ")
        .append(counted(count))
        .append(" in ")
        .append(subject)
        .append(':');
    for (int i = 0; i < shown.size(); i++) {
      text.append('\n').append("  ").append(i + 1).append(") ").append(shown.get(i));
    }
    text.append('\n').append(counted(count));
    if (count > shown.size()) {
      text.append(" (").append(shown.size()).append(" shown)");
    }
    return text.toString();
  }

  /** The problems as one exception; call only when not {@link #isEmpty()}. */
  public DataSetBuildException exception() {
    if (isEmpty()) {
      throw new IllegalStateException("no problems in " + subject);
    }
    DataSetBuildException exception = new DataSetBuildException(message(), shown);
    if (firstCause != null) {
      exception.initCause(firstCause);
    }
    return exception;
  }

  /** Throws {@link #exception()} if any problem was added. */
  public void throwIfAny() throws DataSetBuildException {
    if (!isEmpty()) {
      throw exception();
    }
  }

  /**
   * Throws one exception for the problems of several sources (e.g. every file of a dataset), their
   * messages one after the other; the first cause found is kept.
   */
  public static void throwIfAny(Collection<Problems> all) throws DataSetBuildException {
    List<Problems> failed = all.stream().filter(p -> !p.isEmpty()).collect(Collectors.toList());
    if (failed.size() == 1) {
      throw failed.get(0).exception();
    }
    if (!failed.isEmpty()) {
      String message = failed.stream().map(Problems::message).collect(Collectors.joining("\n"));
      List<String> problems =
          failed.stream().flatMap(p -> p.shown.stream()).collect(Collectors.toList());
      DataSetBuildException exception = new DataSetBuildException(message, problems);
      failed.stream()
          .map(p -> p.firstCause)
          .filter(Objects::nonNull)
          .findFirst()
          .ifPresent(exception::initCause);
      throw exception;
    }
  }

  private static String counted(long n) {
    return n == 1 ? "1 problem" : n + " problems";
  }
}
