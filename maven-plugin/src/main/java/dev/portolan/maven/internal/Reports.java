package dev.portolan.maven.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes the findings of the {@code validate} and {@code check} goals as SARIF 2.1.0 and JUnit XML. */
public final class Reports {

  private Reports() {}

  /**
   * Writes a SARIF 2.1.0 log with one result per finding.
   *
   * @param file the file to write
   * @param rules the rule ids and their short descriptions, in order
   * @param problems the findings
   * @throws IOException when the file cannot be written
   */
  public static void sarif(Path file, Map<String, String> rules, List<Problem> problems) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "portolan").put("informationUri", "https://portolan.dev");
    ArrayNode ruleArray = driver.putArray("rules");
    List<String> ids = new ArrayList<>(rules.keySet());
    rules.forEach((id, text) -> ruleArray.addObject().put("id", id).putObject("shortDescription").put("text", text));
    ArrayNode results = run.putArray("results");
    for (Problem p : problems) {
      ObjectNode r = results.addObject();
      r.put("ruleId", p.rule());
      if (ids.contains(p.rule())) {
        r.put("ruleIndex", ids.indexOf(p.rule()));
      }
      r.put("level", p.error() ? "error" : "warning");
      StringBuilder msg = new StringBuilder();
      p.ref().ifPresent(ref -> msg.append(ref).append(": "));
      if (!p.path().isEmpty()) {
        msg.append(p.path()).append(": ");
      }
      r.putObject("message").put("text", msg.append(p.message()).toString());
      ObjectNode phys = r.putArray("locations").addObject().putObject("physicalLocation");
      phys.putObject("artifactLocation").put("uri", uri(p.file()));
      if (p.line() > 0) {
        phys.putObject("region").put("startLine", p.line()).put("startColumn", Math.max(1, p.column()));
      }
      p.ref().ifPresent(ref -> r.putArray("logicalLocations").addObject()
          .put("fullyQualifiedName", ref).put("kind", "object"));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      mapper.writeValue(w, root);
    }
  }

  private static String uri(String file) {
    StringBuilder sb = new StringBuilder();
    for (String part : file.replace('\\', '/').split("/", -1)) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(java.net.URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return sb.toString();
  }

  /**
   * Writes a JUnit XML report: one test case per file (every file read, so passing files show as passed
   * tests), a failure per error, the warnings as the case's system-out.
   *
   * @param file the file to write
   * @param suite the test suite name
   * @param files every file read, as shown to the user
   * @param problems the findings
   * @throws IOException when the file cannot be written
   */
  public static void junit(Path file, String suite, List<String> files, List<Problem> problems) throws IOException {
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    files.forEach(f -> byFile.put(f, new ArrayList<>()));
    problems.forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
    long failures = byFile.values().stream().filter(l -> l.stream().anyMatch(Problem::error)).count();
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("testsuite");
      w.writeAttribute("name", suite);
      w.writeAttribute("tests", Integer.toString(byFile.size()));
      w.writeAttribute("failures", Long.toString(failures));
      w.writeAttribute("errors", "0");
      w.writeAttribute("skipped", "0");
      for (Map.Entry<String, List<Problem>> e : byFile.entrySet()) {
        w.writeCharacters("\n  ");
        w.writeStartElement("testcase");
        w.writeAttribute("classname", suite);
        w.writeAttribute("name", e.getKey());
        StringBuilder warnings = new StringBuilder();
        for (Problem p : e.getValue()) {
          if (p.error()) {
            w.writeStartElement("failure");
            w.writeAttribute("type", p.rule());
            w.writeAttribute("message", p.toString());
            w.writeCharacters(p.toString());
            w.writeEndElement();
          } else {
            warnings.append("warning: ").append(p).append('\n');
          }
        }
        if (warnings.length() > 0) {
          w.writeStartElement("system-out");
          w.writeCharacters(warnings.toString());
          w.writeEndElement();
        }
        w.writeEndElement();
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeEndDocument();
      w.writeCharacters("\n");
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException(file + ": cannot write the JUnit report: " + e.getMessage(), e);
    }
  }
}
