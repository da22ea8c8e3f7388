package dev.portolan.dora.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.dora.ScopeMetrics;
import dev.portolan.dora.TierProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelTest {

  private static final long DAY = 86_400_000_000L;
  /** 2024-01-01 and 2024-04-01 at 00:00 UTC, in epoch microseconds. */
  private static final long FROM = 19_723L * DAY;
  private static final long TO = 19_814L * DAY;

  private static EventStore read(String set) throws IOException, URISyntaxException {
    Path f = Path.of(ModelTest.class.getResource("/reference/" + set).toURI());
    EventStore store = new EventStore();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
      new JsonLinesReader(store).read(in, set);
    }
    return store;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gen-s8-n10000.jsonl.gz", "gen-s6-n5000-dense.jsonl.gz", "gen-s9-n4000-few.jsonl.gz"})
  void link_splitBetweenTwoThreads_sameModelAsOneThread(String set) throws Exception {
    Model one = new Model(read(set), 1);
    Model two = new Model(read(set), 2, 0);

    assertThat(two.counters()).isEqualTo(one.counters());
    assertThat(two.services()).isEqualTo(one.services());
    assertThat(one.counters().get("delivered_changes")).isPositive();
    for (long[] w : new long[][] {{FROM, TO}, {FROM + 7 * DAY, FROM + 35 * DAY}, {FROM - 91 * DAY, FROM}}) {
      assertThat(two.compute(null, w[0], w[1], TierProfile.DORA_2023))
          .isEqualTo(one.compute(null, w[0], w[1], TierProfile.DORA_2023));
      for (int s = 0; s < one.services().size(); s++) {
        ScopeMetrics expected = one.compute(new int[] {s}, w[0], w[1], TierProfile.DORA_2023);
        assertThat(two.compute(new int[] {s}, w[0], w[1], TierProfile.DORA_2023))
            .as("%s", one.services().get(s))
            .isEqualTo(expected);
      }
    }
  }

  /** Lead times read in place from the sample arrays give what gathering them gives, for any scope and window. */
  @ParameterizedTest
  @ValueSource(strings = {"gen-s8-n10000.jsonl.gz", "gen-s6-n5000-dense.jsonl.gz", "gen-s9-n4000-few.jsonl.gz"})
  void compute_leadTimesInPlace_sameAsGathered(String set) throws Exception {
    Model m = new Model(read(set), 1);
    int ns = m.services().size();
    int[] firstHalf = java.util.stream.IntStream.range(0, ns / 2).toArray();
    int[] everyThird = java.util.stream.IntStream.range(0, ns).filter(s -> s % 3 == 0).toArray();
    for (long[] w : new long[][] {{FROM, TO}, {FROM + 7 * DAY, FROM + 35 * DAY}, {FROM - 91 * DAY, FROM}}) {
      for (int[] scope : new int[][] {null, firstHalf, everyThird, {0}, {ns - 1}}) {
        ScopeMetrics gathered = m.compute(scope, w[0], w[1], TierProfile.DORA_2023, Long.MAX_VALUE);
        assertThat(m.compute(scope, w[0], w[1], TierProfile.DORA_2023, 0)).isEqualTo(gathered);
      }
    }
    assertThat(m.compute(null, FROM, TO, TierProfile.DORA_2023, 0).leadTime().durations().count()).isPositive();
  }
}
