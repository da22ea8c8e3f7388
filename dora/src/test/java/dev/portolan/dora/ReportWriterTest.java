package dev.portolan.dora;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

  static final Path SCENARIO = ReferenceComparison.sharedDir().resolve("oracle/dora/fixtures/scenario.jsonl");

  static DoraCalculator calc() {
    return DoraCalculator.builder().window(Window.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 29))).build();
  }

  @Test
  void text_scenario_rowPerServiceAndProblems() {
    StringWriter w = new StringWriter();
    ReportWriter.text(calc().calculate(List.of(SCENARIO)), Optional.empty(), w);
    assertThat(w.toString())
        .contains("SERVICE    DEPLOYS")
        .containsPattern("web\\s+1\\s+0.25\\s+medium\\s+8.0 d\\s+medium\\s+0.0%\\s+elite\\s+-\\s+-")
        .contains("Input: 26 lines, 1 invalid JSON, 1 of unknown type, 0 invalid events; 8 of 10 deployments counted")
        .contains("scenario.jsonl:25:2: invalid JSON: Unexpected character")
        .contains("scenario.jsonl:26:9: unknown event type \"build\"");
  }

  @Test
  void html_serviceNamesEscaped_noMarkupInjection() {
    DoraCalculator c = calc();
    DoraData d =
        c.load(
            List.of(
                DeploymentEvent.production(
                    "a", "<script>alert(1)</script>", java.time.Instant.parse("2024-01-02T00:00:00Z"), List.of())));
    StringWriter w = new StringWriter();
    ReportWriter.html(c.report(d), Optional.empty(), c.weeklyTrend(d, Optional.empty()), w);
    assertThat(w.toString()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void json_rollup_groupsAndUnmapped() {
    DoraCalculator c = calc();
    DoraData d = c.load(List.of(SCENARIO));
    ServiceDirectory dir =
        ServiceDirectory.of(
            java.util.Map.of(
                "api",
                new ServicePlacement(
                    "component:default/api", List.of("group:default/a"), Optional.empty(), Optional.empty())));
    StringWriter w = new StringWriter();
    ReportWriter.json(c.report(d), Optional.of(c.rollup(d, dir, GroupBy.TEAM)), w);
    assertThat(w.toString())
        .contains("\"rollup\": {")
        .contains("\"by\": \"team\"")
        .containsPattern("\"unmapped_services\": \\[\\s*\"web\"\\s*\\]");
  }
}
