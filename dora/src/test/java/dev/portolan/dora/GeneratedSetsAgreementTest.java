package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fresh sets from the reference generator, compared with the reference implementation: many seeds, sizes, service
 * counts and windows. Slow (python3 runs twice per set); run with
 * {@code ./mvnw -pl dora verify -Dgroups=slow -Dportolan.dora.sets=100}.
 */
@Tag("slow")
class GeneratedSetsAgreementTest {

  @TempDir static Path dir;

  static Stream<Integer> seeds() {
    int n = Integer.getInteger("portolan.dora.sets", 40);
    return IntStream.range(0, n).boxed();
  }

  private static int run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  @ParameterizedTest(name = "set {0}")
  @MethodSource("seeds")
  void generatedSet_randomWindow_agreesWithReference(int k) throws Exception {
    Path oracle = ReferenceComparison.sharedDir().resolve("oracle/dora");
    assumeThat(Files.isRegularFile(oracle.resolve("dora_ref.py"))).isTrue();
    int events = 200 + (k * 7919) % 20_000;
    int seed = 1000 + k;
    Path events1 = dir.resolve("set-" + k + (k % 3 == 0 ? ".jsonl.gz" : ".jsonl"));
    List<String> gen = new ArrayList<>(List.of(
        "python3", oracle.resolve("dora_gen.py").toString(), "--events", Integer.toString(events), "--seed",
        Integer.toString(seed), "--out", events1.toString()));
    if (k % 4 == 1) {
      gen.addAll(List.of("--services", Integer.toString(1 + k % 9)));
    }
    if (k % 5 == 2) {
      gen.addAll(List.of("--start", "2024-02-27"));
    }
    int g;
    try {
      g = run(gen.toArray(String[]::new));
    } catch (IOException e) {
      assumeThat(false).as("python3 available").isTrue();
      return;
    }
    assertThat(g).isZero();
    LocalDate from = LocalDate.of(2024, 1, 1).plusDays((k * 13L) % 60);
    LocalDate to = from.plusDays(7 + (k * 29L) % 120);
    Path out = dir.resolve("set-" + k + ".json");
    assertThat(run("python3", oracle.resolve("dora_ref.py").toString(), events1.toString(), "--from", from.toString(),
        "--to", to.toString(), "-o", out.toString())).isZero();

    DoraReport report =
        DoraCalculator.builder().window(Window.of(from, to)).build().calculate(List.of(events1));
    JsonNode expected = ReferenceComparison.read(out);
    assertThat(ReferenceComparison.differences(expected, ReferenceComparison.toJson(report)))
        .as("set %d (%d events, seed %d, window %s..%s)", k, events, seed, from, to)
        .isEmpty();
    Files.delete(events1);
    Files.writeString(out, "", StandardCharsets.UTF_8);
  }
}
