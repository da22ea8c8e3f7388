package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotEmpty;
import org.junit.jupiter.api.Test;

class EntityFilterTest {

  @Test
  void parse_statements_backstageRules() {
    EntityFilter f = EntityFilter.parse(" Kind = Component ,kind=API,, spec.type=, metadata.tags.java ");
    assertThat(f.values("kind")).contains(Set.of("component", "api"));
    assertThat(f.values("spec.type")).contains(Set.of(""));
    assertThat(f.values("metadata.tags.java")).contains(Set.of());
    assertThat(f.values("absent")).isEmpty();
  }

  @Test
  void parse_bareKeyWithEquality_isEquality() {
    assertThat(EntityFilter.parse("kind,kind=component").values("kind")).contains(Set.of("component"));
  }

  @Test
  void parse_emptyKey_rejectedWithBackstagesMessage() {
    assertThatThrownBy(() -> EntityFilter.parse("kind=x, =y")).isInstanceOf(CatalogException.class)
        .hasMessage("Invalid filter, '=y' is not a valid statement (expected a string on the form a=b or a= or a)");
  }

  @Property
  void parse_toString_roundTrips(@ForAll @AlphaChars @NotEmpty String key, @ForAll @AlphaChars String value) {
    EntityFilter f = EntityFilter.parse(key + "=" + value + ",other");
    assertThat(EntityFilter.parse(f.toString())).isEqualTo(f);
  }
}
