package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.scaffolder.RenderLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every case of the nunjucks 3.2.4 compatibility suite, one dynamic test each. */
class NunjucksCompatTest {

  static final Engine ENGINE = new Engine(Map.of(), Map.of(), RenderLimits.DEFAULTS, 0L, true);

  static Path casesFile() {
    return Path.of(System.getProperty("portolan.shared.dir", "../../shared"))
        .resolve("corpus/templating/nunjucks-compat/cases.json");
  }

  static List<JsonNode> cases() throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(casesFile()));
    List<JsonNode> out = new ArrayList<>();
    root.get("cases").forEach(out::add);
    return out;
  }

  @Test
  void suite_isComplete() throws IOException {
    assertThat(cases()).hasSize(157).allSatisfy(c -> assertThat(c.has("expected")).isTrue());
  }

  @TestFactory
  Stream<DynamicTest> cases_renderedByEngine_matchNunjucks() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> {
      String out = ENGINE.render(c.get("template").asText(), c.get("id").asText(), Syntax.NUNJUCKS, c.get("context"));
      assertThat(out).as(c.get("template").asText()).isEqualTo(c.get("expected").asText());
    }));
  }
}
