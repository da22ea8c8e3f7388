package dev.portolan.dora;

import dev.portolan.dora.internal.Payloads;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivery events from PagerDuty v3 webhook payloads ({@code event.resource_type == "incident"}).
 *
 * <p>One {@link IncidentEvent}: id {@code pagerduty:<event.data.id>}, service {@code event.data.service.summary},
 * opened at {@code event.data.created_at}, resolved at {@code event.occurred_at} for {@code incident.resolved}
 * (other event types leave it open; records of the same incident merge). PagerDuty has no deployment link, so
 * one is read from the incident title or {@code event.data.body.details}: {@code deployment: <id>} names the
 * deployment and {@code root cause: <sha>} the commit (as in Four Keys).
 */
public final class PagerDutyEvents {

  private static final Pattern DEPLOYMENT = Pattern.compile("deployment:\\s*([\\w.:/#@-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ROOT_CAUSE = Pattern.compile("root cause:\\s*([0-9a-fA-F]{7,64})", Pattern.CASE_INSENSITIVE);

  private PagerDutyEvents() {}

  /**
   * Reads one webhook payload.
   *
   * @param source the payload's name for errors
   * @param json the payload
   * @return the incident
   * @throws DoraInputException when it is not a v3 incident payload or a required field is missing or malformed
   */
  public static IncidentEvent read(String source, String json) {
    Payloads p = Payloads.parse(source, json);
    if (p.node("event").isEmpty()) {
      throw p.error("event", "a PagerDuty v3 webhook with an event object", "nothing");
    }
    String resource = p.optText("event.resource_type").orElse("nothing");
    if (!resource.equals("incident")) {
      throw p.error("event.resource_type", "\"incident\"", resource.equals("nothing") ? resource : "\"" + resource + "\"");
    }
    String type = p.text("event.event_type");
    Instant opened = p.time("event.data.created_at");
    Optional<Instant> resolved =
        type.equals("incident.resolved") ? Optional.of(p.time("event.occurred_at")) : Optional.empty();
    String text =
        p.optText("event.data.title").orElse("") + "\n"
            + p.node("event.data.body.details").map(n -> n.isTextual() ? n.asText() : n.toString()).orElse("");
    return new IncidentEvent(
        "pagerduty:" + p.text("event.data.id"),
        p.text("event.data.service.summary"),
        opened,
        resolved,
        first(DEPLOYMENT, text),
        first(ROOT_CAUSE, text));
  }

  private static Optional<String> first(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
