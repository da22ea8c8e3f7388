package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RelationPathTest {

  @Test
  void parse_closureAndAlternatives_formatsCanonically() {
    assertThat(RelationPath.parse("usesModel / derivedFrom* /trainedOn|retrievesFrom").toString())
        .isEqualTo("usesModel/derivedFrom*/trainedOn | retrievesFrom");
  }

  @Test
  void parse_inverseStep_becomesInverseRelation() {
    assertThat(RelationPath.parse("^usesModel").toString()).isEqualTo("modelUsedBy");
  }

  @Test
  void parse_unicodeEdgeFilters_normaliseToAscii() {
    assertThat(RelationPath.parse("hasAccessTo[permissions∩{write,delete}≠∅, environment=production, permissions∋read]").toString())
        .isEqualTo("hasAccessTo[permissions any {delete,write}, environment=production, permissions has read]");
  }

  @Test
  void parse_groupsAndOptional_roundTrip() {
    String p = "hasPart?/(usesModel | dependsOn)?/(usesModel/derivedFrom*/trainedOn | retrievesFrom)";
    assertThat(RelationPath.parse(p).toString()).isEqualTo(p);
  }

  @Test
  void parse_unknownRelation_namesColumnAndChoices() {
    assertThatThrownBy(() -> RelationPath.parse("usesModel/trainedBy"))
        .isInstanceOf(GovernanceException.class)
        .hasMessageContaining("column 11")
        .hasMessageContaining("found 'trainedBy'")
        .hasMessageContaining("trainedOn");
  }

  @Test
  void parse_syntaxErrors_areLocated() {
    assertThatThrownBy(() -> RelationPath.parse("usesModel/")).hasMessageContaining("column 11: expected a name, found the end of the path");
    assertThatThrownBy(() -> RelationPath.parse("(usesModel")).hasMessageContaining("expected ')'");
    assertThatThrownBy(() -> RelationPath.parse("hasAccessTo[permissions ~ x]")).hasMessageContaining("expected an operator");
    assertThatThrownBy(() -> RelationPath.parse("")).hasMessageContaining("expected a relation name");
  }

  @Test
  void reach_cyclicClosure_terminatesWithShortestWitnesses() {
    AssetCatalog c = Fixtures.catalog(String.join("\n",
        "{apiVersion: backstage.io/v1alpha1, kind: AiResource, metadata: {name: a}, spec: {type: model, owner: t, baseModel: b}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: AiResource, metadata: {name: b}, spec: {type: model, owner: t, baseModel: c, trainedOn: [d]}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: AiResource, metadata: {name: c}, spec: {type: model, owner: t, baseModel: a}}",
        "---",
        "{apiVersion: backstage.io/v1alpha1, kind: AiResource, metadata: {name: d}, spec: {type: dataset, owner: t}}"));
    RuleContext ctx = new RuleContext(new EvalContext(c, Fixtures.AS_OF, Map.of(), 64));
    List<Reach> r = ctx.reach("airesource:default/a", RelationPath.parse("derivedFrom*/trainedOn"));
    assertThat(r).singleElement().satisfies(x -> {
      assertThat(x.target()).isEqualTo("airesource:default/d");
      assertThat(x.path()).containsExactly(
          "airesource:default/a", "derivedFrom", "airesource:default/b", "trainedOn", "airesource:default/d");
      assertThat(x.relations()).containsExactly("derivedFrom", "trainedOn");
      assertThat(x.resolved()).isTrue();
      assertThat(x.asset()).map(Asset::assetType).contains(AssetType.DATASET);
    });
    assertThat(ctx.reach(c.get("airesource:default/b").orElseThrow(), RelationPath.parse("derivedFrom")))
        .extracting(Reach::target).containsExactly("airesource:default/c");
    assertThat(ctx.reach("airesource:default/a", RelationPath.parse("derivedFrom+"))).extracting(Reach::target)
        .containsExactly("airesource:default/b", "airesource:default/c", "airesource:default/a");
  }

  @Test
  void reach_edgeFilters_selectGrants() {
    AssetCatalog c = Fixtures.catalog(String.join("\n",
        "apiVersion: backstage.io/v1alpha1",
        "kind: AiResource",
        "metadata: {name: agent}",
        "spec:",
        "  type: agent",
        "  owner: t",
        "  accessGrants:",
        "    - {target: resource:db1, environment: production, permissions: [read, write]}",
        "    - {target: resource:db2, environment: staging, permissions: [admin]}",
        "    - {target: resource:db3, environment: production, permissions: [read]}"));
    RuleContext ctx = new RuleContext(new EvalContext(c, Fixtures.AS_OF, Map.of(), 64));
    assertThat(ctx.reach("airesource:default/agent", RelationPath.parse("hasAccessTo[environment=production, permissions any {write,admin}]"))).extracting(Reach::target)
        .containsExactly("resource:default/db1");
    assertThat(ctx.reach("airesource:default/agent", RelationPath.parse("hasAccessTo[environment!=production]"))).extracting(Reach::target)
        .containsExactly("resource:default/db2");
    assertThat(ctx.reach("airesource:default/agent", RelationPath.parse("hasAccessTo[permissions has read]"))).extracting(Reach::target)
        .containsExactly("resource:default/db1", "resource:default/db3");
  }

  @Property(tries = 300)
  void parse_formattedPath_roundTrips(@ForAll("paths") String path) {
    RelationPath p = RelationPath.parse(path);
    assertThat(RelationPath.parse(p.toString())).isEqualTo(p);
    assertThat(RelationPath.parse(p.toString()).toString()).isEqualTo(p.toString());
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> rel = Arbitraries.of(Relation.values()).map(Relation::id);
    Arbitrary<String> filter = Combinators.combine(Arbitraries.of("environment", "permissions"),
        Arbitraries.of("=", "!=", " has ", " any "), Arbitraries.of("write", "production", "read"))
        .as((a, op, v) -> op.equals(" any ") ? a + " any {" + v + ",x}" : a + op + v);
    Arbitrary<String> step = Combinators.combine(Arbitraries.of("", "^"), rel, Arbitraries.of("", "*", "+", "?"),
        filter.optional()).as((inv, r, q, f) -> inv + r + f.map(x -> "[" + x + "]").orElse("") + q);
    Arbitrary<String> seq = step.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("/", l));
    Arbitrary<String> group = seq.list().ofMinSize(2).ofMaxSize(3).map(l -> "(" + String.join(" | ", l) + ")*");
    return Combinators.combine(seq.list().ofMinSize(1).ofMaxSize(3), group.optional())
        .as((alts, g) -> String.join(" | ", alts) + g.map(x -> " | a/" + x).orElse("").replace("a/", "usesModel/"));
  }
}
