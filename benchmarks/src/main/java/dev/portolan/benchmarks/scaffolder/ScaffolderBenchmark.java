package dev.portolan.benchmarks.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.scaffolder.ScaffoldRequest;
import dev.portolan.scaffolder.ScaffoldResult;
import dev.portolan.scaffolder.Scaffolder;
import dev.portolan.scaffolder.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

/**
 * Template engine and runner throughput: one step-input value, one skeleton file with a loop and
 * conditionals, and a whole dry run of a small template (load, validate, fetch:template over 20 files).
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
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** One typical step-input value: a sole expression with two filters. */
  @Benchmark
  public JsonNode renderValue() {
    return scaffolder.renderValue("${{ values.repoUrl | parseRepoUrl | pick('owner') }}", context);
  }

  /** One skeleton file: loop, conditionals, Backstage filters. */
  @Benchmark
  public String renderSkeletonFile() {
    return scaffolder.render(SKELETON_FILE, context);
  }

  /** A whole dry run: parameter validation, one fetch:template step over 20 files, output. */
  @Benchmark
  public ScaffoldResult dryRun() {
    return scaffolder.run(ScaffoldRequest.dryRun(template, values));
  }
}
