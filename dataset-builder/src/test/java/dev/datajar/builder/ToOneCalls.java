package dev.datajar.builder;

import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every {@code Store} call on an entity with ids 1–4 (and a missing 9) and a nullable to-one, with
 * conditions and orders through that to-one, as text: the same battery for each fixture whose row
 * path is compared with Hibernate's answers.
 *
 * @param toOne the to-one attribute ({@code "home"})
 * @param text a text attribute of the entity, for orders ({@code "name"})
 * @param like a {@code like} pattern for the to-one target's {@code name}
 * @param oneName the target name that exactly one row's to-one has
 */
record ToOneCalls(String toOne, String text, String like, String oneName) {
  /** The answers of {@code s}, {@code target} being one row of the to-one's entity. */
  <T> List<String> answers(Store<T> s, Object target) {
    String name = toOne + ".name";
    List<String> out = new ArrayList<>();
    out.add("search " + s.search(Query.all().orderBy("id")));
    out.add("get " + s.get(1L).orElseThrow());
    out.add("get 2 " + s.get(2L).orElseThrow());
    out.add("getAll " + s.getAll(List.of(3L, 9L, 4L, 2L)));
    out.add("by " + toOne + " name desc " + s.search(Query.all().orderByDesc(name).orderBy("id")));
    out.add(
        name + " like " + like + " " + s.search(Query.where(Where.like(name, like)).orderBy(text)));
    out.add(toOne + " null " + s.search(Query.where(Where.isNull(toOne))));
    out.add(toOne + " = alpha " + s.search(Query.where(Where.eq(toOne, target))));
    out.add("first " + s.first(Query.where(Where.isNotNull(text)).orderByDesc("id")));
    out.add("one " + s.one(Query.where(Where.eq(name, oneName))));
    out.add("count " + s.count(Query.where(Where.isNull(name))));
    out.add("count all " + s.count());
    try (Stream<T> rows = s.stream(Query.all().orderBy(toOne + ".id").orderBy("id"))) {
      out.add("stream " + rows.toList());
    }
    return out;
  }
}
