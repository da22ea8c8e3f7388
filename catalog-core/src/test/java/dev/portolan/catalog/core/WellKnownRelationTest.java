package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WellKnownRelationTest {

  @Test
  void inverse_everyType_isAnInvolution() {
    for (WellKnownRelation r : WellKnownRelation.values()) {
      assertThat(r.inverse().inverse()).isEqualTo(r);
      assertThat(r.inverse()).isNotEqualTo(r);
      assertThat(WellKnownRelation.fromId(r.id())).contains(r);
    }
    assertThat(WellKnownRelation.OWNED_BY.inverse()).isEqualTo(WellKnownRelation.OWNER_OF);
    assertThat(WellKnownRelation.DEPENDS_ON.inverse()).isEqualTo(WellKnownRelation.DEPENDENCY_OF);
  }

  @Test
  void fromId_caseOrUnknown_empty() {
    assertThat(WellKnownRelation.fromId("OwnedBy")).isEmpty();
    assertThat(RelationType.wellKnown("pagedBy")).isEmpty();
  }

  @Test
  void custom_pair_inverseSwapsAndKnownPairsStayWellKnown() {
    RelationType t = RelationType.custom("pagedBy", "pages");
    assertThat(t.inverse().id()).isEqualTo("pages");
    assertThat(t.inverse().inverse()).isEqualTo(t);
    assertThat(RelationType.custom("ownedBy", "ownerOf")).isSameAs(WellKnownRelation.OWNED_BY);
    assertThatThrownBy(() -> RelationType.custom("paged by", "pages")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("^\\w+$");
  }
}
