package dev.portolan.governance;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one evaluation: findings with witness paths, per-rule results, scorecards, waiver outcomes
 * and the problems met while reading the catalog. Immutable. Write it with {@link ReportFormat}.
 */
public final class Report {

  /** The version of the JSON report shape. */
  public static final String SCHEMA_VERSION = "1.0";

  private final LocalDate asOf;
  private final List<Rule> rules;
  private final List<Finding> findings;
  private final List<RuleResult> results;
  private final List<EntityScore> entityScores;
  private final List<Rollup> rollups;
  private final List<String> levels;
  private final List<WaiverStatus> waivers;
  private final List<GovernanceException> problems;
  private final boolean baselineUsed;
  private final int entities;

  Report(LocalDate asOf, List<Rule> rules, List<Finding> findings, List<RuleResult> results,
      List<EntityScore> entityScores, List<Rollup> rollups, List<String> levels, List<WaiverStatus> waivers,
      List<GovernanceException> problems, boolean baselineUsed, int entities) {
    this.asOf = asOf;
    this.rules = List.copyOf(rules);
    this.findings = List.copyOf(findings);
    this.results = List.copyOf(results);
    this.entityScores = List.copyOf(entityScores);
    this.rollups = List.copyOf(rollups);
    this.levels = List.copyOf(levels);
    this.waivers = List.copyOf(waivers);
    this.problems = List.copyOf(problems);
    this.baselineUsed = baselineUsed;
    this.entities = entities;
  }

  /** @return the evaluation date */
  public LocalDate asOf() {
    return asOf;
  }

  /** @return the rules evaluated */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * A rule by id.
   *
   * @param id the rule id
   * @return the rule, if evaluated
   */
  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** @return findings sorted by severity, rule, entity and check (waived ones included) */
  public List<Finding> findings() {
    return findings;
  }

  /** @return one result per rule and applicable entity, sorted by entity then rule */
  public List<RuleResult> results() {
    return results;
  }

  /** @return per-entity scorecards, sorted by ref */
  public List<EntityScore> entityScores() {
    return entityScores;
  }

  /** @return rollups per owner group (with sub-groups) and per system */
  public List<Rollup> rollups() {
    return rollups;
  }

  /** @return the level names, lowest first */
  public List<String> levels() {
    return levels;
  }

  /** @return what became of each waiver */
  public List<WaiverStatus> waivers() {
    return waivers;
  }

  /** @return catalog reading problems */
  public List<GovernanceException> problems() {
    return problems;
  }

  /** @return whether findings were compared with a baseline */
  public boolean baselineUsed() {
    return baselineUsed;
  }

  /** @return how many entities were evaluated */
  public int entityCount() {
    return entities;
  }

  /**
   * Counts of unwaived findings per severity.
   *
   * @return severity to count, every severity present
   */
  public Map<Severity, Integer> counts() {
    Map<Severity, Integer> m = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      m.put(s, 0);
    }
    findings.stream().filter(f -> !f.waived()).forEach(f -> m.merge(f.severity(), 1, Integer::sum));
    return m;
  }

  /**
   * The findings that make CI fail at a threshold: unwaived, new (when a baseline was given) and at least as
   * severe as the threshold; failures of non-waivable rules count regardless of baseline.
   *
   * @param threshold the lowest severity that fails
   * @return the gating findings
   */
  public List<Finding> gating(Severity threshold) {
    return findings.stream()
        .filter(f -> !f.waived())
        .filter(f -> f.severity().atLeast(threshold))
        .filter(f -> f.isNew() || rule(f.rule()).map(r -> !r.waivable()).orElse(false))
        .collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  /**
   * Whether CI should fail at a threshold.
   *
   * @param threshold the lowest severity that fails
   * @return true when {@link #gating} is not empty
   */
  public boolean fails(Severity threshold) {
    return !gating(threshold).isEmpty();
  }
}
