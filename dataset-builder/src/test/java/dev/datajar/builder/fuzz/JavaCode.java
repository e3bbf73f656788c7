package dev.datajar.builder.fuzz;

import dev.datajar.runtime.Criterion;
import dev.datajar.runtime.Query;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A {@link Query} written as the Java code that builds it, to paste into a regression test. */
public final class JavaCode {
  private JavaCode() {}

  public static String of(Query q) {
    StringBuilder sb =
        new StringBuilder(
            q.criterion().map(c -> "Query.where(" + of(c) + ")").orElse("Query.all()"));
    for (Query.Order o : q.orders()) {
      sb.append(o.descending() ? ".orderByDesc(" : ".orderBy(")
          .append(text(o.attribute()))
          .append(')');
    }
    if (q.offset() > 0) {
      sb.append(".offset(").append(q.offset()).append(')');
    }
    q.limit().ifPresent(n -> sb.append(".limit(").append(n).append(')'));
    return sb.toString();
  }

  public static String of(Criterion c) {
    if (c instanceof Criterion.Junction j) {
      return (j.and() ? "Where.and(" : "Where.or(") + list(j.parts()) + ")";
    } else if (c instanceof Criterion.Not n) {
      return "Where.not(" + of(n.part()) + ")";
    } else if (c instanceof Criterion.Null n) {
      return (n.negated() ? "Where.isNotNull(" : "Where.isNull(") + text(n.attribute()) + ")";
    } else if (c instanceof Criterion.Compare x) {
      return "Where."
          + x.op().name().toLowerCase(java.util.Locale.ROOT)
          + "("
          + text(x.attribute())
          + ", "
          + value(x.value())
          + ")";
    } else if (c instanceof Criterion.Between x) {
      return "Where.between("
          + text(x.attribute())
          + ", "
          + value(x.low())
          + ", "
          + value(x.high())
          + ")";
    } else if (c instanceof Criterion.In x) {
      return "Where.in("
          + text(x.attribute())
          + ", List.of("
          + x.values().stream().map(JavaCode::value).collect(Collectors.joining(", "))
          + "))";
    } else if (c instanceof Criterion.Like x) {
      return "Where.like(" + text(x.attribute()) + ", " + text(x.pattern()) + ")";
    } else if (c instanceof Criterion.StartsWith x) {
      return "Where.startsWith(" + text(x.attribute()) + ", " + text(x.prefix()) + ")";
    }
    throw new IllegalArgumentException(c.toString());
  }

  private static String list(List<Criterion> parts) {
    return parts.stream().map(JavaCode::of).collect(Collectors.joining(", "));
  }

  /** A value as a Java expression of its exact type. */
  public static String value(Object v) {
    if (v instanceof String s) {
      return text(s);
    } else if (v instanceof Long l) {
      return l == Long.MIN_VALUE ? "Long.MIN_VALUE" : l + "L";
    } else if (v instanceof Integer i) {
      return i == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : i.toString();
    } else if (v instanceof Double d) {
      return d.isInfinite()
          ? (d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY")
          : d + "d";
    } else if (v instanceof Float f) {
      return f.isInfinite()
          ? (f > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY")
          : f + "f";
    } else if (v instanceof BigDecimal d) {
      return "new BigDecimal(\"" + d + "\")";
    } else if (v instanceof BigInteger i) {
      return "new BigInteger(\"" + i + "\")";
    } else if (v instanceof Boolean b) {
      return b.toString();
    } else if (v instanceof UUID u) {
      return "UUID.fromString(\"" + u + "\")";
    } else if (v instanceof byte[] b) {
      StringBuilder sb = new StringBuilder("new byte[] {");
      for (int i = 0; i < b.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(b[i] < 0 ? "(byte) " + b[i] : b[i]);
      }
      return sb.append('}').toString();
    } else if (v instanceof Enum<?> e) {
      Class<?> type = e.getDeclaringClass();
      Class<?> outer = type.getEnclosingClass();
      return (outer == null ? "" : outer.getSimpleName() + ".")
          + type.getSimpleName()
          + "."
          + e.name();
    } else if (v instanceof LocalDate
        || v instanceof LocalTime
        || v instanceof LocalDateTime
        || v instanceof Instant
        || v instanceof OffsetDateTime
        || v instanceof ZonedDateTime
        || v instanceof Duration) {
      return v.getClass().getSimpleName() + ".parse(\"" + v + "\")";
    }
    throw new IllegalArgumentException("no Java literal for " + v.getClass().getName());
  }

  /** A Java string literal: printable ASCII as is, everything else escaped. */
  public static String text(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04X", (int) c));
      }
    }
    return sb.append('"').toString();
  }
}
