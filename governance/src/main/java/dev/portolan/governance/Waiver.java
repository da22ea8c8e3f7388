package dev.portolan.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.governance.internal.Fields;
import dev.portolan.governance.internal.YamlTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted exception to a rule for one entity (or every entity matching a filter), with a justification,
 * an approver and a mandatory expiry. Read from YAML:
 *
 * <pre>
 * waivers:
 *   - id: WVR-2026-014
 *     rule: AGT-05
 *     entity: airesource:default/claims-ops-agent     # or filter: kind=component,spec.type=website
 *     justification: Admin grant needed for the migration window.
 *     approvedBy: group:default/ai-review-board
 *     created: 2026-06-02
 *     expires: 2026-09-01
 *     ticket: https://jira.example.com/GOV-88
 * </pre>
 *
 * @param id the waiver id
 * @param rule the rule id
 * @param entity the canonical entity ref, when the waiver names one entity
 * @param filter a catalog filter ({@code key=value,...}), when the waiver covers several entities
 * @param justification why the failure is accepted
 * @param approvedBy who approved it
 * @param created when it was granted, if recorded
 * @param expires the day it stops applying (it applies up to and including the day before)
 * @param ticket a tracking link, if any
 * @param location where it was read from, if from a file
 */
public record Waiver(String id, String rule, Optional<String> entity, Optional<String> filter, String justification,
    String approvedBy, Optional<LocalDate> created, LocalDate expires, Optional<String> ticket,
    Optional<SourceLocation> location) {

  /**
   * Checks the required parts.
   *
   * @param id id
   * @param rule rule
   * @param entity entity
   * @param filter filter
   * @param justification justification
   * @param approvedBy approver
   * @param created created
   * @param expires expires
   * @param ticket ticket
   * @param location location
   */
  public Waiver {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(justification, "justification");
    Objects.requireNonNull(approvedBy, "approvedBy");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(location, "location");
    if (entity.isEmpty() == filter.isEmpty()) {
      throw new GovernanceException(null, 0, 0, id, "entity", "expected exactly one of entity or filter");
    }
    entity = entity.map(e -> dev.portolan.governance.internal.Refs.canonical(e, null, "default").orElse(e));
  }

  /**
   * Reads a waivers file.
   *
   * @param file the YAML file
   * @return the waivers
   * @throws GovernanceException naming the file, line, column, waiver id and field of the first problem
   */
  public static List<Waiver> load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new GovernanceException(file.toString(), 0, 0, null, null, "expected a readable waivers file, found " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  /**
   * Parses waivers YAML: a {@code waivers:} list, a bare list, or one waiver per document.
   *
   * @param yaml the text
   * @param file the name used in errors
   * @return the waivers
   * @throws GovernanceException on the first malformed waiver
   */
  public static List<Waiver> parse(String yaml, String file) {
    List<Waiver> out = new ArrayList<>();
    for (YamlTrees.Document d : YamlTrees.parseAll(yaml, file)) {
      JsonNode t = d.tree();
      if (t == null || t.isNull()) {
        continue;
      }
      if (t.isObject() && t.has("waivers")) {
        JsonNode list = t.path("waivers");
        if (!list.isArray()) {
          throw err(file, d, "waivers", null, "expected a list of waivers, found " + Condition.describe(list));
        }
        for (int i = 0; i < list.size(); i++) {
          out.add(one(list.get(i), "waivers[" + i + "]", file, d));
        }
      } else if (t.isArray()) {
        for (int i = 0; i < t.size(); i++) {
          out.add(one(t.get(i), "[" + i + "]", file, d));
        }
      } else {
        out.add(one(t, "", file, d));
      }
    }
    return out;
  }

  private static Waiver one(JsonNode w, String at, String file, YamlTrees.Document d) {
    String prefix = at.isEmpty() ? "" : at + ".";
    if (!w.isObject()) {
      throw err(file, d, at, null, "expected a waiver object, found " + Condition.describe(w));
    }
    String id = Fields.text(w.path("id")).filter(s -> !s.isBlank()).orElse(at.isEmpty() ? "waiver" : at);
    String rule = required(w, "rule", prefix, file, d, id);
    String justification = required(w, "justification", prefix, file, d, id);
    String approvedBy = required(w, "approvedBy", prefix, file, d, id);
    LocalDate expires = date(w, "expires", prefix, file, d, id, true);
    LocalDate created = date(w, "created", prefix, file, d, id, false);
    Optional<String> entity = Fields.text(w.path("entity")).filter(s -> !s.isBlank());
    Optional<String> filter = Fields.text(w.path("filter")).filter(s -> !s.isBlank());
    if (entity.isPresent() == filter.isPresent()) {
      throw err(file, d, prefix + "entity", id, "expected exactly one of entity or filter, found " + (entity.isPresent() ? "both" : "neither"));
    }
    int[] pos = d.position(at);
    return new Waiver(id, rule, entity, filter, justification, approvedBy, Optional.ofNullable(created), expires,
        Fields.text(w.path("ticket")), Optional.of(new SourceLocation(file, pos[0], pos[1])));
  }

  private static String required(JsonNode w, String key, String prefix, String file, YamlTrees.Document d, String id) {
    return Fields.text(w.path(key)).filter(s -> !s.isBlank())
        .orElseThrow(() -> err(file, d, prefix + key, id, "expected a non-empty string, found " + Condition.describe(w.path(key))));
  }

  private static LocalDate date(JsonNode w, String key, String prefix, String file, YamlTrees.Document d, String id, boolean required) {
    JsonNode v = w.path(key);
    if (!Fields.present(v)) {
      if (required) {
        throw err(file, d, prefix + key, id, "expected an ISO-8601 date (every waiver must expire), found nothing");
      }
      return null;
    }
    try {
      return LocalDate.parse(Fields.text(v).orElse(""));
    } catch (DateTimeParseException e) {
      throw err(file, d, prefix + key, id, "expected an ISO-8601 date such as 2026-09-01, found " + Condition.describe(v));
    }
  }

  private static GovernanceException err(String file, YamlTrees.Document d, String field, String id, String problem) {
    int[] pos = d.position(field);
    return new GovernanceException(file, pos[0], pos[1], id, field.isEmpty() ? null : field, problem);
  }
}
