package dev.portolan.dora;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a service sits in the organisation: its catalog entity, the chain of groups that own it (the direct owner
 * first, then its parent, up to the root), its system and its domain.
 *
 * @param entityRef the catalog entity, such as {@code component:default/payments}
 * @param ownerChain group refs from the direct owner up; empty when unowned
 * @param system the system ref, when the entity is part of one
 * @param domain the domain ref, when the system is part of one
 */
public record ServicePlacement(
    String entityRef, List<String> ownerChain, Optional<String> system, Optional<String> domain) {

  /**
   * Checks the parts and copies the chain.
   *
   * @param entityRef the catalog entity, such as {@code component:default/payments}
   * @param ownerChain group refs from the direct owner up; empty when unowned
   * @param system the system ref, when the entity is part of one
   * @param domain the domain ref, when the system is part of one
   */
  public ServicePlacement {
    Objects.requireNonNull(entityRef, "entityRef");
    ownerChain = List.copyOf(ownerChain);
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(domain, "domain");
  }

  /**
   * The groups this service counts in for a grouping: its entity, every owner group in the chain, its system or
   * its domain.
   *
   * @param by the grouping
   * @return the group names, empty when the placement lacks that level
   */
  public List<String> groups(GroupBy by) {
    switch (by) {
      case SERVICE:
        return List.of(entityRef);
      case TEAM:
        return ownerChain;
      case SYSTEM:
        return system.map(List::of).orElse(List.of());
      default:
        return domain.map(List::of).orElse(List.of());
    }
  }
}
