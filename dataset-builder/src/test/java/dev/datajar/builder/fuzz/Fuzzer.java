package dev.datajar.builder.fuzz;

import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs seeded random queries against one engine's stores and compares every answer with the {@link
 * Reference} through {@link Checks}; each mismatch is shrunk ({@link Shrinker}) and kept with what
 * reproduces it.
 *
 * <p>Query {@code i} of seed {@code s} depends on nothing but {@code (s, i)}, so one query can be
 * run again alone ({@link #run} with {@code only}).
 */
public final class Fuzzer {
  /** Distinct mismatches reported in full; further ones are only counted. */
  private static final int MAX_REPORTED = 25;

  /** Failing queries shrunk at most (many shrink to the same case); later ones are counted. */
  private static final int MAX_SHRUNK = 60;

  /** One mismatch: the query as generated, as shrunk, and what was wrong with the shrunk one. */
  public record Mismatch(
      String entity, int index, Query generated, Query minimal, String failure) {}

  /** What a run did. */
  public record Result(
      String engine,
      long seed,
      int checked,
      Map<Exclusion, Integer> skipped,
      Map<String, Integer> perEntity,
      Map<String, Long> millisPerStep,
      int failed,
      List<Mismatch> mismatches) {}

  private final Map<Model.Entity, Integer> weights = new LinkedHashMap<>();

  /** {@code weights}: how often each entity class is queried, relative to the others. */
  public Fuzzer(Model model, Map<Class<?>, Integer> weights) {
    weights.forEach((type, w) -> this.weights.put(model.entity(type), w));
  }

  /**
   * Checks {@code queries} queries (beyond those an exclusion skips) of seed {@code seed}, or only
   * query {@code only} when it is not negative.
   */
  public Result run(
      String engine,
      Function<Class<?>, Store<?>> stores,
      long seed,
      int queries,
      int only,
      Set<Exclusion> exclusions) {
    Map<Model.Entity, QueryGenerator> generators = new LinkedHashMap<>();
    Map<Model.Entity, Checks> checks = new LinkedHashMap<>();
    for (Model.Entity e : weights.keySet()) {
      generators.put(e, new QueryGenerator(e));
      checks.put(e, new Checks(e, stores.apply(e.type), engine.equals("postgres")));
    }
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    Map<Exclusion, Integer> skipped = new EnumMap<>(Exclusion.class);
    Map<String, Integer> perEntity = new LinkedHashMap<>();
    Map<String, Mismatch> mismatches = new LinkedHashMap<>();
    int checked = 0;
    int failed = 0;
    for (int i = Math.max(only, 0); checked < (only >= 0 ? 1 : queries); i++) {
      Random r = new Random(seed * 0x9E3779B97F4A7C15L + i);
      Model.Entity e = pick(r, total);
      Query q = generators.get(e).query(r);
      Exclusion excluded = Exclusion.first(exclusions, engine, e, q);
      if (excluded != null) {
        skipped.merge(excluded, 1, Integer::sum);
        if (only >= 0) {
          break;
        }
        continue;
      }
      checked++;
      perEntity.merge(e.name(), 1, Integer::sum);
      Checks c = checks.get(e);
      String failure = c.failure(q);
      if (failure == null) {
        continue;
      }
      failed++;
      if (mismatches.size() < MAX_REPORTED && failed <= MAX_SHRUNK) {
        Query minimal =
            Shrinker.shrink(
                q, s -> Exclusion.first(exclusions, engine, e, s) == null && c.failure(s) != null);
        String key = e.name() + " " + JavaCode.of(minimal);
        mismatches.putIfAbsent(key, new Mismatch(e.name(), i, q, minimal, c.failure(minimal)));
      }
    }
    Map<String, Long> millis = new LinkedHashMap<>();
    checks.forEach(
        (e, c) -> c.nanos.forEach((step, n) -> millis.merge(step, n / 1_000_000, Long::sum)));
    checks.forEach(
        (e, c) ->
            millis.put(
                e.name(), c.nanos.values().stream().mapToLong(Long::longValue).sum() / 1_000_000));
    return new Result(
        engine,
        seed,
        checked,
        skipped,
        perEntity,
        millis,
        failed,
        new ArrayList<>(mismatches.values()));
  }

  private Model.Entity pick(Random r, int total) {
    int n = r.nextInt(total);
    for (Map.Entry<Model.Entity, Integer> w : weights.entrySet()) {
      n -= w.getValue();
      if (n < 0) {
        return w.getKey();
      }
    }
    throw new IllegalStateException();
  }

  /** A run's mismatches as a report: each minimized query as Java code, and how to repeat it. */
  public static String report(Result result) {
    StringBuilder sb = new StringBuilder();
    sb.append(result.failed())
        .append(" of ")
        .append(result.checked())
        .append(" queries failed on ")
        .append(result.engine())
        .append(" (seed ")
        .append(result.seed())
        .append("); ")
        .append(result.mismatches().size())
        .append(" distinct after shrinking")
        .append(result.failed() > result.mismatches().size() ? " (the first ones shown)" : "")
        .append(":\n");
    int n = 1;
    for (Mismatch m : result.mismatches()) {
      sb.append(n++)
          .append(". ")
          .append(m.entity())
          .append(" on ")
          .append(result.engine())
          .append(": ")
          .append(m.failure())
          .append("\n   ")
          .append(m.entity().toLowerCase(java.util.Locale.ROOT))
          .append("s.search(")
          .append(JavaCode.of(m.minimal()))
          .append(")\n   repeat: -Ddatajar.fuzz.seed=")
          .append(result.seed())
          .append(" -Ddatajar.fuzz.only=")
          .append(m.index())
          .append(" (generated as ")
          .append(JavaCode.of(m.generated()))
          .append(")\n");
    }
    return sb.toString();
  }
}
