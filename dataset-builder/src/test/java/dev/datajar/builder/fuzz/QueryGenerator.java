package dev.datajar.builder.fuzz;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import dev.datajar.runtime.Where;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Random {@link Query}s over one entity, from a seed: criteria trees up to four levels deep over
 * plain attributes and paths through to-ones, every operator, orders and paging. Values come mostly
 * from the source rows (so that conditions match, or would match a row a restriction excludes) and
 * otherwise from each type's edge values.
 */
public final class QueryGenerator {
  static final int MAX_DEPTH = 4;

  private final Model.Entity entity;
  private final List<String> paths = new ArrayList<>();
  private final List<String> orderPaths = new ArrayList<>();
  private final Map<String, List<Object>> seen = new HashMap<>();

  QueryGenerator(Model.Entity entity) {
    this.entity = entity;
    collect(entity, "", 0);
    for (String p : paths) {
      Model.Attr a = Reference.attr(entity, p);
      if (a.kind() == Model.Kind.BASIC) {
        Set<Object> keys = new HashSet<>();
        List<Object> list = new ArrayList<>();
        // Source rows: values only rows a restriction excludes hold are asked for too (S9).
        for (Map<String, Object> row : owner(p).sourceRows) {
          Object v = row.get(a.path());
          // Byte arrays are told apart by content.
          if (v != null && keys.add(v instanceof byte[] b ? Arrays.toString(b) : v)) {
            list.add(v);
          }
        }
        seen.put(p, list);
      }
    }
  }

  private void collect(Model.Entity e, String prefix, int hops) {
    for (Model.Attr a : e.attributes.values()) {
      String p = prefix + a.path();
      if (a.kind() == Model.Kind.BASIC) {
        paths.add(p);
        orderPaths.add(p);
      } else if (a.kind() == Model.Kind.TO_ONE) {
        paths.add(p);
        orderPaths.add(p);
        if (hops < 2) {
          collect(a.target(), p + ".", hops + 1);
        }
      }
    }
  }

  /** The entity whose rows hold the attribute at the end of {@code path}. */
  private Model.Entity owner(String path) {
    return Reference.holder(entity, path);
  }

  /** The paths a condition or an order may name. */
  List<String> paths() {
    return paths;
  }

  /** A random query. */
  Query query(Random r) {
    Query q = r.nextInt(8) == 0 ? Query.all() : Query.where(criterion(r, 1));
    int orders = r.nextInt(20);
    orders = orders < 7 ? 0 : orders < 14 ? 1 : orders < 18 ? 2 : 3;
    for (int i = 0; i < orders; i++) {
      String p = orderPaths.get(r.nextInt(orderPaths.size()));
      q = r.nextBoolean() ? q.orderBy(p) : q.orderByDesc(p);
    }
    if (r.nextInt(10) < 3) {
      q = q.offset(r.nextInt(entity.rows.size() + 3));
    }
    if (r.nextInt(10) < 4) {
      q = q.limit(r.nextInt(9));
    }
    return q;
  }

