package dev.portolan.catalog.model;

import java.util.List;
import java.util.Optional;

/**
 * The spec of a {@code User}.
 *
 * @param profile the contact profile
 * @param memberOf the group refs (required by Backstage, may be empty)
 */
public record UserSpec(Optional<ContactProfile> profile, List<String> memberOf) implements KindSpec {

  /**
   * Copies the list.
   *
   * @param profile the contact profile
   * @param memberOf the group refs (required by Backstage, may be empty)
   */
  public UserSpec {
    memberOf = List.copyOf(memberOf);
  }
}
