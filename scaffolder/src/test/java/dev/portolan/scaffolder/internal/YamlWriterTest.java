package dev.portolan.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The YAML catalog:write produces is byte for byte what Backstage writes: the cases (corpus catalog entities
 * and strings for every quoting, block and folding rule) come with the text of the {@code yaml} package's
 * {@code stringify}, from {@code tools/oracle/yaml-cases.js}.
 */
class YamlWriterTest {

  static final ObjectMapper M = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> write_oracleCases_matchYamlStringify() throws IOException {
    JsonNode cases;
    try (InputStream in = YamlWriterTest.class.getResourceAsStream("/oracle/yaml-stringify.json")) {
      cases = M.readTree(in);
    }
    return StreamSupport.stream(cases.spliterator(), false).map(c -> {
      String input = c.get("input").toString();
      String name = input.length() > 60 ? input.substring(0, 60) + "..." : input;
      return DynamicTest.dynamicTest(name, () ->
          assertThat(YamlWriter.write(c.get("input"))).isEqualTo(c.get("yaml").asText()));
    });
  }

  @Test
  void write_stringsThatReadAsOtherTypes_areQuoted() throws IOException {
    assertThat(YamlWriter.write(M.readTree("{\"mode\":\"0755\",\"flag\":\"true\",\"n\":12,\"s\":\"yes\"}")))
        .isEqualTo("mode: \"0755\"\nflag: \"true\"\nn: 12\ns: yes\n");
  }
}
