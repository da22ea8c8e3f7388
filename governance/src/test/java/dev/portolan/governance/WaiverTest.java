package dev.portolan.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaiverTest {

  @Test
  void parse_specExample_readsEveryField() {
    List<Waiver> ws = Waiver.parse(String.join("\n",
        "waivers:",
        "  - id: WVR-2026-014",
        "    rule: AGT-05",
        "    entity: AiResource:default/claims-ops-agent",
        "    justification: Admin grant needed for the migration window.",
        "    approvedBy: group:default/ai-review-board",
        "    created: 2026-06-02",
        "    expires: 2026-09-01",
        "    ticket: https://jira.example.com/GOV-88",
        ""), "w.yaml");
    Waiver w = ws.get(0);
    assertThat(w.id()).isEqualTo("WVR-2026-014");
    assertThat(w.entity()).contains("airesource:default/claims-ops-agent");
    assertThat(w.created()).contains(LocalDate.of(2026, 6, 2));
    assertThat(w.expires()).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(w.ticket()).contains("https://jira.example.com/GOV-88");
    assertThat(w.location()).map(SourceLocation::line).contains(2);
  }

  @Test
  void parse_missingExpiry_isRejectedWithLocation() {
    assertThatThrownBy(() -> Waiver.parse("waivers:\n  - {id: W, rule: R, entity: a:b, justification: j, approvedBy: g}\n", "w.yaml"))
        .hasMessage("w.yaml:2:5: W: waivers[0].expires: expected an ISO-8601 date (every waiver must expire), found nothing");
  }

  @Test
  void parse_badInputs_areRejected() {
    assertThatThrownBy(() -> Waiver.parse("- {id: W, rule: R, justification: j, approvedBy: g, expires: 2026-01-01}\n", "w.yaml"))
        .hasMessageContaining("expected exactly one of entity or filter, found neither");
    assertThatThrownBy(() -> Waiver.parse("- {id: W, rule: R, entity: a:b, filter: kind=x, justification: j, approvedBy: g, expires: 2026-01-01}\n", "w.yaml"))
        .hasMessageContaining("found both");
    assertThatThrownBy(() -> Waiver.parse("- {id: W, rule: R, entity: a:b, justification: j, approvedBy: g, expires: soon}\n", "w.yaml"))
        .hasMessageContaining("[0].expires: expected an ISO-8601 date such as 2026-09-01, found 'soon'");
    assertThatThrownBy(() -> Waiver.parse("- {id: W, rule: R, entity: a:b, approvedBy: g, expires: 2026-01-01}\n", "w.yaml"))
        .hasMessageContaining("[0].justification: expected a non-empty string");
    assertThatThrownBy(() -> Waiver.parse("waivers: 3\n", "w.yaml")).hasMessageContaining("waivers: expected a list of waivers");
  }

  @Test
  void duplicateIds_areRejectedByTheBuilder() {
    List<Waiver> ws = Waiver.parse("- {id: W, rule: R, entity: a:b, justification: j, approvedBy: g, expires: 2026-01-01}\n"
        + "- {id: W, rule: R, entity: a:c, justification: j, approvedBy: g, expires: 2026-01-01}\n", "w.yaml");
    assertThatThrownBy(() -> Governance.builder().waivers(ws)).hasMessageContaining("w.yaml:2:3: W: id: expected unique waiver ids");
  }
}
