/**
 * Where Hibernate's and SLF4J's own start-up records go; not API.
 *
 * <p>{@code HibernateLogProvider} is found by JBoss Logging through {@code ServiceLoader}; {@code
 * QuietStart} keeps SLF4J from announcing that it has no provider.
 */
package dev.datajar.runtime.internal.logging;
