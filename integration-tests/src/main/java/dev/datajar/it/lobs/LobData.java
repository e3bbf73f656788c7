package dev.datajar.it.lobs;

import dev.datajar.runtime.DataSet;

/**
 * Large objects (issue 10, item 6): {@code @Lob byte[]} and {@code @Lob String} attributes, on an
 * entity read by plain SQL ({@link Attachment}) and on one read through Hibernate ({@link Note}).
 */
@DataSet("lobs")
public interface LobData {}
