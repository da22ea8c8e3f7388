package dev.portolan.catalog.model;

import java.util.List;
import java.util.Optional;

/**
 * The spec of a {@code Group}.
 *
 * @param type the group type, e.g. {@code team}
 * @param profile the contact profile
 * @param parent the parent group ref
 * @param children the child group refs (required by Backstage, may be empty)
 * @param members the member user refs
 */
public record GroupSpec(String type, Optional<ContactProfile> profile, Optional<String> parent,
    List<String> children, List<String> members) implements KindSpec {

  /**
   * Copies the lists.
   *
   * @param type the group type, e.g. {@code team}
   * @param profile the contact profile
   * @param parent the parent group ref
   * @param children the child group refs (required by Backstage, may be empty)
   * @param members the member user refs
   */
  public GroupSpec {
    children = List.copyOf(children);
    members = List.copyOf(members);
  }
}
