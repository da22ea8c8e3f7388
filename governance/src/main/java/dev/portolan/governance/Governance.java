package dev.portolan.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates governance rules over a catalog of services, AI models, datasets and agents.
 *
 * <h2>Use</h2>
 *
 * <pre>
 * Governance governance = Governance.builder()
 *     .builtInPacks()                                   // the 30 starter rules
 *     .pack(RulePack.load(Path.of("org-rules.yaml")))   // your own rules as data
 *     .waivers(Waiver.load(Path.of("waivers.yaml")))
 *     .clock(Clock.fixed(...))                          // the evaluation date: reproducible runs
 *     .build();
 * AssetCatalog catalog = AssetCatalog.load(List.of(Path.of("catalog/")));
 * Report report = governance.evaluate(catalog);
 * ReportFormat.SARIF.write(report, writer);
 * boolean failCi = report.fails(Severity.HIGH);
 * </pre>
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li>Each rule runs on every entity in its {@link Scope}; a rule may decide it does not apply. The
 *       outcome per (rule, entity) is pass, fail, waived or error; every failure is a {@link Finding} with a
 *       message and the witness path through the graph.
 *   <li>Dates in the data (expiries, assessment ages, grant windows) compare with the date of the
 *       {@link Builder#clock(Clock) clock}, in its zone.
 *   <li>A waiver applies to failures of its rule on its entity (or filter) until the day before it
 *       expires. Expired waivers stop applying and the findings carry a note; waivers of non-waivable rules,
 *       of unknown rules or valid for longer than the cap ({@link Builder#maxWaiverDays}, 180 by default) are
 *       invalid. Waived results are excluded from scores and counted separately.
 *   <li>Levels (bronze, silver, gold by default, from each rule's {@code level}) are cumulative; an entity
 *       reaches a level when every applicable rule of that level and below passes or is waived.
 *   <li>With a {@link Builder#baseline(Baseline) baseline}, findings already in it are not new, and
 *       {@link Report#fails(Severity)} ignores them (except for non-waivable rules).
 * </ul>
 *
 * <p>A built instance is immutable and thread-safe; {@link #evaluate} may run concurrently.
 */
public final class Governance {

  private static final Logger LOG = LoggerFactory.getLogger(Governance.class);
  private static final int CHUNK = 512;
  private static final List<String> DEFAULT_LEVEL_ORDER = List.of("bronze", "silver", "gold");

  private final List<Rule> rules;
  private final Map<String, Rule> rulesById;
  private final Map<String, Condition> predicates;
  private final List<Waiver> waivers;
  private final Map<String, Condition> waiverFilters;
  private final Clock clock;
  private final List<Level> levels;
  private final int maxWaiverDays;
  private final int maxPathDepth;
  private final Baseline baseline;
  private final boolean parallel;

  private Governance(Builder b) {
    this.rules = List.copyOf(b.rules.values());
    this.rulesById = Map.copyOf(b.rules);
    Map<String, Condition> preds = new HashMap<>(RulePack.defaultPredicates());
    b.packs.forEach(p -> preds.putAll(p.predicates()));
    preds.putAll(b.predicates);
    this.predicates = Map.copyOf(preds);
    this.waivers = List.copyOf(b.waivers);
    Map<String, Condition> wf = new HashMap<>();
    for (Waiver w : waivers) {
      if (w.filter().isPresent()) {
        String file = w.location().map(SourceLocation::file).orElse(null);
        try {
          wf.put(w.id(), new RuleParser(file, null).parseFilter(w.filter().get(), "filter"));
        } catch (GovernanceException e) {
          throw new GovernanceException(file, w.location().map(SourceLocation::line).orElse(0),
              w.location().map(SourceLocation::column).orElse(0), w.id(), "filter", "expected a filter such as kind=component,spec.type=service, found '" + w.filter().get() + "'");
        }
      }
    }
    this.waiverFilters = Map.copyOf(wf);
    this.clock = b.clock;
    this.maxWaiverDays = b.maxWaiverDays;
    this.maxPathDepth = b.maxPathDepth;
    this.baseline = b.baseline;
    this.parallel = b.parallel;
    this.levels = b.levels != null ? List.copyOf(b.levels) : defaultLevels(rules);
  }

  /**
   * Starts a builder with no rules, no waivers, the system clock in UTC and the default levels.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static List<Level> defaultLevels(List<Rule> rules) {
    Map<String, Set<String>> byLevel = new LinkedHashMap<>();
    DEFAULT_LEVEL_ORDER.forEach(l -> byLevel.put(l, new LinkedHashSet<>()));
    for (Rule r : rules) {
      r.level().ifPresent(l -> byLevel.computeIfAbsent(l, k -> new LinkedHashSet<>()).add(r.id()));
    }
    List<Level> out = new ArrayList<>();
    byLevel.forEach((n, s) -> out.add(new Level(n, s)));
    return out;
  }

  /** @return the rules, in the order they were added */
  public List<Rule> rules() {
    return rules;
  }

  /** @return the scorecard levels, lowest first */
  public List<Level> levels() {
    return levels;
  }

  /** @return the waivers */
  public List<Waiver> waivers() {
    return waivers;
  }

  /**
   * The evaluation date: today in the clock's zone.
   *
   * @return the date
   */
  public LocalDate asOf() {
    return LocalDate.now(clock);
  }

  /**
   * Evaluates every rule over a catalog.
   *
   * @param catalog the catalog
   * @return the report
   */
  public Report evaluate(AssetCatalog catalog) {
    LocalDate asOf = asOf();
    EvalContext ctx = new EvalContext(catalog, asOf, predicates, maxPathDepth);
    RuleContext rc = new RuleContext(ctx);
    List<Asset> assets = catalog.assets();
    java.util.stream.IntStream chunks = java.util.stream.IntStream.range(0, (assets.size() + CHUNK - 1) / CHUNK);
    List<Object[]> raw = (parallel ? chunks.parallel() : chunks).mapToObj(c -> {
      List<Object[]> out = new ArrayList<>();
      for (int i = c * CHUNK, end = Math.min(assets.size(), (c + 1) * CHUNK); i < end; i++) {
        Asset a = assets.get(i);
        for (Rule r : rules) {
          if (!r.scope().matches(a)) {
            continue;
          }
          CheckOutcome o;
          try {
            o = r.check().check(a, rc);
          } catch (GovernanceException e) {
            o = CheckOutcome.fail(List.of(new Violation("", "rule could not be evaluated: " + e.getMessage(), List.of(a.ref()), Optional.empty(), true)));
          } catch (RuntimeException e) {
            o = CheckOutcome.fail(List.of(new Violation("", "rule threw " + e.getClass().getSimpleName() + ": " + e.getMessage(), List.of(a.ref()), Optional.empty(), true)));
          }
          if (o.applicable()) {
            out.add(new Object[] {r, a, o});
          }
        }
      }
      return out;
    }).flatMap(List::stream).collect(Collectors.toList());

    Map<String, WaiverState> waiverStates = new LinkedHashMap<>();
    for (Waiver w : waivers) {
      waiverStates.put(w.id(), validate(w, asOf));
    }
    List<Finding> findings = new ArrayList<>();
    List<RuleResult> results = new ArrayList<>();
    for (Object[] x : raw) {
      Rule r = (Rule) x[0];
      Asset a = (Asset) x[1];
      CheckOutcome o = (CheckOutcome) x[2];
      if (o.violations().isEmpty()) {
        results.add(new RuleResult(r.id(), a.ref(), RuleResult.Status.PASS));
        continue;
      }
      boolean allWaived = true;
      boolean error = false;
      for (Violation v : o.violations()) {
        List<String> notes = new ArrayList<>();
        Optional<String> waiverId = Optional.empty();
        for (Waiver w : waivers) {
          if (!w.rule().equals(r.id()) || !covers(w, a, ctx)) {
            continue;
          }
          WaiverState st = waiverStates.get(w.id());
          if (st.state == WaiverStatus.State.APPLIED || st.state == WaiverStatus.State.UNUSED) {
            if (waiverId.isEmpty()) {
              waiverId = Optional.of(w.id());
              st.covered++;
              st.state = WaiverStatus.State.APPLIED;
            }
          } else if (st.state == WaiverStatus.State.EXPIRED) {
            notes.add("waiver-expired: " + w.id() + " expired on " + w.expires());
          } else {
            notes.add("waiver-invalid: " + w.id() + " (" + st.reason + ")");
          }
        }
        Severity sev = v.severity().orElse(r.severity());
        String fp = Finding.fingerprint(r.id(), a.ref(), v.check());
        boolean isNew = baseline == null || !baseline.contains(fp);
        Optional<SourceLocation> loc = v.field().isPresent() ? a.location(v.field().get()) : a.location();
        findings.add(new Finding(r.id(), sev, a.ref(), v.check(), v.message(), v.path(), v.error(), waiverId, isNew, loc,
            notes, v.field()));
        allWaived &= waiverId.isPresent();
        error |= v.error();
      }
      results.add(new RuleResult(r.id(), a.ref(),
          allWaived ? RuleResult.Status.WAIVED : error ? RuleResult.Status.ERROR : RuleResult.Status.FAIL));
    }
    findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::rule)
        .thenComparing(Finding::entity).thenComparing(Finding::check));
    results.sort(Comparator.comparing(RuleResult::entity).thenComparing(RuleResult::rule));

    List<WaiverStatus> waiverStatuses = new ArrayList<>();
    for (Waiver w : waivers) {
      WaiverState st = waiverStates.get(w.id());
      waiverStatuses.add(new WaiverStatus(w, st.state, Optional.ofNullable(st.reason), st.covered));
    }
    Scoring scoring = new Scoring(catalog, rulesById, levels, results);
    Report report = new Report(asOf, rules, findings, results, scoring.entityScores(), scoring.rollups(),
        levels.stream().map(Level::name).collect(Collectors.toList()), waiverStatuses, catalog.problems(),
        baseline != null, catalog.size());
    if (LOG.isDebugEnabled()) {
      LOG.debug("Evaluated {} rules over {} entities as of {}: {} findings ({} waived)", rules.size(), catalog.size(),
          asOf, findings.size(), findings.stream().filter(Finding::waived).count());
    }
    return report;
  }

  private static final class WaiverState {
    WaiverStatus.State state;
    String reason;
    int covered;

    WaiverState(WaiverStatus.State state, String reason) {
      this.state = state;
      this.reason = reason;
    }
  }

  private WaiverState validate(Waiver w, LocalDate asOf) {
    Rule r = rulesById.get(w.rule());
    if (r == null) {
      return new WaiverState(WaiverStatus.State.INVALID, "rule " + w.rule() + " is not evaluated");
    }
    if (!r.waivable()) {
      return new WaiverState(WaiverStatus.State.INVALID, "rule " + w.rule() + " is not waivable");
    }
    if (w.created().isPresent()) {
      LocalDate c = w.created().get();
      if (c.isAfter(asOf)) {
        return new WaiverState(WaiverStatus.State.INVALID, "created " + c + ", after " + asOf);
      }
      if (c.plusDays(maxWaiverDays).isBefore(w.expires())) {
        return new WaiverState(WaiverStatus.State.INVALID, "valid from " + c + " to " + w.expires() + ", longer than the " + maxWaiverDays + "-day cap");
      }
    } else if (asOf.plusDays(maxWaiverDays).isBefore(w.expires())) {
      return new WaiverState(WaiverStatus.State.INVALID, "expires " + w.expires() + ", more than " + maxWaiverDays + " days after " + asOf);
    }
    if (!w.expires().isAfter(asOf)) {
      return new WaiverState(WaiverStatus.State.EXPIRED, "expired on " + w.expires());
    }
    return new WaiverState(WaiverStatus.State.UNUSED, null);
  }

  private boolean covers(Waiver w, Asset a, EvalContext ctx) {
    if (w.entity().isPresent()) {
      return w.entity().get().equals(a.ref());
    }
    Condition f = waiverFilters.get(w.id());
    return f != null && f.test(ctx, a, a.tree(), PathEvaluator.Trail.start(a.ref())).ok();
  }

  /** Configures a {@link Governance}. Not thread-safe; {@link #build()} copies everything. */
  public static final class Builder {
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final List<RulePack> packs = new ArrayList<>();
    private final Map<String, Condition> predicates = new HashMap<>();
    private final List<Waiver> waivers = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private List<Level> levels;
    private int maxWaiverDays = 180;
    private int maxPathDepth = 64;
    private Baseline baseline;
    private boolean parallel = true;

    private Builder() {}

    /**
     * Adds the four built-in packs (the 30 starter rules).
     *
     * @return this builder
     */
    public Builder builtInPacks() {
      RulePack.builtIns().forEach(this::pack);
      return this;
    }

    /**
     * Adds a pack's rules and predicates.
     *
     * @param pack the pack
     * @return this builder
     * @throws GovernanceException when a rule id is already taken
     */
    public Builder pack(RulePack pack) {
      packs.add(pack);
      pack.rules().forEach(this::rule);
      return this;
    }

    /**
     * Adds a rule.
     *
     * @param rule the rule
     * @return this builder
     * @throws GovernanceException when the id is already taken
     */
    public Builder rule(Rule rule) {
      if (rules.putIfAbsent(rule.id(), rule) != null) {
        throw new GovernanceException(null, 0, 0, rule.id(), "id", "expected unique rule ids, found '" + rule.id() + "' in two places");
      }
      return this;
    }

    /**
     * Adds rules.
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder rules(Collection<Rule> rules) {
      rules.forEach(this::rule);
      return this;
    }

    /**
     * Removes a rule, e.g. a built-in one that does not fit the organisation.
     *
     * @param id the rule id
     * @return this builder
     */
    public Builder withoutRule(String id) {
      rules.remove(id);
      return this;
    }

    /**
     * Defines or overrides a named predicate such as {@code productionFacing}.
     *
     * @param name the name, without {@code @}
     * @param conditionYaml the condition in the rule YAML language
     * @return this builder
     */
    public Builder predicate(String name, String conditionYaml) {
      RulePack p = RulePack.parse("predicates:\n  " + name + ":\n" + indent(conditionYaml), "predicate:" + name);
      predicates.putAll(p.predicates());
      return this;
    }

    private static String indent(String s) {
      return s.lines().map(l -> "    " + l).collect(Collectors.joining("\n")) + "\n";
    }

    /**
     * Adds waivers.
     *
     * @param waivers the waivers
     * @return this builder
     * @throws GovernanceException when a waiver id repeats
     */
    public Builder waivers(Collection<Waiver> waivers) {
      Set<String> ids = new HashSet<>();
      this.waivers.forEach(w -> ids.add(w.id()));
      for (Waiver w : waivers) {
        if (!ids.add(w.id())) {
          throw new GovernanceException(w.location().map(SourceLocation::file).orElse(null),
              w.location().map(SourceLocation::line).orElse(0), w.location().map(SourceLocation::column).orElse(0),
              w.id(), "id", "expected unique waiver ids, found '" + w.id() + "' twice");
        }
        this.waivers.add(w);
      }
      return this;
    }

    /**
     * Sets the clock whose date is the evaluation date.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Sets the scorecard levels, lowest first. By default: bronze, silver, gold from each rule's level.
     *
     * @param levels the levels
     * @return this builder
     */
    public Builder levels(List<Level> levels) {
      this.levels = List.copyOf(levels);
      return this;
    }

    /**
     * Caps how long a waiver may be valid.
     *
     * @param days the cap in days (default 180)
     * @return this builder
     */
    public Builder maxWaiverDays(int days) {
      if (days < 1) {
        throw new GovernanceException(null, 0, 0, null, "maxWaiverDays", "expected a positive number of days, found " + days);
      }
      this.maxWaiverDays = days;
      return this;
    }

    /**
     * Caps the length of closures ({@code derivedFrom*}).
     *
     * @param depth the cap (default 64)
     * @return this builder
     */
    public Builder maxPathDepth(int depth) {
      if (depth < 1) {
        throw new GovernanceException(null, 0, 0, null, "maxPathDepth", "expected a positive depth, found " + depth);
      }
      this.maxPathDepth = depth;
      return this;
    }

    /**
     * Sets the baseline: findings in it are not new.
     *
     * @param baseline an earlier run
     * @return this builder
     */
    public Builder baseline(Baseline baseline) {
      this.baseline = baseline;
      return this;
    }

    /**
     * Whether to evaluate entities in parallel (default true).
     *
     * @param parallel whether to use the common fork-join pool
     * @return this builder
     */
    public Builder parallel(boolean parallel) {
      this.parallel = parallel;
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return an immutable, thread-safe engine
     * @throws GovernanceException when a rule uses an undefined predicate
     */
    public Governance build() {
      Governance g = new Governance(this);
      for (Rule r : g.rules) {
        if (r.check() instanceof DataRuleCheck) {
          for (String p : ((DataRuleCheck) r.check()).predicatesUsed()) {
            if (!g.predicates.containsKey(p)) {
              throw new GovernanceException(null, 0, 0, r.id(), null, "expected a defined predicate, found '@" + p + "' (defined: " + new java.util.TreeSet<>(g.predicates.keySet()) + ")");
            }
          }
        }
      }
      for (Map.Entry<String, Condition> e : g.predicates.entrySet()) {
        for (String p : DataRuleCheck.predicatesIn(e.getValue())) {
          if (!g.predicates.containsKey(p)) {
            throw new GovernanceException(null, 0, 0, "@" + e.getKey(), null, "expected a defined predicate, found '@" + p + "'");
          }
        }
      }
      return g;
    }
  }
}
