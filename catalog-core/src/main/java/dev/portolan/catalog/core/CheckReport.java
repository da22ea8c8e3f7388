package dev.portolan.catalog.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.core.internal.XmlText;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.SourcePosition;
import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The findings of a catalog check written as a report file for CI: SARIF 2.1.0 (code scanning), JUnit XML
 * (test report views) or JSON. The {@code portolan check} command and the Maven plugin's {@code validate} and
 * {@code check} goals write their reports with this class, so the formats are the same everywhere.
 *
 * <pre>{@code
 * CatalogSnapshot snapshot = catalog.snapshot();
 * CheckReport report = CheckReport.builder()
 *     .snapshot(snapshot)                       // every entity and every problem
 *     .baseDirectory(Path.of("").toAbsolutePath())
 *     .toolVersion("1.2.0")
 *     .build();
 * try (Writer out = Files.newBufferedWriter(Path.of("target/check.sarif"))) {
 *   report.writeSarif(out);
 * }
 * }</pre>
 *
 * <p><b>Checks and subjects.</b> A report covers a set of checks, one per {@link CatalogProblem.Kind} (all of
 * them unless {@link Builder#checks} narrows the set; a problem's kind is always included), and a set of
 * subjects: the entities that went through the checks ({@link Builder#entity}, {@link Builder#snapshot}) and,
 * after them, every entity ref or file that a problem names and that is not one of those entities (an invalid
 * document, an unreadable file).
 *
 * <p><b>File names.</b> With a {@linkplain Builder#baseDirectory base directory}, a file below it is written
 * relative to it, with {@code /} separators, in every format; in SARIF its artifact location carries
 * {@code uriBaseId} {@value #SRCROOT}, which the run's {@code originalUriBaseIds} maps to the base directory,
 * so a consumer can resolve the report on another machine. Other local files are written as absolute
 * {@code file:} URIs; remote targets ({@code https://...}) as written; problems of entity providers
 * ({@code provider:<name>}) have only a logical location, the entity ref.
 *
 * <p>A built report is immutable and thread-safe; each {@code write} method may be called any number of times.
 * The methods write to the given {@link Writer}, flush it and leave it open; the XML and JSON are Unicode
 * text meant to be stored as UTF-8.
 */
public final class CheckReport {

  /** The SARIF {@code uriBaseId} of files below the base directory. */
  public static final String SRCROOT = "%SRCROOT%";

  /** The tool name in reports. */
  private static final String TOOL = "portolan";

  private final List<CatalogProblem> problems;
  private final Map<String, Subject> subjects;
  private final int entityCount;
  private final List<CatalogProblem.Kind> checks;
  private final Optional<String> toolVersion;
  private final Optional<Path> baseDirectory;
  private final String suiteName;

  /** One thing the checks were run on: an entity, or a file without one. */
  private record Subject(String name, String file, boolean checked) {}

  private CheckReport(Builder b) {
    this.problems = List.copyOf(b.problems);
    this.toolVersion = b.toolVersion;
    this.baseDirectory = b.baseDirectory;
    this.suiteName = b.suiteName;
    Set<CatalogProblem.Kind> kinds = b.checks.isEmpty() ? EnumSet.allOf(CatalogProblem.Kind.class)
        : EnumSet.copyOf(b.checks);
    problems.forEach(p -> kinds.add(p.kind()));
    this.checks = List.copyOf(kinds);
    Map<String, Subject> s = new LinkedHashMap<>();
    b.entities.forEach((ref, file) -> s.putIfAbsent(refKey(ref), new Subject(ref.toString(), display(file), true)));
    this.entityCount = s.size();
    for (CatalogProblem p : problems) {
      s.putIfAbsent(subjectKey(p), new Subject(p.ref().map(EntityRef::toString).orElse(display(p.file())),
          display(p.file()), false));
    }
    this.subjects = s;
  }

  /**
   * Starts a report with no entities, no problems, every check, no tool version and no base directory.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every problem of the report, in the order they were added.
   *
   * @return the problems, unmodifiable
   */
  public List<CatalogProblem> problems() {
    return problems;
  }

  /**
   * The checks the report covers, in {@link CatalogProblem.Kind} order: the SARIF rules and the JUnit suites.
   *
   * @return the checks, unmodifiable
   */
  public List<CatalogProblem.Kind> checks() {
    return checks;
  }

  /**
   * The number of distinct entities that went through the checks.
   *
   * @return the entity count
   */
  public int entityCount() {
    return entityCount;
  }

  /**
   * The number of problems of {@link CatalogProblem.Severity#ERROR} severity.
   *
   * @return the error count
   */
  public long errorCount() {
    return problems.stream().filter(p -> p.severity() == CatalogProblem.Severity.ERROR).count();
  }

  /**
   * The number of problems of {@link CatalogProblem.Severity#WARNING} severity.
   *
   * @return the warning count
   */
  public long warningCount() {
    return problems.size() - errorCount();
  }

  /**
   * A file name as the report writes it: relative to the base directory with {@code /} separators when the file
   * is below it, absolute otherwise; remote targets and {@code provider:<name>} unchanged.
   */
  private String display(String file) {
    Optional<Path> local = localPath(file);
    if (local.isEmpty()) {
      return file;
    }
    Path p = local.get();
    Optional<Path> relative = relative(p);
    if (relative.isPresent()) {
      return slashes(relative.get());
    }
    return baseDirectory.isPresent() ? p.toString() : file;
  }

  /**
   * Writes a SARIF 2.1.0 log: one run, one rule per check (id {@link CatalogProblem.Kind#ruleId()}, short
   * description {@link CatalogProblem.Kind#description()}), one result per problem with its level
   * ({@code error} or {@code warning}), message ({@code <entity ref>: <field path>: <message>}), physical location
   * (file and 1-based line and column, when known) and logical location (the entity ref, when known).
   *
   * @param out where to write; flushed, not closed
   * @throws IOException when writing fails
   */
  public void writeSarif(Writer out) throws IOException {
    ObjectMapper mapper = mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", TOOL);
    toolVersion.ifPresent(v -> driver.put("version", v));
    driver.put("informationUri", "https://portolan.dev");
    ArrayNode rules = driver.putArray("rules");
    for (CatalogProblem.Kind k : checks) {
      rules.addObject().put("id", k.ruleId()).putObject("shortDescription").put("text", k.description());
    }
    baseDirectory.ifPresent(base -> {
      ObjectNode srcroot = run.putObject("originalUriBaseIds").putObject(SRCROOT);
      String uri = base.toUri().toString();
      srcroot.put("uri", uri.endsWith("/") ? uri : uri + "/");
      srcroot.putObject("description").put("text", "The directory file names are relative to.");
    });
    run.put("columnKind", "unicodeCodePoints");
    ArrayNode results = run.putArray("results");
    for (CatalogProblem p : problems) {
      ObjectNode r = results.addObject();
      r.put("ruleId", p.kind().ruleId()).put("ruleIndex", checks.indexOf(p.kind()));
      r.put("level", p.severity() == CatalogProblem.Severity.ERROR ? "error" : "warning");
      StringBuilder msg = new StringBuilder();
      p.ref().ifPresent(ref -> msg.append(ref).append(": "));
      if (!p.path().isRoot()) {
        msg.append(p.path()).append(": ");
      }
      r.putObject("message").put("text", msg.append(p.message()).toString());
      ObjectNode location = mapper.createObjectNode();
      if (!p.file().startsWith("provider:")) {
        ObjectNode phys = location.putObject("physicalLocation");
        artifactLocation(phys.putObject("artifactLocation"), p.file());
        p.position().ifPresent(pos -> phys.putObject("region").put("startLine", pos.line())
            .put("startColumn", pos.column()));
      }
      p.ref().ifPresent(ref -> location.putArray("logicalLocations").addObject()
          .put("fullyQualifiedName", ref.toString()).put("kind", "object"));
      if (!location.isEmpty()) {
        r.putArray("locations").add(location);
      }
    }
    write(mapper, out, root);
  }

  /**
   * Writes a JUnit XML report: a {@code <testsuites>} element with one {@code <testsuite>} per check (named by
   * its rule id) and in each one {@code <testcase>} per entity (named by its ref; classname is the rule id;
   * {@code file} is the entity's file). A subject that is not an entity of the report (an invalid document, an
   * unreadable file) gets a test case only in the suites of its problems. A test case has one
   * {@code <failure>} when it has errors (type: the rule id; message: the first error; text: every error as
   * {@code file:line:col: ref: path: message}, one per line) and its warnings in {@code <system-out>}.
   *
   * @param out where to write; flushed, not closed
   * @throws IOException when writing fails
   */
  public void writeJunit(Writer out) throws IOException {
    Map<CatalogProblem.Kind, Map<String, List<CatalogProblem>>> byCheck = new LinkedHashMap<>();
    for (CatalogProblem.Kind k : checks) {
      Map<String, List<CatalogProblem>> cases = new LinkedHashMap<>();
      subjects.forEach((key, s) -> {
        if (s.checked()) {
          cases.put(key, new ArrayList<>());
        }
      });
      byCheck.put(k, cases);
    }
    for (CatalogProblem p : problems) {
      byCheck.get(p.kind()).computeIfAbsent(subjectKey(p), key -> new ArrayList<>()).add(p);
    }
    int tests = 0;
    int failures = 0;
    for (Map<String, List<CatalogProblem>> cases : byCheck.values()) {
      tests += cases.size();
      failures += (int) cases.values().stream().filter(CheckReport::hasError).count();
    }
    try {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("testsuites");
      w.writeAttribute("name", xml(suiteName));
      w.writeAttribute("tests", Integer.toString(tests));
      w.writeAttribute("failures", Integer.toString(failures));
      w.writeAttribute("errors", "0");
      for (Map.Entry<CatalogProblem.Kind, Map<String, List<CatalogProblem>>> suite : byCheck.entrySet()) {
        String rule = suite.getKey().ruleId();
        Map<String, List<CatalogProblem>> cases = suite.getValue();
        w.writeCharacters("\n  ");
        w.writeStartElement("testsuite");
        w.writeAttribute("name", rule);
        w.writeAttribute("tests", Integer.toString(cases.size()));
        w.writeAttribute("failures",
            Long.toString(cases.values().stream().filter(CheckReport::hasError).count()));
        w.writeAttribute("errors", "0");
        w.writeAttribute("skipped", "0");
        for (Map.Entry<String, List<CatalogProblem>> c : cases.entrySet()) {
          writeCase(w, rule, subjects.get(c.getKey()), c.getValue());
        }
        w.writeCharacters("\n  ");
        w.writeEndElement();
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeEndDocument();
      w.writeCharacters("\n");
      w.flush();
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
    }
    out.flush();
  }

  private void writeCase(XMLStreamWriter w, String rule, Subject subject, List<CatalogProblem> found)
      throws XMLStreamException {
    List<String> errors = new ArrayList<>();
    StringBuilder warnings = new StringBuilder();
    for (CatalogProblem p : found) {
      if (p.severity() == CatalogProblem.Severity.ERROR) {
        errors.add(line(p));
      } else {
        warnings.append("warning: ").append(line(p)).append('\n');
      }
    }
    w.writeCharacters("\n    ");
    if (found.isEmpty()) {
      w.writeEmptyElement("testcase");
    } else {
      w.writeStartElement("testcase");
    }
    w.writeAttribute("classname", rule);
    w.writeAttribute("name", xml(subject.name()));
    w.writeAttribute("file", xml(subject.file()));
    if (found.isEmpty()) {
      return;
    }
    if (!errors.isEmpty()) {
      w.writeStartElement("failure");
      w.writeAttribute("type", rule);
      w.writeAttribute("message", xml(errors.size() == 1 ? errors.get(0)
          : errors.get(0) + " (and " + (errors.size() - 1) + " more)"));
      w.writeCharacters(xml(String.join("\n", errors)));
      w.writeEndElement();
    }
    if (warnings.length() > 0) {
      w.writeStartElement("system-out");
      w.writeCharacters(xml(warnings.toString()));
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  /**
   * Writes the report as JSON: {@code {"entities": n, "errors": n, "warnings": n, "problems": [...]}}, each
   * problem with {@code severity} ({@code error} or {@code warning}), {@code kind} (the rule id), {@code file},
   * {@code line} and {@code column} (when known), {@code ref} (when known), {@code path} (empty for the whole
   * entity) and {@code message}.
   *
   * @param out where to write; flushed, not closed
   * @throws IOException when writing fails
   */
  public void writeJson(Writer out) throws IOException {
    ObjectMapper mapper = mapper();
    ObjectNode root = mapper.createObjectNode();
    long errors = errorCount();
    root.put("entities", entityCount).put("errors", errors).put("warnings", problems.size() - errors);
    ArrayNode list = root.putArray("problems");
    for (CatalogProblem p : problems) {
      ObjectNode n = list.addObject();
      n.put("severity", p.severity().name().toLowerCase(Locale.ROOT)).put("kind", p.kind().ruleId())
          .put("file", display(p.file()));
      p.position().ifPresent(pos -> n.put("line", pos.line()).put("column", pos.column()));
      p.ref().ifPresent(r -> n.put("ref", r.toString()));
      n.put("path", p.path().toString()).put("message", p.message());
    }
    write(mapper, out, root);
  }

  /** A problem as one line, with the file as the report shows it. */
  private String line(CatalogProblem p) {
    return new CatalogProblem(p.severity(), p.kind(), display(p.file()), p.position(), p.ref(), p.path(),
        p.message()).toString();
  }

  /** The text made safe for the JUnit XML report: see {@link XmlText#of}. */
  static String xml(String text) {
    return XmlText.of(text);
  }

  private static boolean hasError(List<CatalogProblem> found) {
    return found.stream().anyMatch(p -> p.severity() == CatalogProblem.Severity.ERROR);
  }

  /** Entity refs compare case-insensitively, as in Backstage. */
  private static String refKey(EntityRef ref) {
    return "ref:" + ref.toString().toLowerCase(Locale.ROOT);
  }

  private String subjectKey(CatalogProblem p) {
    return p.ref().map(CheckReport::refKey).orElseGet(() -> "file:" + display(p.file()));
  }

  private void artifactLocation(ObjectNode artifact, String file) {
    Optional<Path> local = localPath(file);
    if (local.isEmpty()) {
      artifact.put("uri", file);
      return;
    }
    Optional<Path> relative = relative(local.get());
    if (relative.isPresent()) {
      artifact.put("uri", encode(relative.get())).put("uriBaseId", SRCROOT);
    } else if (local.get().isAbsolute()) {
      artifact.put("uri", local.get().toUri().toString());
    } else {
      artifact.put("uri", encode(local.get()));
    }
  }

  /** The file as a local path (absolute when there is a base directory), empty for URLs and providers. */
  private Optional<Path> localPath(String file) {
    if (file.startsWith("provider:") || file.contains("://")) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(file);
      return Optional.of(baseDirectory.map(b -> b.resolve(p)).orElse(p).normalize());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The path relative to the base directory, when there is one and the path is below it. */
  private Optional<Path> relative(Path p) {
    return baseDirectory.filter(b -> p.startsWith(b) && !p.equals(b)).map(b -> b.relativize(p));
  }

  private static String slashes(Path p) {
    StringBuilder sb = new StringBuilder();
    for (Path part : p) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  /** A relative path as a relative URI reference: each segment percent-encoded, {@code /} between. */
  private static String encode(Path p) {
    StringBuilder sb = new StringBuilder();
    for (Path part : p) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return sb.toString();
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  private static void write(ObjectMapper mapper, Writer out, ObjectNode root) throws IOException {
    mapper.writeValue(out, root);
    out.write('\n');
    out.flush();
  }

  /**
   * Collects what a {@link CheckReport} covers. Not thread-safe; each {@link #build()} returns an independent
   * report.
   */
  public static final class Builder {

    private final List<CatalogProblem> problems = new ArrayList<>();
    private final Map<EntityRef, String> entities = new LinkedHashMap<>();
    private final Set<CatalogProblem.Kind> checks = EnumSet.noneOf(CatalogProblem.Kind.class);
    private Optional<String> toolVersion = Optional.empty();
    private Optional<Path> baseDirectory = Optional.empty();
    private String suiteName = "portolan check";

    private Builder() {}

    /**
     * Adds every entity and every problem of a snapshot.
     *
     * @param snapshot the checked catalog
     * @return this builder
     */
    public Builder snapshot(CatalogSnapshot snapshot) {
      for (CatalogEntity e : snapshot.entities()) {
        entity(e.ref(), e.file());
      }
      return problems(snapshot.problems());
    }

    /**
     * Adds an entity that went through the checks; in JUnit it gets a test case in every check's suite. An
     * entity added twice keeps its first file.
     *
     * @param ref the entity's ref
     * @param file the file the entity was read from, as a problem would name it
     * @return this builder
     */
    public Builder entity(EntityRef ref, String file) {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(file, "file");
      entities.putIfAbsent(ref, file);
      return this;
    }

    /**
     * Adds one problem.
     *
     * @param problem the problem
     * @return this builder
     */
    public Builder problem(CatalogProblem problem) {
      problems.add(Objects.requireNonNull(problem, "problem"));
      return this;
    }

    /**
     * Adds problems, in order.
     *
     * @param problems the problems
     * @return this builder
     */
    public Builder problems(Collection<CatalogProblem> problems) {
      problems.forEach(this::problem);
      return this;
    }

    /**
     * Narrows the checks the report covers (default: every {@link CatalogProblem.Kind}), e.g. to
     * {@link CatalogProblem.Kind#INVALID_ENTITY} for document validation alone. The kinds of the problems
     * added are always covered.
     *
     * @param checks the checks that were run; empty for all
     * @return this builder
     */
    public Builder checks(Collection<CatalogProblem.Kind> checks) {
      this.checks.clear();
      this.checks.addAll(checks);
      return this;
    }

    /**
     * Sets the version the SARIF tool driver reports.
     *
     * @param version e.g. {@code 1.2.0}; empty or blank for none
     * @return this builder
     */
    public Builder toolVersion(String version) {
      Objects.requireNonNull(version, "version");
      this.toolVersion = version.isBlank() ? Optional.empty() : Optional.of(version.strip());
      return this;
    }

    /**
     * Sets the directory file names are made relative to (usually the project or working directory), and
     * that SARIF's {@value CheckReport#SRCROOT} stands for. Relative file names of problems and entities are
     * resolved against it.
     *
     * @param directory the base directory; made absolute and normalised
     * @return this builder
     */
    public Builder baseDirectory(Path directory) {
      this.baseDirectory = Optional.of(directory.toAbsolutePath().normalize());
      return this;
    }

    /**
     * Sets the name of the JUnit {@code <testsuites>} element.
     *
     * @param name e.g. {@code portolan check} (the default)
     * @return this builder
     */
    public Builder suiteName(String name) {
      this.suiteName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Builds the report; the builder may be used further without changing it.
     *
     * @return the report
     */
    public CheckReport build() {
      return new CheckReport(this);
    }
  }
}
