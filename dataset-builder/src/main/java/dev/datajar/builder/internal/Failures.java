package dev.datajar.builder.internal;

import dev.datajar.builder.DataSetBuildException;
import dev.datajar.builder.internal.source.Problems;
import java.util.ArrayList;
import java.util.List;

/** Joins the problems of several sources of one dataset into one exception. */
final class Failures {
  private Failures() {}

  static void throwIfAny(List<Problems> failed) throws DataSetBuildException {
    if (failed.isEmpty()) {
      return;
    }
    if (failed.size() == 1) {
      throw failed.get(0).exception();
    }
    StringBuilder message = new StringBuilder();
    List<String> problems = new ArrayList<>();
    for (Problems p : failed) {
      DataSetBuildException e = p.exception();
      message.append(message.length() == 0 ? "" : "\n").append(e.getMessage());
      problems.addAll(e.problems());
    }
    throw new DataSetBuildException(message.toString(), problems);
  }
}