  /** A random condition at {@code depth} (1 = the whole condition). */
  Criterion criterion(Random r, int depth) {
    if (depth >= MAX_DEPTH || r.nextInt(100) < (depth == 1 ? 35 : 55)) {
      return leaf(r);
    }
    int kind = r.nextInt(10);
    if (kind < 2) {
      return Where.not(criterion(r, depth + 1));
    }
    Criterion[] parts = new Criterion[1 + r.nextInt(3)];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = criterion(r, depth + 1);
    }
    return kind < 6 ? Where.and(parts) : Where.or(parts);
  }

  /** A single comparison or null test. */
  Criterion leaf(Random r) {
    String p = paths.get(r.nextInt(paths.size()));
    Model.Attr a = Reference.attr(entity, p);
    if (a.kind() == Model.Kind.TO_ONE) {
      return r.nextBoolean() ? Where.isNull(p) : Where.isNotNull(p);
    }
    boolean text = a.type() == String.class;
    int op = r.nextInt(text ? 13 : 11);
    return switch (op) {
      case 0 -> Where.eq(p, value(r, p, a));
      case 1 -> Where.ne(p, value(r, p, a));
      case 2 -> Where.lt(p, value(r, p, a));
      case 3 -> Where.le(p, value(r, p, a));
      case 4 -> Where.gt(p, value(r, p, a));
      case 5 -> Where.ge(p, value(r, p, a));
      case 6 -> Where.between(p, value(r, p, a), value(r, p, a));
      case 7 -> Where.in(p, values(r, p, a));
      case 8 -> Where.isNull(p);
      case 9 -> Where.isNotNull(p);
      case 10 -> r.nextBoolean() ? Where.eq(p, value(r, p, a)) : Where.in(p, values(r, p, a));
      case 11 -> Where.like(p, pattern(r, p));
      default -> Where.startsWith(p, prefix(r, p));
    };
  }

  private List<Object> values(Random r, String p, Model.Attr a) {
    int n = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(4);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(value(r, p, a));
    }
    return out;
  }

  /** A value for a comparison with {@code p}: mostly one of its rows', else an edge value. */
  Object value(Random r, String p, Model.Attr a) {
    List<Object> data = seen.get(p);
    if (!data.isEmpty() && r.nextInt(4) != 0) {
      return data.get(r.nextInt(data.size()));
    }
    Object base = data.isEmpty() ? null : data.get(r.nextInt(data.size()));
    return edge(r, a, base);
  }

  private static Object edge(Random r, Model.Attr a, Object base) {
    Object v = nearOrEdge(r, a.type(), base);
    // Years 0001-9999 (also at the value's own offset): what both engines store. Values beyond
    // are refused differently by each engine (see the fuzzer's notes in docs/queries.md).
    return storable(v) || base == null ? v : base;
  }

  private static boolean storable(Object v) {
    if (v instanceof LocalDate d) {
      return d.getYear() >= 1 && d.getYear() <= 9999;
    } else if (v instanceof LocalDateTime d) {
      return storable(d.toLocalDate());
    } else if (v instanceof Instant i) {
      return storable(i.atOffset(ZoneOffset.UTC).toLocalDate());
    } else if (v instanceof OffsetDateTime o) {
      return storable(o.toLocalDate()) && storable(o.toInstant());
    } else if (v instanceof ZonedDateTime z) {
      return storable(z.toLocalDate()) && storable(z.toInstant());
    }
    return true;
  }

  private static Object nearOrEdge(Random r, Class<?> t, Object base) {
    if (t == String.class) {
      return pick(r, "", "a", "A", "alpha", "\uFFFF", "\uD834\uDD1E", "%", "_", "zzz", "\u00C4");
    } else if (t == Integer.class) {
      return pick(r, 0, -1, 1, 3, Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (t == Long.class) {
      return r.nextInt(4) == 0
          ? (Object) pick(r, 0, 1, 42, -1) // an int for a long attribute: widened
          : pick(r, 0L, 3L, Long.MIN_VALUE, Long.MAX_VALUE, 9007199254740993L);
    } else if (t == Double.class) {
      return pick(
          r, -0.0, 0.0, 1.5, 10.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300);
    } else if (t == Float.class) {
      return pick(r, -0.0f, 0.0f, 0.1f, 2f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
    } else if (t == BigDecimal.class) {
      if (base instanceof BigDecimal d && r.nextBoolean()) {
        return d.setScale(Math.max(d.scale(), 0) + 1 + r.nextInt(3)); // the same number, S6
      }
      return pick(
          r, BigDecimal.ZERO, new BigDecimal("-0.000"), new BigDecimal("1.5000"), BigDecimal.TEN);
    } else if (t == BigInteger.class) {
      return pick(r, BigInteger.ZERO, BigInteger.TEN, BigInteger.TWO.pow(63));
    } else if (t == Boolean.class) {
      return r.nextBoolean();
    } else if (t == LocalDate.class) {
      return base instanceof LocalDate d ? d.plusDays(r.nextInt(3) - 1) : LocalDate.EPOCH;
    } else if (t == LocalTime.class) {
      return base instanceof LocalTime d ? d.plusNanos((r.nextInt(3) - 1) * 1000L) : LocalTime.MIN;
    } else if (t == LocalDateTime.class) {
      return base instanceof LocalDateTime d
          ? d.plusNanos((r.nextInt(3) - 1) * 1000L)
          : LocalDateTime.of(2024, 1, 1, 0, 0);
    } else if (t == Instant.class) {
      return base instanceof Instant d ? d.plusNanos((r.nextInt(3) - 1) * 1000L) : Instant.EPOCH;
    } else if (t == OffsetDateTime.class) {
      OffsetDateTime d =
          base instanceof OffsetDateTime o ? o : OffsetDateTime.parse("2024-01-02T03:04:05Z");
      ZoneOffset offset =
          pick(
              r,
              ZoneOffset.ofHours(14),
              ZoneOffset.ofHours(-12),
              ZoneOffset.UTC,
              ZoneOffset.ofHoursMinutes(5, 45));
      return d.withOffsetSameInstant(offset).plusNanos((r.nextInt(3) - 1) * 1000L); // S5
    } else if (t == ZonedDateTime.class) {
      ZonedDateTime d =
          base instanceof ZonedDateTime z ? z : ZonedDateTime.parse("2024-01-02T03:04:05Z[UTC]");
      ZoneId zone = ZoneId.of(pick(r, "Europe/Paris", "Asia/Kolkata", "UTC", "Pacific/Auckland"));
      return d.withZoneSameInstant(zone).plusNanos((r.nextInt(3) - 1) * 1000L); // S5
    } else if (t == Duration.class) {
      return base instanceof Duration d ? d.plusNanos((r.nextInt(3) - 1) * 1000L) : Duration.ZERO;
    } else if (t == UUID.class) {
      return pick(
          r,
          new UUID(0, 0),
          new UUID(-1, -1),
          new UUID(Long.MIN_VALUE, 0),
          UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    } else if (t == byte[].class) {
      return pick(r, new byte[0], new byte[] {0}, new byte[] {(byte) 0xff, 0}, new byte[] {0x7f});
    } else if (t.isEnum()) {
      Object[] constants = t.getEnumConstants();
      return constants[r.nextInt(constants.length)];
    }
    throw new IllegalStateException("no edge values for " + t.getName());
  }

  private String pattern(Random r, String p) {
    List<Object> data = seen.get(p);
    if (data.isEmpty() || r.nextInt(5) == 0) {
      return pick(r, "%", "", "_", "%a%", "A%", "%_", "a_b", "a%b", "%\\%", "\u00E4%");
    }
    int[] cps = ((String) data.get(r.nextInt(data.size()))).codePoints().toArray();
    StringBuilder sb = new StringBuilder();
    int from = r.nextInt(4) == 0 ? r.nextInt(cps.length + 1) : 0;
    int to = r.nextInt(4) == 0 ? from + r.nextInt(cps.length - from + 1) : cps.length;
    if (from > 0) {
      sb.append('%');
    }
    for (int i = from; i < to; i++) {
      int c = cps[i];
      int roll = r.nextInt(12);
      if (roll == 0) {
        sb.append('_');
      } else if (roll == 1) {
        sb.append('%');
      } else if (roll == 2) {
        sb.append(new String(Character.toChars(c)).toUpperCase(Locale.ROOT));
      } else if (roll == 3) {
        sb.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
      } else {
        sb.appendCodePoint(c);
      }
    }
    if (to < cps.length) {
      sb.append('%');
    }
    return sb.toString();
  }

  private String prefix(Random r, String p) {
    List<Object> data = seen.get(p);
    if (data.isEmpty() || r.nextInt(5) == 0) {
      return pick(r, "", "a", "A", "a_", "a%", "%", "\u00C4", "\uD834\uDD1E");
    }
    String s = (String) data.get(r.nextInt(data.size()));
    int[] cps = s.codePoints().toArray();
    String prefix = new String(cps, 0, r.nextInt(cps.length + 1));
    return r.nextInt(5) == 0 ? prefix.toUpperCase(Locale.ROOT) : prefix;
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... choices) {
    return choices[r.nextInt(choices.length)];
  }
}
