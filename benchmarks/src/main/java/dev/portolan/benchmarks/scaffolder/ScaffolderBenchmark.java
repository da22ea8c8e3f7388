package dev.portolan.benchmarks.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.scaffolder.ScaffoldRequest;
import dev.portolan.scaffolder.ScaffoldResult;
import dev.portolan.scaffolder.Scaffolder;
import dev.portolan.scaffolder.Template;
import dev.portolan.scaffolder.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Template engine and runner throughput: one step-input value, one skeleton file with a loop and
 * conditionals, every skeleton file and step value of the corpus templates, and a whole dry run of a small
 * template (load, validate, fetch:template over 20 files).
 *
 * <p>The corpus inputs ({@code corpus-renders.json}, written by {@code tools/oracle/scaffold-oracle.js
 * --bench-manifest}) are the same ones {@code tools/oracle/bench-nunjucks.js} renders with nunjucks 3.2.4:
 * the 42 {@code fetch:template} steps of the corpus runs that succeed (259 rendered files, 1.7 MB, and every
 * entry path) and the 459 input strings of their steps. The skeleton files are read from
 * {@code ${portolan.shared.dir}/corpus/templates} (default {@code ../shared}, relative to the working
 * directory). The {@link Cpu} counters report the process CPU time spent during measurement next to the wall
 * time, as {@code cpuNanos} and {@code calls} per iteration (CPU time per operation is their ratio).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScaffolderBenchmark {

  private static final String SKELETON_FILE = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: ${{ values.name | dump }}
        description: ${{ values.description | default("none") | dump }}
        annotations:
          github.com/project-slug: ${{ values.repoUrl | projectSlug }}
        tags:
      {%- for tag in values.tags %}
          - ${{ tag | lower | replace(" ", "-") }}
      {%- endfor %}
      spec:
        type: ${{ "service" if values.kind === "backend" else "website" }}
        owner: ${{ values.owner | parseEntityRef({ defaultKind: "group" }) | pick("name") }}
        lifecycle: experimental
      {% if values.system %}  system: ${{ values.system }}{% endif %}
      """;

  /** Process CPU time (all threads: the benchmark, the JIT compiler, the garbage collector) per iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cpu {
    /** CPU nanoseconds of the process during the iteration. */
    public long cpuNanos;
    /** Benchmark calls during the iteration. */
    public long calls;
    private long start;

    /** Resets the counters and notes the CPU time at the start of an iteration. */
    @Setup(Level.Iteration)
    public void start() {
      cpuNanos = 0;
      calls = 0;
      start = processCpu();
    }

    /** Records the CPU time the iteration took. */
    @TearDown(Level.Iteration)
    public void stop() {
      cpuNanos = processCpu() - start;
    }

    static long processCpu() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }
  }

  /** One skeleton of the corpus: its folder, the values it is rendered with, the entries it renders. */
  record Skeleton(JsonNode context, List<String> paths, List<String> contents) {}

  /** One step's input strings and the context they are rendered with. */
  record StepValues(JsonNode context, List<String> strings) {}

  private List<Skeleton> skeletons;
  private List<StepValues> stepValues;
  private Scaffolder scaffolder;
  private JsonNode context;
  private JsonNode values;
  private Template template;
  private Path dir;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    scaffolder = Scaffolder.builder().build();
    ObjectMapper m = new ObjectMapper();
    values = m.readTree("""
        {"name":"payments-api","description":"Takes payments","repoUrl":"github.com?owner=acme&repo=payments-api",
         "tags":["Java","Spring Boot","Payments","PCI"],"kind":"backend","owner":"team-pay","system":"billing"}""");
    context = m.createObjectNode().set("values", values);
    dir = Files.createTempDirectory("portolan-bench-");
    for (int i = 0; i < 20; i++) {
      Path f = dir.resolve("skeleton/${{ values.name }}/src/file" + i + ".yaml");
      Files.createDirectories(f.getParent());
      Files.writeString(f, SKELETON_FILE, StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("template.yaml"), """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: bench
        spec:
          type: service
          parameters:
            required: [name]
            properties:
              name: {type: string}
              owner: {type: string, default: team-pay}
          steps:
            - id: fetch
              action: fetch:template
              input:
                url: ./skeleton
                values:
                  name: ${{ parameters.name }}
                  owner: ${{ parameters.owner }}
                  repoUrl: github.com?owner=acme&repo=${{ parameters.name }}
                  tags: [a, b]
                  kind: backend
          output:
            links:
              - title: Repo
                url: https://github.com/acme/${{ parameters.name }}
        """, StandardCharsets.UTF_8);
    template = scaffolder.loadTemplate(dir.resolve("template.yaml"));
    loadCorpus(m);
  }

  private void loadCorpus(ObjectMapper m) throws IOException {
    Path corpus = Path.of(System.getProperty("portolan.shared.dir", "../shared")).resolve("corpus/templates");
    JsonNode manifest;
    try (InputStream in = ScaffolderBenchmark.class.getResourceAsStream("corpus-renders.json")) {
      manifest = m.readTree(in);
    }
    skeletons = new ArrayList<>();
    for (JsonNode s : manifest.get("skeletons")) {
      if (s.get("cookiecutterCompat").asBoolean() || s.get("trimBlocks").asBoolean()
          || s.get("lstripBlocks").asBoolean()) {
        throw new IllegalStateException("the corpus renders only use the default fetch:template options");
      }
      Path folder = corpus.resolve(s.get("skeleton").asText());
      List<String> paths = new ArrayList<>();
      s.get("paths").forEach(p -> paths.add(p.asText()));
      List<String> contents = new ArrayList<>();
      for (JsonNode f : s.get("contents")) {
        contents.add(Files.readString(folder.resolve(f.asText()), StandardCharsets.UTF_8));
      }
      skeletons.add(new Skeleton(m.createObjectNode().set("values", s.get("values")), paths, contents));
    }
    stepValues = new ArrayList<>();
    for (JsonNode v : manifest.get("values")) {
      List<String> strings = new ArrayList<>();
      v.get("strings").forEach(x -> strings.add(x.asText()));
      stepValues.add(new StepValues(v.get("context"), strings));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * One typical step-input value: a sole expression with two filters.
   *
   * @param cpu the CPU counters
   * @return the value
   */
  @Benchmark
  public JsonNode renderValue(Cpu cpu) {
    cpu.calls++;
    return scaffolder.renderValue("${{ values.repoUrl | parseRepoUrl | pick('owner') }}", context);
  }

  /**
   * One skeleton file: loop, conditionals, Backstage filters.
   *
   * @param cpu the CPU counters
   * @return the text
   */
  @Benchmark
  public String renderSkeletonFile(Cpu cpu) {
    cpu.calls++;
    return scaffolder.render(SKELETON_FILE, context);
  }

  /**
   * Every rendered entry path and file of the corpus skeletons, with the values their template gives.
   *
   * @param cpu the CPU counters
   * @return the number of characters produced
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long renderCorpusSkeletons(Cpu cpu) {
    cpu.calls++;
    long chars = 0;
    for (Skeleton s : skeletons) {
      for (String p : s.paths()) {
        chars += scaffolder.render(p, s.context()).length();
      }
      for (String c : s.contents()) {
        chars += scaffolder.render(c, s.context()).length();
      }
    }
    return chars;
  }

  /**
   * Every step-input string of the corpus runs, rendered as the runner renders values.
   *
   * @param cpu the CPU counters
   * @param bh the sink
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void renderCorpusStepValues(Cpu cpu, Blackhole bh) {
    cpu.calls++;
    for (StepValues v : stepValues) {
      for (String s : v.strings()) {
        try {
          bh.consume(scaffolder.renderValue(s, v.context()));
        } catch (TemplateException e) {
          // the runner keeps such a string as written; nunjucks throws for it too
          bh.consume(e);
        }
      }
    }
  }

  /**
   * A whole dry run: parameter validation, one fetch:template step over 20 files, output.
   *
   * @param cpu the CPU counters
   * @return the result
   */
  @Benchmark
  public ScaffoldResult dryRun(Cpu cpu) {
    cpu.calls++;
    return scaffolder.run(ScaffoldRequest.dryRun(template, values));
  }
}
