package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackTest {

  @Test
  void builtIns_areFourPacksOfThirtyRules() {
    assertThat(RulePack.builtInNames()).containsExactly("catalog-hygiene", "ai-inventory", "eu-ai-act", "agent-security");
    assertThat(RulePack.builtIns()).extracting(p -> p.rules().size()).containsExactly(4, 9, 9, 8);
    assertThat(RulePack.builtIn(RulePack.EU_AI_ACT).predicateNames()).contains("datasetGoverned");
    assertThatThrownBy(() -> RulePack.builtIn("nope")).hasMessageContaining("expected a built-in pack");
  }

  @Test
  void load_customPack_evaluatesOverTheGraph(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("org.yaml");
    Files.writeString(file, String.join("\n",
        "apiVersion: portolan.dev/v1alpha1",
        "kind: RulePack",
        "metadata: {name: org, description: Our rules}",
        "predicates:",
        "  internetFacing: {field: spec.governance.exposure, equals: internet}",
        "rules:",
        "  - id: ORG-01",
        "    title: Internet-facing AI uses no red datasets in training",
        "    severity: low",
        "    appliesTo: {kinds: [Component], where: '@internetFacing'}",
        "    require:",
        "      path: usesModel/derivedFrom*/trainedOn",
        "      none: {field: spec.confidentiality, equals: red}",
        "    message: '{{entity}} trains on red data: {{path}}'",
        ""));
    RulePack pack = RulePack.load(file);
    assertThat(pack.name()).isEqualTo("org");
    assertThat(pack.description()).isEqualTo("Our rules");
    Report r = Governance.builder().pack(pack).clock(Fixtures.clock()).build().evaluate(Fixtures.example());
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.LOW);
      assertThat(f.message()).isEqualTo("component:default/claims-portal trains on red data: component:default/claims-portal → usesModel"
          + " → airesource:default/claims-triage-llm → trainedOn → airesource:default/claims-history-2019-2024");
    });
  }

  @Test
  void parse_listOfRulesAndSingleRuleDocuments() {
    RulePack list = RulePack.parse("- {id: A-1, title: t, severity: info, require: {field: spec.owner}}\n", "list.yaml");
    assertThat(list.name()).isEqualTo("list");
    assertThat(list.rules()).extracting(Rule::id).containsExactly("A-1");
    RulePack docs = RulePack.parse("{id: A-1, title: t, severity: info, require: {field: spec.owner}}\n---\n"
        + "{id: A-2, title: t, severity: info, waivable: false, require: {field: spec.owner}}\n", "docs.yml");
    assertThat(docs.rules()).extracting(Rule::id, Rule::waivable).containsExactly(
        org.assertj.core.groups.Tuple.tuple("A-1", true), org.assertj.core.groups.Tuple.tuple("A-2", false));
  }

  @Test
  void parse_errors_nameFileLineColumnRuleAndField() {
    GovernanceException e = catchGov(String.join("\n",
        "rules:",
        "  - id: R-1",
        "    title: t",
        "    severity: severe",
        "    require: {field: spec.owner}"));
    assertThat(e.getMessage()).isEqualTo("r.yaml:4:15: R-1: rules[0].severity: expected one of critical, high, medium, low, info, found 'severe'");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.entityRef()).contains("R-1");
    assertThat(e.fieldPath()).contains("rules[0].severity");

    assertThat(catchGov("rules:\n  - id: R-1\n    title: t\n    severity: low\n    require: {path: 'usesModel/nope'}\n").getMessage())
        .startsWith("r.yaml:5:21: R-1: rules[0].require.path: path 'usesModel/nope' column 11: expected a relation name");
    assertThat(catchGov("rules:\n  - id: R-1\n    title: t\n    severity: low\n    require: {field: x, sameAs: y}\n").getMessage())
        .contains("rules[0].require.sameAs: expected a field operator");
    assertThat(catchGov("rules:\n  - id: R-1\n    title: t\n    severity: low\n").getMessage())
        .contains("R-1: rules[0]: expected 'require' or 'checks', found neither");
    assertThat(catchGov("rules:\n  - {title: t}\n").getMessage()).contains("rules[0].id: expected a non-empty string, found nothing");
    assertThat(catchGov("rules:\n  - {id: R-1, title: t, severity: low, require: {field: x, matches: '('}}\n").getMessage())
        .contains("rules[0].require.matches: expected a regular expression");
    assertThat(catchGov("rules:\n  - {id: R-1, title: t, severity: low, colour: red, require: {field: x}}\n").getMessage())
        .contains("rules[0].colour: expected one of");
    assertThat(catchGov("rules:\n  - {id: R-1, title: t, severity: low, require: {field: x}}\n  - {id: R-1, title: t, severity: low, require: {field: x}}\n").getMessage())
        .contains("expected unique rule ids, found 'R-1' twice");
    assertThat(catchGov("rules: {a: 1}\n").getMessage()).contains("rules: expected a list of rules");
    assertThat(catchGov("rules: [\n").getMessage()).startsWith("r.yaml:2:1: YAML syntax error: ");
    assertThat(catchGov("42\n").getMessage()).contains("expected a rule pack");
  }

  @Test
  void load_missingFile_isLocatedError(@TempDir Path dir) {
    assertThatThrownBy(() -> RulePack.load(dir.resolve("none.yaml"))).isInstanceOf(GovernanceException.class)
        .hasMessageContaining("none.yaml: expected a readable rules file");
  }

  @Test
  void javaRules_packOf() {
    Rule r = Rule.builder("J-1").title("t").check((a, c) -> CheckOutcome.notApplicable()).build();
    assertThat(RulePack.of("java", List.of(r)).rules()).containsExactly(r);
    assertThatThrownBy(() -> Rule.builder("bad id")).hasMessageContaining("expected a rule id");
  }

  private static GovernanceException catchGov(String yaml) {
    try {
      RulePack.parse(yaml, "r.yaml");
    } catch (GovernanceException e) {
      return e;
    }
    throw new AssertionError("no error for " + yaml);
  }

  @Test
  void parse_hostileYaml_aliasBombAndDeepNesting_locatedErrorsNotExpanded() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 9; i++) {
      char p = (char) ('a' + i);
      char n = (char) ('a' + i + 1);
      bomb.append(n).append(": &").append(n).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
          .append(", *").append(p).append(", *").append(p).append("]\n");
    }
    assertThat(catchGov(bomb.toString()).getMessage()).startsWith("r.yaml:");
    assertThat(catchGov("rules: " + "[".repeat(5000) + "]".repeat(5000)).getMessage()).startsWith("r.yaml:");
    assertThatThrownBy(() -> Waiver.parse(bomb.toString(), "w.yaml")).isInstanceOf(GovernanceException.class)
        .hasMessageStartingWith("w.yaml:");
  }
}
