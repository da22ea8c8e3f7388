package dev.portolan.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.Relation;
import dev.portolan.catalog.core.WellKnownRelation;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.governance.AssetCatalog;
import dev.portolan.governance.EntityScore;
import dev.portolan.governance.Finding;
import dev.portolan.governance.Governance;
import dev.portolan.governance.Level;
import dev.portolan.governance.Report;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Fluent assertions of a catalog's invariants, for a team's own build.
 *
 * <pre>
 * CatalogAssert.assertThat(catalog)
 *     .allEntitiesValid()
 *     .hasNoDanglingRefs()
 *     .hasNoDependsOnCycles()
 *     .everyComponentOwnedByExistingGroup()
 *     .everyProductionServiceInASystem()
 *     .passesGovernanceAt("silver")
 *     .allMatch(e -&gt; e.entity().metadata().description().isPresent(), "have a description");
 * </pre>
 *
 * A failing assertion lists every offending entity, one per line, as
 * {@code <file>:<line>:<col>: <entity ref>: <field path>: <what is wrong>}, in catalog order, so one run
 * shows everything to fix. {@code as(...)} descriptions and {@code overridingErrorMessage(...)} work as in
 * every AssertJ assertion.
 */
public final class CatalogAssert extends AbstractAssert<CatalogAssert, CatalogSnapshot> {

  private static final Set<CatalogProblem.Kind> VALIDITY = EnumSet.of(CatalogProblem.Kind.INVALID_ENTITY,
      CatalogProblem.Kind.PLACEHOLDER, CatalogProblem.Kind.PROCESSOR);

  private CatalogAssert(CatalogSnapshot actual) {
    super(actual, CatalogAssert.class);
  }

  /**
   * Starts assertions on a catalog's current snapshot.
   *
   * @param catalog the catalog
   * @return the assertion
   */
  public static CatalogAssert assertThat(Catalog catalog) {
    return new CatalogAssert(catalog == null ? null : catalog.snapshot());
  }

  /**
   * Starts assertions on a catalog snapshot.
   *
   * @param snapshot the snapshot
   * @return the assertion
   */
  public static CatalogAssert assertThat(CatalogSnapshot snapshot) {
    return new CatalogAssert(snapshot);
  }

  /**
   * Verifies that no error of any kind is found: what {@code portolan check} fails on (invalid entities,
   * unresolved placeholders, unreadable locations, conflicts, dangling relations, {@code dependsOn} cycles).
   *
   * @return this assertion
   */
  public CatalogAssert hasNoErrors() {
    return noProblems("to have no errors", p -> p.severity() == CatalogProblem.Severity.ERROR);
  }

  /**
   * Verifies that every document of the catalog is an entity Backstage accepts: no invalid document, no
   * unresolved {@code $text}/{@code $json}/{@code $yaml} placeholder, no entity rejected by a processor.
   *
   * @return this assertion
   */
  public CatalogAssert allEntitiesValid() {
    return noProblems("to have only valid entities", p -> VALIDITY.contains(p.kind()));
  }

  /**
   * Verifies that every relation points at an entity of the catalog (owners, systems, domains, APIs,
   * dependencies, parents, members).
   *
   * @return this assertion
   */
  public CatalogAssert hasNoDanglingRefs() {
    return noProblems("to have no relations to missing entities",
        p -> p.kind() == CatalogProblem.Kind.DANGLING_RELATION);
  }

  /**
   * Verifies that no entities depend on each other in a cycle of {@code dependsOn} relations.
   *
   * @return this assertion
   */
  public CatalogAssert hasNoDependsOnCycles() {
    return noProblems("to have no dependsOn cycles", p -> p.kind() == CatalogProblem.Kind.DEPENDS_ON_CYCLE);
  }

  /**
   * Verifies that no entity ref is claimed by two locations.
   *
   * @return this assertion
   */
  public CatalogAssert hasNoConflicts() {
    return noProblems("to have no entity claimed by two locations",
        p -> p.kind() == CatalogProblem.Kind.CONFLICT);
  }

