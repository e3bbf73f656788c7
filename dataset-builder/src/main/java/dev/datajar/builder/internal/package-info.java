/**
 * The builder's pipeline; nothing here is API.
 *
 * <p>{@link dev.datajar.builder.internal.DataSetJob} drives one build:
 *
 * <ol>
 *   <li>{@link dev.datajar.builder.internal.DataSetDiscovery} scans the class folder for entities,
 *       {@code @DataSet} base types and row sources, and groups them by dataset;
 *   <li>Hibernate (through {@code HibernateSetup}) gives the {@code SchemaModel}; {@link
 *       dev.datajar.builder.internal.SourceLocator} finds each table's source (by convention in the
 *       {@link dev.datajar.builder.internal.DataSetFolder});
 *   <li>{@link dev.datajar.builder.internal.TableLoader} streams each source in load order: {@link
 *       dev.datajar.builder.internal.RowReader} maps and converts fields on the calling thread,
 *       {@link dev.datajar.builder.internal.InsertThread} inserts them in multi-row chunks through
 *       {@link dev.datajar.builder.internal.RowWriter};
 *   <li>{@link dev.datajar.builder.internal.ConstraintChecker} builds the indexes and checks unique
 *       and foreign keys in SQL, and only on failure reads the source again ({@link
 *       dev.datajar.builder.internal.RowLocator}) to name the lines;
 *   <li>{@link dev.datajar.builder.internal.DataSetFile} analyzes, identifies and vacuums the file;
 *       {@link dev.datajar.builder.internal.Artifacts} moves it and its manifest into place and
 *       rewrites the index; {@link dev.datajar.builder.internal.BuildInputs} decides whether a
 *       build can be skipped.
 * </ol>
 *
 * Source readers live in {@code internal.source}.
 */
package dev.datajar.builder.internal;
