package dev.portolan.examples.governance;

import dev.portolan.governance.Asset;
import dev.portolan.governance.AssetCatalog;
import dev.portolan.governance.CheckOutcome;
import dev.portolan.governance.Finding;
import dev.portolan.governance.Governance;
import dev.portolan.governance.Reach;
import dev.portolan.governance.RelationPath;
import dev.portolan.governance.Report;
import dev.portolan.governance.Rule;
import dev.portolan.governance.RulePack;
import dev.portolan.governance.Scope;
import dev.portolan.governance.Severity;
import dev.portolan.governance.Violation;
import dev.portolan.governance.Waiver;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a governance rule in Java and one in YAML, evaluates them over a small catalog on a fixed date,
 * and waives one finding.
 *
 * <p>A catalog is ordinary Backstage YAML: two production services depend on a model that was trained on
 * a dataset holding personal data. {@link AssetCatalog} derives the typed graph from it
 * ({@code usesModel}, {@code trainedOn} and their inverses).
 *
 * <ul>
 *   <li>The Java rule ({@link #privacyReviewRule()}) walks {@code usesModel/trainedOn} from each production
 *       component with {@link dev.portolan.governance.RuleContext#reach}, which returns every entity
 *       reached together with its witness path, and fails when personal data is reached without a
 *       {@code spec.privacyReview} on the component.
 *   <li>The YAML rule ({@link #ORG_RULES}) says the same kind of thing as data: models used by a production
 *       entity must name an on-call group. Its {@code when} path becomes the finding's witness path.
 * </ul>
 *
 * <p>Every date check uses the builder's {@link Clock}, so a report is reproducible. A {@link Waiver}
 * covers a finding until it expires; waived findings stay in the report, marked as such.
 */
public final class CustomRulesExample {

  /** The evaluation date. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);

  static final String CATALOG = """
      apiVersion: backstage.io/v1alpha1
      kind: Group
      metadata: {name: payments}
      spec: {type: team, children: []}
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: checkout}
      spec:
        type: service
        lifecycle: production
        owner: group:payments
        dependsOn: [airesource:default/fraud-model]
      ---
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata: {name: refunds}
      spec:
        type: service
        lifecycle: production
        owner: group:payments
        dependsOn: [airesource:default/fraud-model]
      ---
      apiVersion: backstage.io/v1alpha1
      kind: AiResource
      metadata: {name: fraud-model}
      spec:
        type: model
        owner: group:payments
        trainedOn: [airesource:default/transactions]
      ---
      apiVersion: backstage.io/v1alpha1
      kind: AiResource
      metadata: {name: transactions}
      spec:
        type: dataset
        owner: group:payments
        personalData: {present: yes}
      """;

  /** A rule pack written as data. */
  static final String ORG_RULES = """
      rules:
        - id: ORG-02
          title: Models used in production name an on-call group
          severity: medium
          appliesTo: {types: [model]}
          when: {path: modelUsedBy, target: "@production"}
          require: {field: spec.onCall, exists: true}
          message: "used in production by {{target}} but names no on-call group"
      """;

  static final String WAIVERS = """
      waivers:
        - id: WVR-7
          rule: ORG-01
          entity: component:default/refunds
          justification: Privacy review booked for December.
          approvedBy: group:default/payments
          created: 2026-11-01
          expires: 2026-12-15
      """;

  private CustomRulesExample() {}

  /**
   * A rule written in Java: production components whose models were trained on personal data record a
   * privacy review.
   *
   * @return the rule
   */
  public static Rule privacyReviewRule() {
    RelationPath modelTrainingData = RelationPath.parse("usesModel/trainedOn");
    return Rule.builder("ORG-01")
        .title("Production services using models trained on personal data have a privacy review")
        .severity(Severity.HIGH)
        .scope(Scope.kinds("Component"))
        .check((asset, context) -> {
          if (!context.test("production", asset)) {
            return CheckOutcome.notApplicable();
          }
          List<Violation> violations = new ArrayList<>();
          for (Reach reached : context.reach(asset, modelTrainingData)) {
            boolean personal = reached.asset().map(dataset -> context.test("personalData", dataset)).orElse(false);
            if (personal && asset.text("spec.privacyReview").isEmpty()) {
              violations.add(Violation.at("spec.privacyReview", "uses a model trained on personal data in "
                  + reached.target() + " but records no privacy review", reached.path()));
            }
          }
          return violations.isEmpty() ? CheckOutcome.pass() : CheckOutcome.fail(violations);
        })
        .build();
  }

  /**
   * Evaluates the Java rule and the YAML pack over the sample catalog on {@link #CLOCK}'s date, with one
   * waiver.
   *
   * @return the report
   */
  public static Report evaluate() {
    Governance governance = Governance.builder()
        .rule(privacyReviewRule())
        .pack(RulePack.parse(ORG_RULES, "org-rules.yaml"))
        .waivers(Waiver.parse(WAIVERS, "waivers.yaml"))
        .clock(CLOCK)
        .build();
    AssetCatalog catalog = AssetCatalog.builder().addYaml(CATALOG, "catalog-info.yaml").build();
    return governance.evaluate(catalog);
  }

  /**
   * One line per finding: {@code file:line: severity RULE entity: message}, its witness path, and the
   * waiver that covers it.
   *
   * @return the lines
   */
  public static List<String> findings() {
    List<String> lines = new ArrayList<>();
    for (Finding f : evaluate().findings()) {
      String where = f.location().map(l -> l.file() + ":" + l.line() + ": ").orElse("");
      lines.add(where + f.severity() + " " + f.rule() + " " + f.entity() + ": " + f.message());
      lines.add("    via " + String.join(" -> ", f.path()) + f.waiver().map(w -> "  (waived by " + w + ")").orElse(""));
    }
    return lines;
  }

  /**
   * Prints the findings.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    findings().forEach(System.out::println);
  }
}
