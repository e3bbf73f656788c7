/**
 * How datasets are found, copied, checked and opened; the top of the internal packages; not API.
 *
 * <p>{@code EngineOpener} plans and opens: {@code DataSetCatalog} finds the index and manifests
 * ({@code Located}), {@code EntityClasses} loads the entity classes, {@code FileSource} says where
 * a file comes from and what must be checked, {@code FileCache} copies it out of a jar (with {@code
 * HashingCopy}, into a directory {@code CacheDirectory} has checked, {@code PathStatus}), {@code
 * FileChecks} checks header, checksum and identity, and {@code SchemaCheck} the schema when the
 * entity classes' shape differs; {@code DriverWarmUp} loads sqlite-jdbc meanwhile and {@code
 * MetamodelNames} fills the JPA static metamodel. {@code Settings} is every setting with its
 * defaults (module, system property, environment).
 */
package dev.datajar.runtime.internal.open;