  /**
   * Verifies that every Component's {@code spec.owner} is a Group of the catalog (not a User, not a missing
   * entity).
   *
   * @return this assertion
   */
  public CatalogAssert everyComponentOwnedByExistingGroup() {
    isNotNull();
    List<String> offenders = new ArrayList<>();
    for (CatalogEntity e : ofKind("component")) {
      List<EntityRef> owners = targets(e, WellKnownRelation.OWNED_BY);
      boolean ok = owners.stream().anyMatch(o -> o.kind().equalsIgnoreCase("group") && actual.entity(o).isPresent());
      if (!ok) {
        offenders.add(line(e, "spec.owner", "expected a Group of the catalog, found " + describe(owners)));
      }
    }
    return report("every Component to be owned by a Group of the catalog", offenders);
  }

  /**
   * Verifies that every Component with {@code spec.type: service} and {@code spec.lifecycle: production} is
   * part of a System of the catalog ({@code spec.system}).
   *
   * @return this assertion
   */
  public CatalogAssert everyProductionServiceInASystem() {
    isNotNull();
    List<String> offenders = new ArrayList<>();
    for (CatalogEntity e : ofKind("component")) {
      JsonNode spec = e.entity().spec();
      if (!"service".equals(spec.path("type").asText(null)) || !"production".equals(spec.path("lifecycle").asText(null))) {
        continue;
      }
      List<EntityRef> systems = targets(e, WellKnownRelation.PART_OF).stream()
          .filter(r -> r.kind().equalsIgnoreCase("system")).toList();
      if (systems.stream().noneMatch(s -> actual.entity(s).isPresent())) {
        offenders.add(line(e, "spec.system", "expected a System of the catalog, found " + describe(systems)));
      }
    }
    return report("every production service to be part of a System of the catalog", offenders);
  }

  /**
   * Verifies that every entity reaches a scorecard level of the built-in governance rules (levels
   * {@code bronze}, {@code silver}, {@code gold}), evaluated as of today (UTC).
   *
   * @param level the level every entity must reach
   * @return this assertion
   * @throws IllegalArgumentException when the level is not one of the governance's levels
   */
  public CatalogAssert passesGovernanceAt(String level) {
    return passesGovernanceAt(Governance.builder().builtInPacks().build(), level);
  }

  /**
   * Verifies that every entity reaches a scorecard level of a configured governance (your rule packs,
   * waivers, levels and clock).
   *
   * @param governance the governance to evaluate
   * @param level the level every entity must reach
   * @return this assertion
   * @throws IllegalArgumentException when the level is not one of the governance's levels
   */
  public CatalogAssert passesGovernanceAt(Governance governance, String level) {
    Objects.requireNonNull(governance, "governance");
    Objects.requireNonNull(level, "level");
    isNotNull();
    List<String> names = governance.levels().stream().map(Level::name).toList();
    int wanted = indexOf(names, level);
    if (wanted < 0) {
      throw new IllegalArgumentException("level: expected one of " + String.join(", ", names) + ", found '"
          + level + "'");
    }
    AssetCatalog.Builder assets = AssetCatalog.builder();
    for (CatalogEntity e : actual.entities()) {
      assets.add(e.toJson());
    }
    Report report = governance.evaluate(assets.build());
    Map<String, List<Finding>> findings = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      if (!f.waived()) {
        findings.computeIfAbsent(f.entity().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
      }
    }
    Set<String> blocking = governance.levels().subList(0, wanted + 1).stream().flatMap(l -> l.rules().stream())
        .collect(Collectors.toSet());
    List<String> offenders = new ArrayList<>();
    for (EntityScore score : report.entityScores()) {
      int reached = score.level().map(l -> indexOf(names, l)).orElse(-1);
      if (reached >= wanted) {
        continue;
      }
      String reachedText = score.level().map(l -> "reaches " + l).orElse("reaches no level");
      List<String> why = findings.getOrDefault(score.entity().toLowerCase(Locale.ROOT), List.of()).stream()
          .filter(f -> blocking.contains(f.rule()))
          .map(f -> f.rule() + (f.check().isEmpty() ? "" : " [" + f.check() + "]") + " (" + f.severity().label()
              + "): " + f.message())
          .toList();
      String text = reachedText + ", expected " + names.get(wanted) + (why.isEmpty() ? "" : ": " + String.join("; ", why));
      Optional<CatalogEntity> e = actual.entity(score.entity());
      offenders.add(e.map(x -> line(x, "", text)).orElse(score.entity() + ": " + text));
    }
    return report("every entity to reach governance level " + names.get(wanted), offenders);
  }

