package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portolan.scaffolder.TemplateFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackstageFiltersTest {

  static final Map<String, TemplateFilter> F = BackstageFilters.create(BackstageFilters.defaultIntegrations());

  static JsonNode apply(String filter, String input, JsonNode... args) {
    return F.get(filter).apply(TextNode.valueOf(input), List.of(args));
  }

  @Test
  void parseRepoUrl_github_returnsPresentParts() {
    assertThat(apply("parseRepoUrl", "github.com?owner=acme&repo=site"))
        .isEqualTo(EngineTest.json("{\"host\":\"github.com\",\"owner\":\"acme\",\"repo\":\"site\"}"));
    assertThat(apply("projectSlug", "github.com?owner=acme&repo=site").asText()).isEqualTo("acme/site");
  }

  @Test
  void parseRepoUrl_missingOwnerOrUnknownHost_fails() {
    assertThatThrownBy(() -> apply("parseRepoUrl", "github.com?repo=site"))
        .hasMessage("Invalid repo URL passed to publisher: https://github.com?repo=site, missing owner");
    assertThatThrownBy(() -> apply("parseRepoUrl", "git.internal?owner=a&repo=b"))
        .hasMessageContaining("No matching integration configuration for host git.internal");
    assertThat(BackstageFilters.parseRepoUrl("git.internal?project=p", Map.of("git.internal", "gitlab"))
        .get("project").asText()).isEqualTo("p");
    assertThatThrownBy(() -> apply("parseRepoUrl", "bitbucket.org?project=p&repo=r"))
        .hasMessageContaining("missing workspace");
  }

  @Test
  void parseEntityRef_defaultsNamespaceAndUsesContext() {
    assertThat(apply("parseEntityRef", "group:team-a"))
        .isEqualTo(EngineTest.json("{\"kind\":\"group\",\"namespace\":\"default\",\"name\":\"team-a\"}"));
    assertThat(apply("parseEntityRef", "team-a", EngineTest.json("{\"defaultKind\":\"Group\",\"defaultNamespace\":\"x\"}")))
        .isEqualTo(EngineTest.json("{\"kind\":\"Group\",\"namespace\":\"x\",\"name\":\"team-a\"}"));
    assertThatThrownBy(() -> apply("parseEntityRef", "team-a")).hasMessageContaining("missing or empty kind");
  }

  @Test
  void pick_followsDottedAndBracketPaths() {
    JsonNode obj = EngineTest.json("{\"a\":{\"b\":[{\"c\":1}]}}");
    assertThat(F.get("pick").apply(obj, List.of(TextNode.valueOf("a.b[0].c")))).isEqualTo(EngineTest.json("1"));
    assertThat(F.get("pick").apply(obj, List.of(TextNode.valueOf("a.x.y"))).isMissingNode()).isTrue();
  }
}
