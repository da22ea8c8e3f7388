package dev.portolan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CatalogSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portolan check}: validation, dangling relations, conflicts, dependsOn cycles and Location errors of
 * a whole catalog, for CI. Exit 1 on any error.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Checks a whole catalog: invalid entities, dangling relations, conflicts, dependsOn cycles, "
        + "Location errors. Exits with 1 when any error is found.")
public final class CheckCommand implements Callable<Integer> {


  /** One problem in the text format: {@code <severity>: <problem>}. */
  static String textLine(CatalogProblem p) {
    return p.severity().name().toLowerCase(Locale.ROOT) + ": " + p;
  }

  /** The last line of the text format. */
  static String summaryLine(int entities, long errors, long warnings) {
    return entities + " entities, " + errors + " error(s), " + warnings + " warning(s)";
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, directories or globs")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", description = "text, json, sarif or junit (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--profile", defaultValue = "app", description = "app or core (default: ${DEFAULT-VALUE})")
  String profile;

  @Override
  public Integer call() throws Exception {
    CommandLine cmd = spec.commandLine();
    if (!List.of("text", "json", "sarif", "junit").contains(format)) {
      throw new CommandLine.ParameterException(cmd, "--format must be text, json, sarif or junit, found " + format);
    }
    Catalog catalog = CatalogLoading.load(paths, CatalogLoading.profile(profile, cmd), cmd);
    CatalogSnapshot s = catalog.snapshot();
    List<CatalogProblem> problems = s.problems();
    long errors = problems.stream().filter(p -> p.severity() == CatalogProblem.Severity.ERROR).count();
    PrintWriter out = cmd.getOut();
    ObjectMapper mapper = new ObjectMapper();
    switch (format) {
      case "json" -> {
        ObjectNode root = mapper.createObjectNode();
        root.put("entities", s.size()).put("errors", errors).put("warnings", problems.size() - errors);
        ArrayNode list = root.putArray("problems");
        for (CatalogProblem p : problems) {
          ObjectNode n = list.addObject();
          n.put("severity", p.severity().name().toLowerCase(Locale.ROOT)).put("kind", p.kind().ruleId())
              .put("file", p.file());
          p.position().ifPresent(pos -> n.put("line", pos.line()).put("column", pos.column()));
          p.ref().ifPresent(r -> n.put("ref", r.toString()));
          n.put("path", p.path().toString()).put("message", p.message());
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      }
      case "sarif" -> out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(sarif(mapper, problems)));
      case "junit" -> out.print(junit(s, problems));
      default -> {
        for (CatalogProblem p : problems) {
          out.println(textLine(p));
        }
        out.println(summaryLine(s.size(), errors, problems.size() - errors));
      }
    }
    out.flush();
    return errors > 0 ? PortolanCommand.EXIT_FINDINGS : 0;
  }

  /** A SARIF 2.1.0 log with one result per problem. */
  static ObjectNode sarif(ObjectMapper mapper, List<CatalogProblem> problems) {
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "portolan").put("informationUri", "https://portolan.dev");
    ArrayNode rules = driver.putArray("rules");
    List<CatalogProblem.Kind> kinds = List.of(CatalogProblem.Kind.values());
    for (CatalogProblem.Kind k : kinds) {
      rules.addObject().put("id", k.ruleId()).putObject("shortDescription").put("text", k.description());
    }
    ArrayNode results = run.putArray("results");
    for (CatalogProblem p : problems) {
      ObjectNode r = results.addObject();
      r.put("ruleId", p.kind().ruleId()).put("ruleIndex", kinds.indexOf(p.kind()));
      r.put("level", p.severity() == CatalogProblem.Severity.ERROR ? "error" : "warning");
      StringBuilder msg = new StringBuilder();
      p.ref().ifPresent(ref -> msg.append(ref).append(": "));
      if (!p.path().isRoot()) {
        msg.append(p.path()).append(": ");
      }
      r.putObject("message").put("text", msg.append(p.message()).toString());
      ObjectNode location = r.putArray("locations").addObject();
      if (!p.file().startsWith("provider:")) {
        ObjectNode phys = location.putObject("physicalLocation");
        phys.putObject("artifactLocation").put("uri", uri(p.file()));
        p.position().ifPresent(pos -> phys.putObject("region").put("startLine", pos.line())
            .put("startColumn", pos.column()));
      }
      p.ref().ifPresent(ref -> location.putArray("logicalLocations").addObject()
          .put("fullyQualifiedName", ref.toString()).put("kind", "object"));
    }
    return root;
  }

  private static String uri(String file) {
    Path p = Path.of(file);
    if (p.isAbsolute()) {
      return p.toUri().toString();
    }
    StringBuilder sb = new StringBuilder();
    for (Path part : p.normalize()) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8)
          .replace("+", "%20"));
    }
    return sb.toString();
  }

  /** A JUnit XML report: one test case per file, a failure per error, the warnings as system-out. */
  static String junit(CatalogSnapshot s, List<CatalogProblem> problems) throws XMLStreamException {
    Map<String, List<CatalogProblem>> byFile = new LinkedHashMap<>();
    for (CatalogProblem p : problems) {
      byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
    }
    for (var e : s.entities()) {
      byFile.computeIfAbsent(e.file(), f -> new ArrayList<>());
    }
    long failures = byFile.values().stream()
        .filter(l -> l.stream().anyMatch(p -> p.severity() == CatalogProblem.Severity.ERROR)).count();
    StringWriter sw = new StringWriter();
    XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(sw);
    w.writeStartDocument("UTF-8", "1.0");
    w.writeCharacters("\n");
    w.writeStartElement("testsuites");
    w.writeStartElement("testsuite");
    w.writeAttribute("name", "portolan check");
    w.writeAttribute("tests", Integer.toString(byFile.size()));
    w.writeAttribute("failures", Long.toString(failures));
    w.writeAttribute("errors", "0");
    for (Map.Entry<String, List<CatalogProblem>> e : byFile.entrySet()) {
      w.writeCharacters("\n  ");
      w.writeStartElement("testcase");
      w.writeAttribute("classname", "catalog");
      w.writeAttribute("name", e.getKey());
      for (CatalogProblem p : e.getValue()) {
        if (p.severity() == CatalogProblem.Severity.ERROR) {
          w.writeStartElement("failure");
          w.writeAttribute("type", p.kind().ruleId());
          w.writeAttribute("message", p.toString());
          w.writeCharacters(p.toString());
          w.writeEndElement();
        }
      }
      StringBuilder warnings = new StringBuilder();
      for (CatalogProblem p : e.getValue()) {
        if (p.severity() == CatalogProblem.Severity.WARNING) {
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
    w.writeEndElement();
    w.writeEndDocument();
    w.close();
    return sw.toString() + "\n";
  }
}
