package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KindSpecTest {

  private static Entity entity(String yaml) {
    return DocumentReader.create().read("k.yaml", yaml).get(0).json().map(Entity::of).orElseThrow();
  }

  private static String doc(String apiVersion, String kind, String spec) {
    return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n  name: x\nspec:\n" + spec;
  }

  @Test
  void kindSpec_component_readsRelationFields() {
    Entity e = entity(doc("backstage.io/v1alpha1", "Component", "  type: service\n  lifecycle: production\n"
        + "  owner: team-a\n  system: shop\n  providesApis: [a]\n  dependsOn: [resource:db, 3]\n"));
    assertThat(e.kindSpec()).containsInstanceOf(ComponentSpec.class);
    ComponentSpec c = (ComponentSpec) e.kindSpec().orElseThrow();
    assertThat(c.owner()).isEqualTo("team-a");
    assertThat(c.system()).contains("shop");
    assertThat(c.providesApis()).containsExactly("a");
    assertThat(c.dependsOn()).containsExactly("resource:db");
    assertThat(c.subcomponentOf()).isEmpty();
  }

  @Test
  void kindSpec_mcpServerApi_readsRemotes() {
    ApiSpec a = (ApiSpec) entity(doc("backstage.io/v1alpha1", "API", "  type: mcp-server\n  lifecycle: x\n"
        + "  owner: o\n  remotes:\n    - type: sse\n      url: http://h/m\n")).kindSpec().orElseThrow();
    assertThat(a.isMcpServer()).isTrue();
    assertThat(a.remotes()).containsExactly(new ApiSpec.McpRemote("sse", "http://h/m"));
    assertThat(a.definition()).isEmpty();
  }

  @Test
  void kindSpec_groupAndUser_readProfiles() {
    GroupSpec g = (GroupSpec) entity(doc("backstage.io/v1alpha1", "Group", "  type: team\n  children: []\n"
        + "  profile:\n    email: t@x\n  members: [u]\n")).kindSpec().orElseThrow();
    assertThat(g.profile().flatMap(ContactProfile::email)).contains("t@x");
    assertThat(g.members()).containsExactly("u");
    UserSpec u = (UserSpec) entity(doc("backstage.io/v1alpha1", "User", "  memberOf: [g]\n")).kindSpec()
        .orElseThrow();
    assertThat(u.memberOf()).containsExactly("g");
    assertThat(u.profile()).isEmpty();
  }

  @Test
  void kindSpec_otherKinds_areTyped() {
    assertThat(entity(doc("backstage.io/v1alpha1", "Resource", "  type: db\n  owner: o\n")).kindSpec())
        .containsInstanceOf(ResourceSpec.class);
    assertThat(entity(doc("backstage.io/v1alpha1", "System", "  owner: o\n  domain: d\n")).kindSpec())
        .contains(new SystemSpec("o", Optional.of("d"), Optional.empty()));
    assertThat(entity(doc("backstage.io/v1alpha1", "Domain", "  owner: o\n")).kindSpec())
        .contains(new DomainSpec("o", Optional.empty(), Optional.empty()));
    LocationSpec l = (LocationSpec) entity(doc("backstage.io/v1alpha1", "Location",
        "  target: ./a.yaml\n  targets: [./b.yaml]\n")).kindSpec().orElseThrow();
    assertThat(l.allTargets()).containsExactly("./a.yaml", "./b.yaml");
    AiResourceSpec ai = (AiResourceSpec) entity(doc("backstage.io/v1alpha1", "AiResource",
        "  type: plugin\n  lifecycle: x\n  owner: o\n  skills: [s1]\n")).kindSpec().orElseThrow();
    assertThat(ai.skills()).containsExactly("s1");
  }

  @Test
  void kindSpec_template_needsV1beta3() {
    String spec = "  type: service\n  steps:\n    - id: fetch\n      action: fetch:template\n";
    TemplateSpec t = (TemplateSpec) entity(doc("scaffolder.backstage.io/v1beta3", "Template", spec)).kindSpec()
        .orElseThrow();
    assertThat(t.steps()).containsExactly(new TemplateSpec.Step(Optional.of("fetch"), Optional.empty(),
        "fetch:template"));
    assertThat(entity(doc("backstage.io/v1beta2", "Template", spec)).kindSpec()).isEmpty();
    assertThat(entity(doc("acme.com/v1", "Product", "  a: 1\n")).kindSpec()).isEmpty();
    assertThat(List.of(t)).hasSize(1);
  }
}
