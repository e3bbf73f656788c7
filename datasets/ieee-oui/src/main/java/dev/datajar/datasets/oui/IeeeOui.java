package dev.datajar.datasets.oui;

import dev.datajar.runtime.DataSet;

/**
 * The {@code ieee-oui} dataset: the IEEE registries of MAC address blocks (MA-L, MA-M, MA-S and the
 * closed IAB registry), from Debian's {@code ieee-data} 20220827.1.
 *
 * <p>One table per registry, each loaded from the registry's CSV file as published. To find the
 * organisation behind a MAC address, inject {@link OuiLookup}.
 */
@DataSet("ieee-oui")
public interface IeeeOui {}
