package dev.portolan.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.catalog.model.testing.CatalogArbitraries;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EntityRefTest {

  @Test
  void parse_fullRef_keepsCaseAndFormatsLowerCase() {
    EntityRef ref = EntityRef.parse("Component:Default/My-Service");
    assertThat(ref).isEqualTo(new EntityRef("Component", "Default", "My-Service"));
    assertThat(ref.toString()).isEqualTo("component:default/my-service");
    assertThat(ref.normalized()).isEqualTo(new EntityRef("component", "default", "my-service"));
  }

  @Test
  void parse_noNamespace_defaultsToDefault() {
    assertThat(EntityRef.parse("group:team-a")).isEqualTo(new EntityRef("group", "default", "team-a"));
  }

  @Test
  void parse_contextDefaults_fillMissingParts() {
    EntityRef ref = EntityRef.parse("team-a", Optional.of("Group"), Optional.of("ops"));
    assertThat(ref).isEqualTo(new EntityRef("Group", "ops", "team-a"));
  }

  @Test
  void parse_slashBeforeColon_hasNoKind() {
    EntityRef ref = EntityRef.parse("a/b:c", Optional.of("Component"), Optional.empty());
    assertThat(ref).isEqualTo(new EntityRef("Component", "a", "b:c"));
  }

  @Test
  void parse_nameWithSeparators_keepsThemInName() {
    assertThat(EntityRef.parse("x:y:z")).isEqualTo(new EntityRef("x", "default", "y:z"));
    assertThat(EntityRef.parse("resource:a/b/c")).isEqualTo(new EntityRef("resource", "a", "b/c"));
  }

  @Test
  void parse_emptyPart_throwsBackstageMessage() {
    assertThatThrownBy(() -> EntityRef.parse("group:"))
        .isInstanceOf(InvalidEntityRefException.class)
        .hasMessage("Entity reference \"group:\" was not on the form [<kind>:][<namespace>/]<name>");
  }

  @Test
  void parse_missingKind_throwsBackstageMessage() {
    assertThatThrownBy(() -> EntityRef.parse("my-db"))
        .isInstanceOf(InvalidEntityRefException.class)
        .hasMessage("Entity reference \"my-db\" had missing or empty kind (e.g. did not start with "
            + "\"component:\" or similar)")
        .extracting(e -> ((InvalidEntityRefException) e).input()).isEqualTo("my-db");
  }

  @Test
  void parse_empty_throwsMustNotBeEmpty() {
    assertThatThrownBy(() -> EntityRef.parse("")).hasMessage("Entity reference must not be empty");
  }

  @Test
  void sameEntityAs_caseOnlyDifference_isTrue() {
    assertThat(EntityRef.parse("Group:Team-A").sameEntityAs(EntityRef.parse("group:default/team-a"))).isTrue();
    assertThat(EntityRef.parse("Group:Team-A").equals(EntityRef.parse("group:default/team-a"))).isFalse();
  }

  @Test
  void constructor_emptyPart_throws() {
    assertThatThrownBy(() -> new EntityRef("", "default", "x")).isInstanceOf(InvalidEntityRefException.class);
  }

  /** Every string case of the oracle's ref file parses, fails and formats exactly as Backstage. */
  @TestFactory
  Stream<DynamicTest> parse_oracleCases_matchBackstage() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : Files.readAllLines(ConformanceTest.conformanceDir().resolve("refs.jsonl"))) {
      JsonNode c = mapper.readTree(line);
      JsonNode input = c.get("input");
      JsonNode dk = c.get("defaultKind");
      JsonNode dn = c.get("defaultNamespace");
      if (!(dk.isNull() || dk.isTextual()) || !(dn.isNull() || dn.isTextual())) {
        continue;
      }
      tests.add(dynamicTest("line " + c.get("line") + ": " + input, () -> {
        Optional<String> defKind = Optional.ofNullable(dk.isNull() ? null : dk.textValue());
        Optional<String> defNs = Optional.ofNullable(dn.isNull() ? null : dn.textValue());
        if (!input.isTextual()) {
          if (c.get("ok").booleanValue() && !c.get("stringified").isNull()) {
            assertThat(EntityRef.parse(input, defKind, defNs).toString()).isEqualTo(c.get("stringified").textValue());
          } else if (c.get("ok").booleanValue()) {
            assertThatThrownBy(() -> EntityRef.parse(input, defKind, defNs))
                .hasMessageContaining("not a string");
          } else {
            assertThatThrownBy(() -> EntityRef.parse(input, defKind, defNs))
                .isInstanceOf(InvalidEntityRefException.class).hasMessage(c.get("error").textValue());
          }
          return;
        }
        if (c.get("ok").booleanValue()) {
          EntityRef ref = EntityRef.parse(input.textValue(), defKind, defNs);
          JsonNode p = c.get("parsed");
          assertThat(ref).isEqualTo(new EntityRef(p.get("kind").textValue(), p.get("namespace").textValue(),
              p.get("name").textValue()));
          assertThat(ref.toString()).isEqualTo(c.get("stringified").textValue());
        } else {
          assertThatThrownBy(() -> EntityRef.parse(input.textValue(), defKind, defNs))
              .isInstanceOf(InvalidEntityRefException.class)
              .hasMessage(c.get("error").textValue());
        }
      }));
    }
    assertThat(tests).hasSizeGreaterThan(200);
    return tests.stream();
  }

  @Property
  void format_parse_roundTripsToNormalizedRef(@ForAll("anyRefs") EntityRef ref) {
    assertThat(EntityRef.parse(ref.toString())).isEqualTo(ref.normalized());
    assertThat(EntityRef.parse(ref.toString()).toString()).isEqualTo(ref.toString());
  }

  @Property
  void format_validRefs_roundTrip(@ForAll("validRefs") EntityRef ref) {
    assertThat(EntityRef.parse(ref.toString())).isEqualTo(ref.normalized());
  }

  @Provide
  Arbitrary<EntityRef> anyRefs() {
    return CatalogArbitraries.anyRefs();
  }

  @Provide
  Arbitrary<EntityRef> validRefs() {
    return CatalogArbitraries.validRefs();
  }
}
