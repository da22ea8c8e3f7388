package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The calculator agrees with the reference implementation on the hand-checked scenario and on generated sets. */
class ReferenceAgreementTest {

  static Path referenceDir() {
    try {
      return Path.of(ReferenceAgreementTest.class.getResource("/reference/sets.tsv").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> sets() throws IOException {
    List<String> lines = Files.readAllLines(referenceDir().resolve("sets.tsv"));
    return lines.stream().skip(1).map(l -> l.split("\t", -1)).map(f -> Arguments.of(f[0], f[1], f[2], f[3]));
  }

  @Test
  void scenario_referenceFixture_agreesWithExpectedOutput() {
    Path dir = ReferenceComparison.sharedDir().resolve("oracle/dora/fixtures");
    DoraCalculator calc =
        DoraCalculator.builder().window(Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 29))).build();
    DoraReport report = calc.calculate(List.of(dir.resolve("scenario.jsonl")));
    JsonNode expected = ReferenceComparison.read(dir.resolve("scenario.expected.json"));
    assertThat(ReferenceComparison.differences(expected, ReferenceComparison.toJson(report))).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sets")
  void generatedSet_window_agreesWithReference(String set, String window, String from, String to) {
    DoraCalculator.Builder b = DoraCalculator.builder();
    if (!from.isEmpty()) {
      b.window(Window.of(LocalDate.parse(from), LocalDate.parse(to)));
    }
    Path dir = referenceDir();
    DoraReport report = b.build().calculate(List.of(dir.resolve(set + ".jsonl.gz")));
    JsonNode expected = ReferenceComparison.read(dir.resolve(set + "." + window + ".json"));
    List<String> diff = ReferenceComparison.differences(expected, ReferenceComparison.toJson(report));
    assertThat(diff).as("differences from the reference").isEmpty();
    assertThat(report.overall().deploymentFrequency().deployments())
        .isEqualTo(expected.at("/overall/deployment_frequency/deployments").asLong());
  }

}
