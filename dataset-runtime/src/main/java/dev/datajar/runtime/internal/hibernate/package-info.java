/**
 * The Hibernate path: entities without a readable layout, and {@code query()}; of the internal
 * packages it uses {@code internal.core} only; not API.
 *
 * <p>{@code HibernateSide} starts Hibernate for one dataset on first need, after {@code
 * HibernateVersions} has checked the class path's Hibernate and jakarta.persistence releases;
 * {@code HibernatePath} runs an entity's reads as HQL from {@code HqlWriter}, {@code RowStream} its
 * streams, and {@code Queries} the caller's HQL. They reach the dataset through {@code Sessions}
 * (sessions under the time limit and the close lock), which {@code internal.Engine} implements.
 */
package dev.datajar.runtime.internal.hibernate;
