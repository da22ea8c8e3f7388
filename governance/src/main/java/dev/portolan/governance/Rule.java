package dev.portolan.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A governance rule: identity, severity, scope, the check, and where it comes from. Rules are read from YAML
 * ({@link RulePack#parse}) or built in Java with {@link #builder(String)}. Immutable.
 */
public final class Rule {

  private final String id;
  private final String title;
  private final Severity severity;
  private final boolean waivable;
  private final Optional<String> level;
  private final List<String> tracks;
  private final List<String> references;
  private final Optional<String> remediation;
  private final Optional<String> rationale;
  private final Scope scope;
  private final RuleCheck check;

  private Rule(Builder b) {
    this.id = b.id;
    this.title = Objects.requireNonNull(b.title, "title");
    this.severity = Objects.requireNonNull(b.severity, "severity");
    this.waivable = b.waivable;
    this.level = Optional.ofNullable(b.level);
    this.tracks = List.copyOf(b.tracks);
    this.references = List.copyOf(b.references);
    this.remediation = Optional.ofNullable(b.remediation);
    this.rationale = Optional.ofNullable(b.rationale);
    this.scope = b.scope;
    this.check = Objects.requireNonNull(b.check, "check");
  }

  /**
   * Starts a rule.
   *
   * @param id the rule id, e.g. {@code AGT-01}
   * @return a builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** @return the id, e.g. {@code PRV-01} */
  public String id() {
    return id;
  }

  /** @return the one-line title */
  public String title() {
    return title;
  }

  /** @return the default severity */
  public Severity severity() {
    return severity;
  }

  /** @return false when waivers must be ignored for this rule */
  public boolean waivable() {
    return waivable;
  }

  /** @return the scorecard level the rule belongs to, e.g. {@code bronze} */
  public Optional<String> level() {
    return level;
  }

  /** @return scorecard tracks, e.g. {@code privacy} */
  public List<String> tracks() {
    return tracks;
  }

  /** @return sources: EU AI Act articles, NIST AI RMF subcategories, OWASP items, … */
  public List<String> references() {
    return references;
  }

  /** @return the remediation link */
  public Optional<String> remediation() {
    return remediation;
  }

  /** @return why the rule exists */
  public Optional<String> rationale() {
    return rationale;
  }

  /** @return the entities the rule looks at */
  public Scope scope() {
    return scope;
  }

  /** @return the check */
  public RuleCheck check() {
    return check;
  }

  @Override
  public String toString() {
    return id + " (" + severity + "): " + title;
  }

  /** Builds a {@link Rule}. */
  public static final class Builder {
    private final String id;
    private String title;
    private Severity severity = Severity.MEDIUM;
    private boolean waivable = true;
    private String level;
    private final List<String> tracks = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private String remediation;
    private String rationale;
    private Scope scope = Scope.ALL;
    private RuleCheck check;

    private Builder(String id) {
      if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
        throw new GovernanceException(null, 0, 0, null, "id", "expected a rule id of letters, digits, '.', '_' and '-', found '" + id + "'");
      }
      this.id = id;
    }

    /**
     * Sets the title.
     *
     * @param v the title
     * @return this builder
     */
    public Builder title(String v) {
      this.title = v;
      return this;
    }

    /**
     * Sets the severity.
     *
     * @param v the severity
     * @return this builder
     */
    public Builder severity(Severity v) {
      this.severity = Objects.requireNonNull(v);
      return this;
    }

    /**
     * Sets whether waivers apply.
     *
     * @param v whether waivers apply
     * @return this builder
     */
    public Builder waivable(boolean v) {
      this.waivable = v;
      return this;
    }

    /**
     * Sets the scorecard level.
     *
     * @param v the scorecard level
     * @return this builder
     */
    public Builder level(String v) {
      this.level = v;
      return this;
    }

    /**
     * Sets a scorecard track.
     *
     * @param v a scorecard track
     * @return this builder
     */
    public Builder track(String v) {
      this.tracks.add(v);
      return this;
    }

    /**
     * Sets a source reference.
     *
     * @param v a source reference
     * @return this builder
     */
    public Builder reference(String v) {
      this.references.add(v);
      return this;
    }

    /**
     * Sets the remediation link.
     *
     * @param v the remediation link
     * @return this builder
     */
    public Builder remediation(String v) {
      this.remediation = v;
      return this;
    }

    /**
     * Sets the rationale.
     *
     * @param v the rationale
     * @return this builder
     */
    public Builder rationale(String v) {
      this.rationale = v;
      return this;
    }

    /**
     * Sets the scope.
     *
     * @param v the scope
     * @return this builder
     */
    public Builder scope(Scope v) {
      this.scope = Objects.requireNonNull(v);
      return this;
    }

    /**
     * Sets the check.
     *
     * @param v the check
     * @return this builder
     */
    public Builder check(RuleCheck v) {
      this.check = v;
      return this;
    }

    /**
     * Builds the rule.
     *
     * @return the rule
     * @throws NullPointerException when title or check is missing
     */
    public Rule build() {
      return new Rule(this);
    }
  }
}
