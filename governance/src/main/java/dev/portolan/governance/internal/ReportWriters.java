package dev.portolan.governance.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.internal.XmlText;
import dev.portolan.governance.EntityScore;
import dev.portolan.governance.Finding;
import dev.portolan.governance.GovernanceException;
import dev.portolan.governance.Report;
import dev.portolan.governance.Rollup;
import dev.portolan.governance.Rule;
import dev.portolan.governance.RuleResult;
import dev.portolan.governance.Severity;
import dev.portolan.governance.SourceLocation;
import dev.portolan.governance.WaiverStatus;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writers for every {@link dev.portolan.governance.ReportFormat}. */
public final class ReportWriters {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ReportWriters() {}

  // ---------------------------------------------------------------------------------------------- JSON

  /**
   * Writes the JSON report.
   *
   * @param r the report
   * @param out the writer
   * @throws IOException when writing fails
   */
  public static void json(Report r, Writer out) throws IOException {
    ObjectNode root = F.objectNode();
    root.put("schemaVersion", Report.SCHEMA_VERSION);
    root.put("asOf", r.asOf().toString());
    root.put("entities", r.entityCount());
    root.put("baseline", r.baselineUsed());
    ObjectNode summary = root.putObject("summary");
    r.counts().forEach((s, n) -> summary.put(s.label(), n));
    summary.put("waived", r.findings().stream().filter(Finding::waived).count());
    summary.put("new", r.findings().stream().filter(f -> f.isNew() && !f.waived()).count());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : r.findings()) {
      ObjectNode o = findings.addObject();
      o.put("rule", f.rule());
      o.put("severity", f.severity().label());
      o.put("entity", f.entity());
      if (!f.check().isEmpty()) {
        o.put("check", f.check());
      }
      o.put("status", f.status());
      o.put("message", f.message());
      ArrayNode path = o.putArray("path");
      f.path().forEach(path::add);
      o.put("waived", f.waived());
      f.waiver().ifPresent(w -> o.put("waiver", w));
      o.put("new", f.isNew());
      f.field().ifPresent(x -> o.put("field", x));
      f.location().ifPresent(l -> o.set("location", location(l)));
      r.rule(f.rule()).flatMap(Rule::remediation).ifPresent(u -> o.put("remediation", u));
      if (!f.notes().isEmpty()) {
        ArrayNode notes = o.putArray("notes");
        f.notes().forEach(notes::add);
      }
    }
    ArrayNode results = root.putArray("results");
    for (RuleResult x : r.results()) {
      results.addObject().put("rule", x.rule()).put("entity", x.entity()).put("status", x.status().label());
    }
    ArrayNode scorecards = root.putArray("scorecards");
    for (EntityScore s : r.entityScores()) {
      ObjectNode o = scorecards.addObject();
      o.put("entity", s.entity());
      if (s.level().isPresent()) {
        o.put("level", s.level().get());
      } else {
        o.putNull("level");
      }
      o.put("score", s.score()).put("passed", s.passed()).put("failed", s.failed()).put("waived", s.waived());
    }
    ArrayNode rollups = root.putArray("rollups");
    for (Rollup u : r.rollups()) {
      ObjectNode o = rollups.addObject();
      o.put("scope", u.scope()).put("ref", u.ref()).put("entities", u.entities()).put("score", u.score()).put("failed", u.failed());
      ObjectNode lv = o.putObject("levels");
      u.levels().forEach(lv::put);
    }
    ArrayNode levels = root.putArray("levels");
    r.levels().forEach(levels::add);
    ArrayNode waivers = root.putArray("waivers");
    for (WaiverStatus w : r.waivers()) {
      ObjectNode o = waivers.addObject();
      o.put("id", w.waiver().id()).put("rule", w.waiver().rule());
      w.waiver().entity().ifPresent(e -> o.put("entity", e));
      w.waiver().filter().ifPresent(e -> o.put("filter", e));
      o.put("state", w.state().label());
      w.reason().ifPresent(x -> o.put("reason", x));
      o.put("covered", w.covered());
      o.put("expires", w.waiver().expires().toString());
      o.put("approvedBy", w.waiver().approvedBy());
      o.put("justification", w.waiver().justification());
    }
    ArrayNode problems = root.putArray("problems");
    for (GovernanceException p : r.problems()) {
      problems.add(p.getMessage());
    }
    ArrayNode rules = root.putArray("rules");
    for (Rule rule : r.rules()) {
      ObjectNode o = rules.addObject();
      o.put("id", rule.id()).put("title", rule.title()).put("severity", rule.severity().label()).put("waivable", rule.waivable());
      rule.level().ifPresent(l -> o.put("level", l));
      rule.remediation().ifPresent(l -> o.put("remediation", l));
      ArrayNode refs = o.putArray("references");
      rule.references().forEach(refs::add);
    }
    MAPPER.writeValue(out, root);
    out.write('\n');
  }

  private static ObjectNode location(SourceLocation l) {
    ObjectNode o = F.objectNode();
    o.put("file", l.file()).put("line", l.line()).put("column", l.column());
    return o;
  }

  // ---------------------------------------------------------------------------------------------- SARIF

  private static String sarifLevel(Severity s) {
    switch (s) {
      case CRITICAL:
      case HIGH:
        return "error";
      case MEDIUM:
        return "warning";
      default:
        return "note";
    }
  }

  /**
   * Writes SARIF 2.1.0.
   *
   * @param r the report
   * @param out the writer
   * @throws IOException when writing fails
   */
  public static void sarif(Report r, Writer out) throws IOException {
    ObjectNode root = F.objectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "portolan-governance");
    driver.put("informationUri", "https://portolan.dev/governance");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new HashMap<>();
    for (Rule rule : r.rules()) {
      index.put(rule.id(), index.size());
      ObjectNode o = rules.addObject();
      o.put("id", rule.id());
      o.putObject("shortDescription").put("text", rule.title());
      rule.rationale().ifPresent(t -> o.putObject("fullDescription").put("text", t));
      rule.remediation().ifPresent(u -> o.put("helpUri", u));
      o.putObject("defaultConfiguration").put("level", sarifLevel(rule.severity()));
      ObjectNode props = o.putObject("properties");
      ArrayNode tags = props.putArray("tags");
      tags.add("governance");
      rule.tracks().forEach(tags::add);
      rule.references().forEach(tags::add);
      props.put("security-severity", String.valueOf(rule.severity().securitySeverity()));
      props.put("waivable", rule.waivable());
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : r.findings()) {
      ObjectNode o = results.addObject();
      o.put("ruleId", f.rule());
      Integer idx = index.get(f.rule());
      if (idx != null) {
        o.put("ruleIndex", idx);
      }
      o.put("level", sarifLevel(f.severity()));
      o.put("kind", "fail");
      o.putObject("message").put("text", f.message());
      ObjectNode loc = o.putArray("locations").addObject();
      f.location().ifPresent(l -> {
        ObjectNode pl = loc.putObject("physicalLocation");
        pl.putObject("artifactLocation").put("uri", uri(l.file()));
        ObjectNode region = pl.putObject("region");
        region.put("startLine", Math.max(1, l.line()));
        region.put("startColumn", Math.max(1, l.column()));
      });
      loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.entity()).put("kind", "object");
      if (f.path().size() > 1) {
        ArrayNode related = o.putArray("relatedLocations");
        for (int i = 2; i < f.path().size(); i += 2) {
          ObjectNode rl = related.addObject();
          rl.put("id", i / 2);
          rl.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.path().get(i)).put("kind", "object");
          rl.putObject("message").put("text", "step " + (i / 2) + ": " + f.path().get(i - 1) + " " + f.path().get(i));
        }
      }
      o.putObject("partialFingerprints").put("portolanFinding/v1", sha256(f.fingerprint()));
      if (f.waived()) {
        ObjectNode s = o.putArray("suppressions").addObject();
        s.put("kind", "external");
        s.put("status", "accepted");
        String just = r.waivers().stream().filter(w -> w.waiver().id().equals(f.waiver().get()))
            .map(w -> w.waiver().justification() + " (waiver " + w.waiver().id() + ", approved by " + w.waiver().approvedBy() + ", expires " + w.waiver().expires() + ")")
            .findFirst().orElse("waiver " + f.waiver().get());
        s.put("justification", just);
      }
      ObjectNode props = o.putObject("properties");
      props.put("severity", f.severity().label());
      props.put("entity", f.entity());
      props.put("status", f.status());
      props.put("new", f.isNew());
      if (!f.check().isEmpty()) {
        props.put("check", f.check());
      }
      ArrayNode path = props.putArray("path");
      f.path().forEach(path::add);
    }
    ObjectNode props = run.putObject("properties");
    props.put("asOf", r.asOf().toString());
    MAPPER.writeValue(out, root);
    out.write('\n');
  }

  static String uri(String file) {
    String p = file.replace('\\', '/');
    try {
      if (p.startsWith("/")) {
        return new URI("file", "", p, null).toString();
      }
      return new URI(null, null, p, null).toString();
    } catch (URISyntaxException e) {
      return p.replace(" ", "%20");
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------- JUnit

  /**
   * Writes JUnit XML: one suite per rule, one case per applicable entity.
   *
   * @param r the report
   * @param out the writer
   * @throws IOException when writing fails
   */
  public static void junit(Report r, Writer out) throws IOException {
    Map<String, List<Finding>> byCase = new HashMap<>();
    for (Finding f : r.findings()) {
      byCase.computeIfAbsent(f.rule() + "|" + f.entity(), k -> new java.util.ArrayList<>()).add(f);
    }
    Map<String, List<RuleResult>> bySuite = new LinkedHashMap<>();
    r.rules().forEach(rule -> bySuite.put(rule.id(), new java.util.ArrayList<>()));
    for (RuleResult x : r.results()) {
      bySuite.computeIfAbsent(x.rule(), k -> new java.util.ArrayList<>()).add(x);
    }
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("testsuites");
      w.writeAttribute("name", "portolan-governance");
      w.writeAttribute("tests", String.valueOf(r.results().size()));
      w.writeAttribute("failures", String.valueOf(count(r.results(), RuleResult.Status.FAIL)));
      w.writeAttribute("errors", String.valueOf(count(r.results(), RuleResult.Status.ERROR)));
      w.writeAttribute("skipped", String.valueOf(count(r.results(), RuleResult.Status.WAIVED)));
      w.writeCharacters("\n");
      for (Map.Entry<String, List<RuleResult>> suite : bySuite.entrySet()) {
        List<RuleResult> cases = suite.getValue();
        String title = r.rule(suite.getKey()).map(Rule::title).orElse(suite.getKey());
        w.writeCharacters("  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", XmlText.of(suite.getKey() + " " + title));
        w.writeAttribute("tests", String.valueOf(cases.size()));
        w.writeAttribute("failures", String.valueOf(count(cases, RuleResult.Status.FAIL)));
        w.writeAttribute("errors", String.valueOf(count(cases, RuleResult.Status.ERROR)));
        w.writeAttribute("skipped", String.valueOf(count(cases, RuleResult.Status.WAIVED)));
        w.writeAttribute("timestamp", r.asOf() + "T00:00:00");
        w.writeCharacters("\n");
        for (RuleResult c : cases) {
          w.writeCharacters("    ");
          w.writeStartElement("testcase");
          w.writeAttribute("classname", c.rule());
          w.writeAttribute("name", XmlText.of(c.entity()));
          List<Finding> fs = byCase.getOrDefault(c.rule() + "|" + c.entity(), List.of());
          if (c.status() == RuleResult.Status.WAIVED) {
            w.writeStartElement("skipped");
            w.writeAttribute("message", XmlText.of("waived: " + fs.stream().map(f -> f.waiver().orElse("")).distinct().reduce((a, b) -> a + ", " + b).orElse("")));
            w.writeEndElement();
          } else if (c.status() != RuleResult.Status.PASS) {
            boolean error = c.status() == RuleResult.Status.ERROR;
            for (Finding f : fs) {
              if (f.waived()) {
                continue;
              }
              w.writeStartElement(error ? "error" : "failure");
              w.writeAttribute("type", f.severity().label());
              w.writeAttribute("message", XmlText.of(f.message()));
              StringBuilder body = new StringBuilder();
              f.location().ifPresent(l -> body.append(l).append('\n'));
              body.append("path: ").append(String.join(" -> ", f.path()));
              r.rule(f.rule()).flatMap(Rule::remediation).ifPresent(u -> body.append("\nremediation: ").append(u));
              w.writeCharacters(XmlText.of(body.toString()));
              w.writeEndElement();
            }
          }
          w.writeEndElement();
          w.writeCharacters("\n");
        }
        w.writeCharacters("  ");
        w.writeEndElement();
        w.writeCharacters("\n");
      }
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.flush();
    } catch (XMLStreamException e) {
      throw new IOException("could not write JUnit XML: " + e.getMessage(), e);
    }
  }

  private static long count(List<RuleResult> results, RuleResult.Status status) {
    return results.stream().filter(x -> x.status() == status).count();
  }

  // ---------------------------------------------------------------------------------------------- Markdown

  /**
   * Writes the Markdown summary.
   *
   * @param r the report
   * @param out the writer
   * @throws IOException when writing fails
   */
  public static void markdown(Report r, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    Map<Severity, Integer> counts = r.counts();
    int open = counts.values().stream().mapToInt(Integer::intValue).sum();
    sb.append("## Governance report (as of ").append(r.asOf()).append(")\n\n");
    sb.append(open == 0 ? "No open findings" : open + " open finding" + (open == 1 ? "" : "s"))
        .append(" over ").append(r.entityCount()).append(" entities and ").append(r.rules().size()).append(" rules.\n\n");
    sb.append("| Severity | Open |").append(r.baselineUsed() ? " New |" : "").append('\n');
    sb.append("| --- | ---: |").append(r.baselineUsed() ? " ---: |" : "").append('\n');
    for (Severity s : Severity.values()) {
      sb.append("| ").append(s.label()).append(" | ").append(counts.get(s)).append(" |");
      if (r.baselineUsed()) {
        sb.append(' ').append(r.findings().stream().filter(f -> f.severity() == s && !f.waived() && f.isNew()).count()).append(" |");
      }
      sb.append('\n');
    }
    long waived = r.findings().stream().filter(Finding::waived).count();
    sb.append("\nWaived: ").append(waived).append('.');
    long expired = r.waivers().stream().filter(w -> w.state() == WaiverStatus.State.EXPIRED).count();
    long invalid = r.waivers().stream().filter(w -> w.state() == WaiverStatus.State.INVALID).count();
    if (expired + invalid > 0) {
      sb.append(" Expired waivers: ").append(expired).append(", invalid waivers: ").append(invalid).append('.');
    }
    sb.append("\n\n");
    List<Finding> top = r.findings().stream().filter(f -> !f.waived()).limit(50).collect(java.util.stream.Collectors.toList());
    if (!top.isEmpty()) {
      sb.append("### Findings\n\n| Severity | Rule | Entity | Message |\n| --- | --- | --- | --- |\n");
      for (Finding f : top) {
        String rule = r.rule(f.rule()).flatMap(Rule::remediation).map(u -> "[" + f.rule() + "](" + u + ")").orElse(f.rule());
        sb.append("| ").append(f.severity().label()).append(f.isNew() || !r.baselineUsed() ? "" : " (known)")
            .append(" | ").append(rule).append(" | `").append(f.entity()).append("` | ")
            .append(md(f.message())).append(" |\n");
      }
      if (open > top.size()) {
        sb.append("\n…and ").append(open - top.size()).append(" more.\n");
      }
      sb.append('\n');
    }
    if (!r.entityScores().isEmpty()) {
      Map<String, Integer> levels = new LinkedHashMap<>();
      levels.put("none", 0);
      r.levels().forEach(l -> levels.put(l, 0));
      r.entityScores().forEach(s -> levels.merge(s.level().orElse("none"), 1, Integer::sum));
      sb.append("### Scorecards\n\n| Level | Entities |\n| --- | ---: |\n");
      levels.forEach((l, n) -> sb.append("| ").append(l).append(" | ").append(n).append(" |\n"));
      sb.append('\n');
    }
    out.write(sb.toString());
  }

  private static String md(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  // ---------------------------------------------------------------------------------------------- text

  /**
   * Writes one line per open finding and a summary.
   *
   * @param r the report
   * @param out the writer
   * @throws IOException when writing fails
   */
  public static void text(Report r, Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (GovernanceException p : r.problems()) {
      sb.append(p.getMessage()).append('\n');
    }
    for (Finding f : r.findings()) {
      if (f.waived()) {
        continue;
      }
      f.location().ifPresent(l -> sb.append(l).append(": "));
      sb.append(f.severity().label()).append(' ').append(f.rule());
      if (!f.check().isEmpty()) {
        sb.append(" [").append(f.check()).append(']');
      }
      if (f.error()) {
        sb.append(" (error)");
      }
      if (r.baselineUsed() && !f.isNew()) {
        sb.append(" (known)");
      }
      sb.append(' ').append(f.entity()).append(": ").append(f.message()).append('\n');
      f.notes().forEach(n -> sb.append("    note: ").append(n).append('\n'));
    }
    for (WaiverStatus w : r.waivers()) {
      if (w.state() == WaiverStatus.State.EXPIRED || w.state() == WaiverStatus.State.INVALID) {
        w.waiver().location().ifPresent(l -> sb.append(l).append(": "));
        sb.append("waiver ").append(w.waiver().id()).append(' ').append(w.state().label()).append(": ")
            .append(w.reason().orElse("")).append('\n');
      }
    }
    Map<Severity, Integer> c = r.counts();
    sb.append(r.entityCount()).append(" entities, ").append(r.rules().size()).append(" rules, as of ").append(r.asOf())
        .append(": ");
    StringBuilder parts = new StringBuilder();
    for (Severity s : Severity.values()) {
      if (c.get(s) > 0) {
        parts.append(parts.length() == 0 ? "" : ", ").append(c.get(s)).append(' ').append(s.label());
      }
    }
    sb.append(parts.length() == 0 ? "no open findings" : parts).append(", ")
        .append(r.findings().stream().filter(Finding::waived).count()).append(" waived\n");
    out.write(sb.toString());
  }
}
