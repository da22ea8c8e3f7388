package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.governance.internal.YamlTrees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Each built-in rule fails a crafted entity and passes the fixed one (cases in rule-cases.yaml). */
class BuiltInRulesTest {

  private static final JsonNode CASES = YamlTrees.parseAll(Fixtures.resource("rule-cases.yaml"), "rule-cases.yaml").get(0).tree();
  private static final Governance GOVERNANCE = Fixtures.builtIn();

  private static AssetCatalog catalog(JsonNode extra) {
    AssetCatalog.Builder b = AssetCatalog.builder();
    for (JsonNode list : List.of(CASES.path("base"), extra)) {
      for (JsonNode e : list) {
        ObjectNode o = e.deepCopy();
        if (!o.has("apiVersion")) {
          o.put("apiVersion", "backstage.io/v1alpha1");
        }
        b.add(o);
      }
    }
    AssetCatalog c = b.build();
    assertThat(c.problems()).isEmpty();
    return c;
  }

  @TestFactory
  Stream<DynamicTest> builtInRule_craftedEntity_failsAndFixedEntityPasses() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : CASES.path("cases")) {
      String rule = c.path("rule").asText();
      String entity = c.path("entity").asText();
      tests.add(DynamicTest.dynamicTest(rule + " fails " + entity, () -> {
        Report r = GOVERNANCE.evaluate(catalog(c.path("fail")));
        List<Finding> f = r.findings().stream().filter(x -> x.rule().equals(rule) && x.entity().equals(entity))
            .collect(Collectors.toList());
        assertThat(f).as("findings of %s on %s", rule, entity).isNotEmpty();
        assertThat(f).allSatisfy(x -> {
          assertThat(x.message()).isNotBlank();
          assertThat(x.path()).first().isEqualTo(entity);
          assertThat(x.path().size() % 2).isEqualTo(1);
        });
      }));
      tests.add(DynamicTest.dynamicTest(rule + " passes " + entity, () -> {
        Report r = GOVERNANCE.evaluate(catalog(c.path("pass")));
        assertThat(r.findings().stream().filter(x -> x.rule().equals(rule) && x.entity().equals(entity)))
            .as("findings of %s on %s", rule, entity).isEmpty();
        assertThat(r.results()).contains(new RuleResult(rule, entity, RuleResult.Status.PASS));
      }));
    }
    return tests.stream();
  }

  @Test
  void builtInPacks_all_holdThirtyRulesWithSources() {
    List<Rule> rules = RulePack.builtIns().stream().flatMap(p -> p.rules().stream()).collect(Collectors.toList());
    assertThat(rules).hasSize(30);
    Set<String> ids = new HashSet<>();
    for (Rule r : rules) {
      assertThat(ids.add(r.id())).isTrue();
      assertThat(r.references()).as(r.id()).isNotEmpty();
      assertThat(r.remediation()).as(r.id()).isPresent();
      assertThat(r.level()).as(r.id()).isPresent();
    }
    Set<String> covered = new HashSet<>();
    CASES.path("cases").forEach(c -> covered.add(c.path("rule").asText()));
    assertThat(covered).isEqualTo(ids);
    assertThat(rules.stream().filter(r -> !r.waivable()).map(Rule::id)).containsExactly("EUA-01");
  }
}
