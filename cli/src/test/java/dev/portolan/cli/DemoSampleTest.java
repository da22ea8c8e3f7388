package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.catalog.model.CatalogModel;
import dev.portolan.catalog.model.DocumentResult;
import dev.portolan.catalog.model.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoSampleTest {

  @Test
  void index_listsExactlyTheBundledFiles() throws IOException, URISyntaxException {
    Path root = Path.of(DemoSample.class.getResource(DemoSample.RESOURCE_ROOT).toURI());
    try (Stream<Path> s = Files.walk(root)) {
      assertThat(s.filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .filter(p -> !p.equals("index.txt"))
              .sorted())
          .containsExactlyElementsOf(DemoSample.index().stream().sorted().toList());
    }
  }

  @Test
  void catalogFiles_descriptorsAndTemplatesButNoSkeletons(@TempDir Path dir) {
    DemoSample sample = DemoSample.extractTo(dir);

    assertThat(sample.catalogFiles()).map(sample::relative).containsExactly(
        "catalog/ai.yaml", "catalog/domains-and-systems.yaml", "catalog/org.yaml", "catalog/software.yaml",
        "templates/create-service/template.yaml");
  }

  /** Every document's verdict equals Backstage's, recorded with the node oracle, under both profiles. */
  @ParameterizedTest
  @EnumSource(Profile.class)
  void sampleCatalog_verdicts_matchBackstage(Profile profile, @TempDir Path dir) throws IOException {
    DemoSample sample = DemoSample.extractTo(dir);
    CatalogModel model = CatalogModel.builder().profile(profile).build();
    Map<String, Boolean> actual = new TreeMap<>();
    for (Path f : sample.catalogFiles()) {
      for (DocumentResult r : model.validate(f)) {
        actual.put(sample.relative(f) + "#" + r.documentIndex() + " " + r.ref().map(Object::toString).orElse("?"),
            r.valid());
      }
    }
    Map<String, Boolean> expected = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    String fixture = "demo-oracle/oracle-" + profile.cliName() + ".jsonl";
    try (InputStream in = DemoSampleTest.class.getResourceAsStream(fixture)) {
      assertThat(in).as(fixture).isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        JsonNode r = json.readTree(line);
        expected.put(r.get("file").asText() + "#" + r.get("docIndex").asInt() + " " + r.get("ref").asText(),
            r.get("valid").asBoolean());
      }
    }
    assertThat(actual).isEqualTo(expected);
    if (profile == Profile.CORE) {
      assertThat(expected.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey))
          .hasSize(8)
          .allSatisfy(k -> assertThat(k).containsAnyOf(" airesource:", " template:"));
    }
  }
}
