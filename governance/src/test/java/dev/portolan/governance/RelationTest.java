package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RelationTest {

  @Property
  void inverse_isAnInvolutionAndNeverItself(@ForAll Relation r) {
    assertThat(r.inverse().inverse()).isEqualTo(r);
    assertThat(r.inverse()).isNotEqualTo(r);
  }

  @Property
  void byId_roundTripsIgnoringCase(@ForAll Relation r) {
    assertThat(Relation.byId(r.id())).contains(r);
    assertThat(Relation.byId(r.id().toUpperCase(java.util.Locale.ROOT))).contains(r);
    assertThat(r.toString()).isEqualTo(r.id());
  }

  @Test
  void aiRelations_haveTheSpecifiedInverses() {
    assertThat(Relation.USES_MODEL.inverse().id()).isEqualTo("modelUsedBy");
    assertThat(Relation.TRAINED_ON.inverse().id()).isEqualTo("trainingDataOf");
    assertThat(Relation.HAS_ACCESS_TO.inverse().id()).isEqualTo("accessibleBy");
    assertThat(Relation.DELEGATES_TO.inverse().id()).isEqualTo("delegatedFrom");
    assertThat(Relation.byId("trainedBy")).isEmpty();
  }
}
