package dev.portolan.catalog.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code metadata.links}.
 *
 * @param url the link target
 * @param title the display title
 * @param icon the icon key
 * @param type the link type
 */
public record EntityLink(String url, Optional<String> title, Optional<String> icon, Optional<String> type) {

  /**
   * Checks the parts are present.
   *
   * @param url the link target
   * @param title the display title
   * @param icon the icon key
   * @param type the link type
   */
  public EntityLink {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(icon, "icon");
    Objects.requireNonNull(type, "type");
  }
}
