package dev.datajar.datasets.oui;

import dev.datajar.runtime.Query;
import dev.datajar.runtime.Store;
import dev.datajar.runtime.Where;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Finds the organisation behind a MAC address across the four IEEE registries.
 *
 * <p>MA-M, MA-S and IAB blocks are carved out of MA-L blocks that the IEEE registered to itself
 * ({@code 70-B3-D5} is "IEEE Registration Authority"), so the longest matching prefix wins: 36-bit
 * blocks first, then 28-bit, then 24-bit. A singleton, safe for concurrent use.
 *
 * <pre>{@code
 * lookup.find("70:b3:d5:f2:f1:23")  // [SmallBlock[MA-S 70B3D5F2F, TELEPLATFORMS]]
 * }</pre>
 */
@Singleton
public class OuiLookup {
  private final Store<SmallBlock> small;
  private final Store<IabBlock> iab;
  private final Store<MediumBlock> medium;
  private final Store<LargeBlock> large;

  @Inject
  public OuiLookup(
      Store<SmallBlock> small,
      Store<IabBlock> iab,
      Store<MediumBlock> medium,
      Store<LargeBlock> large) {
    this.small = small;
    this.iab = iab;
    this.medium = medium;
    this.large = large;
  }

  /**
   * The assignments of the longest registered prefix of {@code mac}, in any notation {@link
   * MacAddress} reads; usually one, several where the IEEE assigned a prefix more than once ({@code
   * 08-00-30}), empty where nothing matches.
   *
   * @throws InvalidMacAddressException if {@code mac} is not a MAC address or prefix
   */
  public List<Assignment> find(String mac) {
    return find(MacAddress.parse(mac));
  }

  /** As {@link #find(String)}, for an address already parsed. */
  public List<Assignment> find(MacAddress mac) {
    String nine = mac.prefix(9);
    if (nine != null) {
      List<Assignment> found = byPrefix(small, nine);
      if (found.isEmpty()) {
        found = byPrefix(iab, nine);
      }
      if (!found.isEmpty()) {
        return found;
      }
    }
    String seven = mac.prefix(7);
    if (seven != null) {
      List<Assignment> found = byPrefix(medium, seven);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return byPrefix(large, mac.prefix(6));
  }

  private static List<Assignment> byPrefix(Store<? extends Assignment> store, String prefix) {
    return List.copyOf(
        store.search(Query.where(Where.eq("assignment", prefix)).orderBy("organizationName")));
  }
}
