package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TierProfileTest {

  static final double HOUR_US = 3_600_000_000.0;

  @Test
  void leadTime_bandEdges_strictlyBelowIsBetter() {
    TierProfile p = TierProfile.DORA_2023;
    assertThat(p.leadTime(24 * HOUR_US - 1)).isEqualTo(Tier.ELITE);
    assertThat(p.leadTime(24 * HOUR_US)).isEqualTo(Tier.HIGH);
    assertThat(p.leadTime(30 * 24 * HOUR_US)).isEqualTo(Tier.LOW);
    assertThat(TierProfile.DORA_2021.leadTime(HOUR_US)).isEqualTo(Tier.HIGH);
  }

  @Test
  void changeFailureRate_bandEdges_inclusive() {
    assertThat(TierProfile.DORA_2023.changeFailureRate(0.05)).isEqualTo(Tier.ELITE);
    assertThat(TierProfile.DORA_2023.changeFailureRate(0.150000001)).isEqualTo(Tier.LOW);
    assertThat(TierProfile.DORA_2021.changeFailureRate(0.15)).isEqualTo(Tier.ELITE);
  }

  @Test
  void deploymentFrequency_shortWindow_noTier() {
    assertThat(
            TierProfile.DORA_2023.deploymentFrequency(
                27, OptionalDouble.of(7), OptionalDouble.empty(), OptionalDouble.empty()))
        .isEmpty();
    assertThat(
            TierProfile.DORA_2023.deploymentFrequency(
                28, OptionalDouble.of(0.5), OptionalDouble.of(1), OptionalDouble.empty()))
        .contains(Tier.MEDIUM);
  }

  @Test
  void fromId_knownAndUnknown() {
    assertThat(TierProfile.fromId("dora-2021")).contains(TierProfile.DORA_2021);
    assertThat(TierProfile.fromId("dora-2024")).isEmpty();
    assertThat(Tier.worst(Optional.of(Tier.ELITE), Optional.of(Tier.MEDIUM))).contains(Tier.MEDIUM);
    assertThat(Tier.worst(Optional.empty(), Optional.of(Tier.HIGH))).contains(Tier.HIGH);
    assertThat(Tier.fromKey("elite")).contains(Tier.ELITE);
  }
}
