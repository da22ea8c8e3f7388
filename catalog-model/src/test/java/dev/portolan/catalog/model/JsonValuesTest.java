package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "null|false", "false|false", "0|false", "0.0|false", "\"\"|false",
        "true|true", "1|true", "-0.5|true", "\"0\"|true", "\" \"|true", "[]|true", "{}|true",
        "\"false\"|true"
      })
  void truthy_jsonValue_followsJavaScript(String json, boolean expected) throws Exception {
    JsonNode value = JSON.readTree(json);
    assertThat(JsonValues.truthy(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"true", "false"})
  void truthy_undefined_isFalse(boolean useMissingNode) {
    assertThat(JsonValues.truthy(useMissingNode ? MissingNode.getInstance() : null)).isFalse();
  }
}
