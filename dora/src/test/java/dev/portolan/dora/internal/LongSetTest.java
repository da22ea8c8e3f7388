package dev.portolan.dora.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class LongSetTest {

  @Property(tries = 200)
  void add_anyValues_sameAsHashSet(@ForAll @Size(max = 300) List<Long> values) {
    LongSet set = new LongSet();
    Set<Long> expected = new HashSet<>();
    for (long v : values) {
      assertThat(set.add(v)).isEqualTo(expected.add(v));
    }
    for (long v : values) {
      assertThat(set.contains(v)).isTrue();
      assertThat(set.contains(v + 1)).isEqualTo(expected.contains(v + 1));
    }
    assertThat(set.contains(Long.MIN_VALUE)).isEqualTo(expected.contains(Long.MIN_VALUE));
  }
}
