package dev.datajar.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a dataset: every {@code @Entity} that extends or implements the annotated base type belongs
 * to it.
 *
 * <p>The base type is an interface or an abstract class. The builder writes one SQLite file per
 * name ({@code META-INF/datasets/<name>.sqlite}); the runtime opens one read-only engine per name.
 * An entity belongs to exactly one dataset; the type hierarchy is walked to find it.
 *
 * <pre>{@code
 * @DataSet("geo")
 * public interface GeoData {}
 *
 * @Entity
 * public class Country implements GeoData { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DataSet {
  /** The dataset's name: lower case letters, digits, '-' and '_', starting with a letter. */
  String value();
}
