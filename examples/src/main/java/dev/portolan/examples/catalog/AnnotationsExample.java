package dev.portolan.examples.catalog;

import dev.portolan.catalog.core.Annotation;
import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.WellKnownAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads well-known annotations with their types, and defines a house annotation the same way. */
public final class AnnotationsExample {

  /** A house annotation: the cost centre, a number. */
  public static final Annotation<Integer> COST_CENTRE = Annotation.of("acme.com/cost-centre", v -> {
    try {
      return Optional.of(Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  });

  private AnnotationsExample() {}

  /**
   * One line per entity with a GitHub slug: {@code ref -> owner/repo (argocd app, cost centre)}.
   *
   * @param snapshot the catalog
   * @return the lines
   */
  public static List<String> repositories(CatalogSnapshot snapshot) {
    List<String> out = new ArrayList<>();
    for (CatalogEntity e : snapshot.entities()) {
      WellKnownAnnotations.GITHUB_PROJECT_SLUG.get(e).ifPresent(slug -> out.add(e.ref() + " -> " + slug
          + " (argocd: " + WellKnownAnnotations.ARGOCD_APP_NAME.get(e).orElse("-")
          + ", cost centre: " + COST_CENTRE.get(e).map(String::valueOf).orElse("-") + ")"));
    }
    return out;
  }
}
