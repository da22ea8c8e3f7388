package dev.portolan.dora;

import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.EntityGraph;
import dev.portolan.catalog.core.Relation;
import dev.portolan.catalog.core.WellKnownRelation;
import dev.portolan.catalog.model.EntityRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ServiceDirectory} backed by a catalog snapshot.
 *
 * <p>A service name from the events matches a {@code Component} whose annotation
 * {@value ServiceDirectory#SERVICE_ANNOTATION} equals it, else a Component whose name equals it (the one in the
 * {@code default} namespace first, then by entity ref). Its owner chain is the owner ({@code ownedBy}) followed by
 * each parent group ({@code childOf}) up to the root; its system is the System it is {@code partOf}, and its domain
 * the Domain that System is {@code partOf}. Immutable and thread-safe.
 */
public final class CatalogDirectory implements ServiceDirectory {

  private final Map<String, ServicePlacement> byService;

  private CatalogDirectory(Map<String, ServicePlacement> byService) {
    this.byService = Map.copyOf(byService);
  }

  /**
   * Indexes the Components of a snapshot.
   *
   * @param snapshot the catalog snapshot
   * @return the directory
   */
  public static CatalogDirectory of(CatalogSnapshot snapshot) {
    EntityGraph graph = snapshot.graph();
    List<CatalogEntity> components =
        snapshot.entities().stream()
            .filter(e -> e.kind().toLowerCase(Locale.ROOT).equals("component"))
            .sorted(
                Comparator.comparing((CatalogEntity e) -> !e.ref().namespace().equals("default"))
                    .thenComparing(e -> e.ref().toString()))
            .toList();
    Map<String, CatalogEntity> byName = new HashMap<>();
    Map<String, CatalogEntity> byAnnotation = new HashMap<>();
    for (CatalogEntity c : components) {
      byName.putIfAbsent(c.ref().name(), c);
      c.entity().metadata().annotation(SERVICE_ANNOTATION).map(String::strip).filter(s -> !s.isEmpty())
          .ifPresent(s -> byAnnotation.putIfAbsent(s, c));
    }
    Map<String, CatalogEntity> chosen = new HashMap<>(byName);
    chosen.putAll(byAnnotation);
    Map<String, ServicePlacement> out = new HashMap<>();
    chosen.forEach((service, c) -> out.put(service, placement(snapshot, graph, c)));
    return new CatalogDirectory(out);
  }

  private static ServicePlacement placement(CatalogSnapshot snapshot, EntityGraph graph, CatalogEntity c) {
    Set<String> chain = new LinkedHashSet<>();
    List<EntityRef> owners = new ArrayList<>(graph.owners(c.ref()));
    owners.sort(Comparator.comparing(EntityRef::toString));
    for (EntityRef owner : owners) {
      EntityRef cur = owner;
      Set<EntityRef> seen = new LinkedHashSet<>();
      while (cur != null && seen.add(cur)) {
        chain.add(cur.toString());
        cur =
            target(snapshot, cur, WellKnownRelation.CHILD_OF, "group").orElse(null);
      }
    }
    Optional<EntityRef> system = target(snapshot, c.ref(), WellKnownRelation.PART_OF, "system");
    Optional<EntityRef> domain = system.flatMap(s -> target(snapshot, s, WellKnownRelation.PART_OF, "domain"));
    return new ServicePlacement(
        c.ref().toString(), List.copyOf(chain), system.map(EntityRef::toString), domain.map(EntityRef::toString));
  }

  private static Optional<EntityRef> target(
      CatalogSnapshot snapshot, EntityRef ref, WellKnownRelation type, String kind) {
    return snapshot.relations(ref).stream()
        .filter(r -> r.type() == type && r.target().kind().equalsIgnoreCase(kind))
        .map(Relation::target)
        .min(Comparator.comparing(EntityRef::toString));
  }

  @Override
  public Optional<ServicePlacement> place(String service) {
    return Optional.ofNullable(byService.get(service));
  }

  /**
   * The service names this directory can place.
   *
   * @return the names
   */
  public Set<String> services() {
    return byService.keySet();
  }
}
