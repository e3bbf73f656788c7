package dev.datajar.builder.internal.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datajar.builder.DataSetBuildException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  @Test
  void exception_numbersProblemsUnderHeadingAndEndsWithCount() {
    Problems problems = Problems.forFile("geo", Path.of("src/main/datasets/geo/airport.csv"));
    problems.add(
        "src/main/datasets/geo/airport.csv:214:3",
        "column 'elevation_ft': 'n/a' is not an integer (Airport.elevationFt). Fix the value,"
            + " or make the field nullable.");
    problems.add(
        "src/main/datasets/geo/airport.csv:215: expected 3 fields as in the header,"
            + " found 2. Add the missing fields (an empty field is NULL).");
    DataSetBuildException e = problems.exception();
    assertEquals(
        "dataset 'geo': 2 problems in src/main/datasets/geo/airport.csv:\n"
            + "  1) src/main/datasets/geo/airport.csv:214:3: column 'elevation_ft': 'n/a' is not an"
            + " integer (Airport.elevationFt). Fix the value, or make the field nullable.\n"
            + "  2) src/main/datasets/geo/airport.csv:215: expected 3 fields as in the header,"
            + " found 2. Add the missing fields (an empty field is NULL).\n"
            + "2 problems",
        e.getMessage());
    assertEquals(2, e.problems().size());
  }

  @Test
  void exception_keepsFirstFiftyAndCountsTheRest() {
    Problems problems = new Problems("big", "rows.csv");
    for (int i = 1; i <= 1234; i++) {
      problems.add("rows.csv:" + i, "bad");
    }
    DataSetBuildException e = problems.exception();
    List<String> lines = e.getMessage().lines().toList();
    assertEquals(52, lines.size());
    assertEquals("dataset 'big': 1234 problems in rows.csv:", lines.get(0));
    assertEquals("  50) rows.csv:50: bad", lines.get(50));
    assertEquals("1234 problems (50 shown)", lines.get(51));
    assertEquals(50, e.problems().size());
    assertEquals(1234, problems.count());
  }

  @Test
  void throwIfAny_throwsOnlyWithProblems() throws DataSetBuildException {
    Problems problems = new Problems("geo", "x.csv");
    problems.throwIfAny();
    problems.add("x.csv:1: bad");
    DataSetBuildException e = assertThrows(DataSetBuildException.class, problems::throwIfAny);
    assertEquals(
        "dataset 'geo': 1 problem in x.csv:\n  1) x.csv:1: bad\n1 problem", e.getMessage());
  }

  @Test
  void displayPath_isRelativeUnderWorkingDirectoryElseAbsoluteWithSlashes() {
    Path here = Path.of("").toAbsolutePath();
    assertEquals(
        "src/main/datasets/geo/airport.csv",
        DisplayPath.of(here.resolve("src").resolve("main/datasets/geo/airport.csv")));
    assertEquals("src/x.csv", DisplayPath.of(Path.of("src/../src/x.csv")));
    Path outside = here.getRoot().resolve("elsewhere").resolve("x.csv");
    assertEquals(outside.toString().replace('\\', '/'), DisplayPath.of(outside));
  }

  @Test
  void throwIfAny_joinsTheMessagesOfSeveralSources() {
    Problems first = new Problems("geo", "a.csv");
    Problems clean = new Problems("geo", "b.csv");
    Problems third = new Problems("geo", "c.json");
    first.add("a.csv:2: bad");
    third.add("c.json:1:1: worse\nsecond line");
    DataSetBuildException e =
        assertThrows(
            DataSetBuildException.class, () -> Problems.throwIfAny(List.of(first, clean, third)));
    assertEquals(
        "dataset 'geo': 1 problem in a.csv:\n  1) a.csv:2: bad\n1 problem\n"
            + "dataset 'geo': 1 problem in c.json:\n  1) c.json:1:1: worse\n     second line\n"
            + "1 problem",
        e.getMessage());
    assertEquals(2, e.problems().size());
  }
}