  /**
   * Verifies that every entity matches a predicate.
   *
   * @param predicate the condition
   * @param description what the condition means, completing "Expecting every entity to ..."
   * @return this assertion
   */
  public CatalogAssert allMatch(Predicate<? super CatalogEntity> predicate, String description) {
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(description, "description");
    isNotNull();
    List<String> offenders = new ArrayList<>();
    for (CatalogEntity e : actual.entities()) {
      if (!predicate.test(e)) {
        offenders.add(line(e, "", "does not " + description));
      }
    }
    return report("every entity to " + description, offenders);
  }

  /**
   * Verifies that every entity selected by Backstage-style filters matches a predicate.
   *
   * @param filter a filter such as {@code kind=component,spec.type=service}
   * @param predicate the condition
   * @param description what the condition means, completing "Expecting every entity matching ... to ..."
   * @return this assertion
   */
  public CatalogAssert allMatch(String filter, Predicate<? super CatalogEntity> predicate, String description) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(description, "description");
    isNotNull();
    List<String> offenders = new ArrayList<>();
    for (CatalogEntity e : actual.filter(filter)) {
      if (!predicate.test(e)) {
        offenders.add(line(e, "", "does not " + description));
      }
    }
    return report("every entity matching " + filter + " to " + description, offenders);
  }

  private CatalogAssert noProblems(String expectation, Predicate<CatalogProblem> selected) {
    isNotNull();
    List<String> found = actual.problems().stream().filter(selected).map(CatalogProblem::toString).toList();
    return fail("the catalog " + expectation, found, found.size() == 1 ? "problem was found:" : "problems were found:");
  }

  private CatalogAssert report(String expectation, List<String> offenders) {
    return fail(expectation, offenders, offenders.size() == 1 ? "entity does not:" : "entities do not:");
  }

  private CatalogAssert fail(String expectation, List<String> offenders, String noun) {
    if (!offenders.isEmpty()) {
      StringBuilder sb = new StringBuilder("Expecting ").append(expectation).append(", but ")
          .append(offenders.size()).append(' ').append(noun);
      offenders.forEach(o -> sb.append("\n  ").append(o));
      failWithMessage("%s", sb.toString());
    }
    return this;
  }

  private List<CatalogEntity> ofKind(String kind) {
    return actual.entities().stream().filter(e -> e.kind().equalsIgnoreCase(kind)).toList();
  }

  private static List<EntityRef> targets(CatalogEntity e, WellKnownRelation type) {
    return e.relations().stream().filter(r -> r.type() == type && r.source().equals(e.ref().normalized()))
        .map(Relation::target).distinct().toList();
  }

  private String describe(List<EntityRef> refs) {
    if (refs.isEmpty()) {
      return "nothing";
    }
    return refs.stream().map(r -> r + (actual.entity(r).isPresent() ? "" : " (not in the catalog)"))
        .collect(Collectors.joining(", "));
  }

  private static String line(CatalogEntity e, String path, String what) {
    StringBuilder sb = new StringBuilder(e.file());
    e.position().ifPresent(p -> sb.append(':').append(p.line()).append(':').append(p.column()));
    sb.append(": ").append(e.ref());
    if (!path.isEmpty()) {
      sb.append(": ").append(path);
    }
    return sb.append(": ").append(what).toString();
  }

  private static int indexOf(List<String> names, String level) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(level.trim())) {
        return i;
      }
    }
    return -1;
  }
}
