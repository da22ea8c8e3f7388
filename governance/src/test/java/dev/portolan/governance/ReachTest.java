package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReachTest {

  @Test
  void reach_exampleCatalog_typedTargetsWithWitnessPathsAndAssets() {
    AssetCatalog c = Fixtures.example();
    RuleContext ctx = new RuleContext(new EvalContext(c, Fixtures.AS_OF, Map.of(), 64));
    List<Reach> r = ctx.reach("component:default/claims-portal", RelationPath.parse("usesModel/(trainedOn | derivedFrom)"));
    assertThat(r).extracting(Reach::target)
        .containsExactly("airesource:default/claims-history-2019-2024", "airesource:default/granite-3-8b-instruct");
    assertThat(r.get(0).resolved()).isTrue();
    assertThat(r.get(0).asset()).map(Asset::assetType).contains(AssetType.DATASET);
    assertThat(r.get(0).relations()).containsExactly("usesModel", "trainedOn");
    assertThat(r.get(1).resolved()).isFalse();
    assertThat(r.get(1).path()).containsExactly("component:default/claims-portal", "usesModel",
        "airesource:default/claims-triage-llm", "derivedFrom", "airesource:default/granite-3-8b-instruct");
  }

  @Test
  void construct_pathCopiedAndPartsRequired() {
    List<String> path = new ArrayList<>(List.of("component:default/a", "dependsOn", "component:default/b"));
    Reach r = new Reach("component:default/b", path, Optional.empty());
    path.clear();
    assertThat(r.path()).hasSize(3);
    assertThat(r.relations()).containsExactly("dependsOn");
    assertThatThrownBy(() -> new Reach(null, List.of(), Optional.empty())).isInstanceOf(NullPointerException.class);
  }
}
