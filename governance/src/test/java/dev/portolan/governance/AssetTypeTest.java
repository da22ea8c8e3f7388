package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class AssetTypeTest {

  @Property
  void byLabel_roundTrips(@ForAll AssetType t) {
    assertThat(AssetType.byLabel(t.label())).contains(t);
    assertThat(AssetType.byLabel(t.label().toUpperCase(java.util.Locale.ROOT))).contains(t);
    assertThat(t.toString()).isEqualTo(t.label());
    assertThat(t.isAi()).isEqualTo(t != AssetType.OTHER);
  }
}
