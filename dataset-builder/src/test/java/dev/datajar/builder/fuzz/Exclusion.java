package dev.datajar.builder.fuzz;

import dev.datajar.runtime.Query;
import java.util.Set;

/**
 * Classes of query the fuzzer's default run leaves out because they fail today for reasons that
 * belong to other work (each names its reason); {@code -Ddatajar.fuzz.exclusions=none} runs
 * everything, {@code =A,B} only leaves out those.
 */
public enum Exclusion {
  ;

  /** Whether a query is in an excluded class. */
  interface Matcher {
    boolean matches(String engine, Model.Entity entity, Query q);
  }

  private final String reason;

  @SuppressWarnings("ImmutableEnumChecker") // every matcher is a stateless lambda
  private final Matcher matcher;

  @SuppressWarnings("UnusedMethod") // used by the constants, when there are exclusions
  Exclusion(String reason, Matcher matcher) {
    this.reason = reason;
    this.matcher = matcher;
  }

  /** Why this class of query is left out, and whose work removes the exclusion. */
  public String reason() {
    return reason;
  }

  boolean matches(String engine, Model.Entity entity, Query q) {
    return matcher.matches(engine, entity, q);
  }

  /** The first of {@code active} that leaves {@code q} out, or {@code null}. */
  static Exclusion first(Set<Exclusion> active, String engine, Model.Entity entity, Query q) {
    for (Exclusion x : active) {
      if (x.matches(engine, entity, q)) {
        return x;
      }
    }
    return null;
  }
}
