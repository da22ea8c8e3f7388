package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

  static final String VALID = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: payments
      spec:
        type: service
        lifecycle: production
        owner: team-a
      """;

  static final String INVALID = """
      apiVersion: backstage.io/v1alpha1
      kind: Component
      metadata:
        name: bad name
      spec:
        type: service
        lifecycle: production
        owner: team-a
      """;

  static final String TEMPLATE = """
      apiVersion: scaffolder.backstage.io/v1beta3
      kind: Template
      metadata:
        name: tpl
      spec:
        type: service
        steps: []
      """;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = PortolanCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void validate_allValid_exitsZeroWithSummary(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("catalog-info.yaml"), VALID);
    Run r = run("validate", dir.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("1 file, 1 document: 1 valid, 0 invalid, 0 problems (profile app)\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void validate_invalid_textLinesAreLocated(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, INVALID);
    Run r = run("validate", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).startsWith(f + ":4:9: component:default/bad name: metadata.name: expected a string");
    assertThat(r.out()).contains("1 file, 1 document: 0 valid, 1 invalid, 1 problem (profile app)");
  }

  @Test
  void validate_manyFiles_resultsInFileOrder(@TempDir Path dir) throws Exception {
    // more files than the validation threads keep in flight, sizes varying so they finish out of order
    int files = 40;
    for (int i = 0; i < files; i++) {
      StringBuilder yaml = new StringBuilder();
      for (int d = 0; d <= (i * 7) % 13; d++) {
        yaml.append(VALID.replace("payments", "svc-" + i + "-" + d)).append("---\n");
      }
      Files.writeString(dir.resolve(String.format("f%02d.yaml", i)), yaml.toString());
    }
    Files.writeString(dir.resolve("f17.yaml"), INVALID);
    Run r = run("validate", "--format", "jsonl", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    ObjectMapper m = new ObjectMapper();
    List<String> seen = new java.util.ArrayList<>();
    for (String line : r.out().lines().toList()) {
      JsonNode o = m.readTree(line);
      seen.add(Path.of(o.get("file").textValue()).getFileName() + "#" + o.get("document").asInt());
    }
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < files; i++) {
      int docs = i == 17 ? 1 : (i * 7) % 13 + 1;
      for (int d = 0; d < docs; d++) {
        expected.add(String.format("f%02d.yaml#%d", i, d));
      }
    }
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @Test
  void validate_jsonl_oneObjectPerDocument(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("multi.yaml");
    Files.writeString(f, VALID + "---\n" + INVALID);
    Run r = run("validate", "--format", "jsonl", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    ObjectMapper m = new ObjectMapper();
    JsonNode first = m.readTree(lines.get(0));
    assertThat(first.get("file").textValue()).isEqualTo(f.toString());
    assertThat(first.get("document").asInt()).isZero();
    assertThat(first.get("ref").textValue()).isEqualTo("component:default/payments");
    assertThat(first.get("kind").textValue()).isEqualTo("Component");
    assertThat(first.get("valid").booleanValue()).isTrue();
    assertThat(first.get("errors").size()).isZero();
    JsonNode second = m.readTree(lines.get(1));
    assertThat(second.get("document").asInt()).isEqualTo(1);
    JsonNode e = second.get("errors").get(0);
    assertThat(e.get("path").textValue()).isEqualTo("metadata.name");
    assertThat(e.get("line").asInt()).isEqualTo(13);
    assertThat(e.get("column").asInt()).isEqualTo(9);
    assertThat(e.get("message").textValue()).contains("found \"bad name\"");
  }

  @Test
  void validate_json_hasResultsAndSummary(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), VALID);
    Files.writeString(dir.resolve("b.yml"), INVALID);
    Files.writeString(dir.resolve("c.json"), "{\"apiVersion\": 1}");
    Files.writeString(dir.resolve("notes.txt"), "not a descriptor");
    Run r = run("validate", "--format=json", dir.toString());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("results").size()).isEqualTo(3);
    assertThat(root.get("summary").get("files").asInt()).isEqualTo(3);
    assertThat(root.get("summary").get("valid").asInt()).isEqualTo(1);
    assertThat(root.get("summary").get("invalid").asInt()).isEqualTo(2);
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void validate_profileCore_rejectsTemplate(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("template.yaml");
    Files.writeString(f, TEMPLATE);
    assertThat(run("validate", f.toString()).exit()).isZero();
    Run core = run("validate", "--profile", "core", f.toString());
    assertThat(core.exit()).isEqualTo(1);
    assertThat(core.out()).contains("kind: unknown kind \"Template\"");
  }

  @Test
  void validate_unreadableFile_reportedAndOthersContinue(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("a-binary.yaml"), new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE});
    Files.writeString(dir.resolve("b-good.yaml"), VALID);
    Run r = run("validate", "--format", "jsonl", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("\"valid\":false").contains("invalid UTF-8");
    assertThat(lines.get(1)).contains("\"valid\":true");
  }

  @Test
  void validate_usageErrors_exitTwo() {
    Run unknown = run("validate", "--nope", "x");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown option");
    assertThat(run("validate").exit()).isEqualTo(2);
    assertThat(run("validate", "--profile", "full", ".").exit()).isEqualTo(2);
    assertThat(run("validate", "--format", "xml", ".").exit()).isEqualTo(2);
    Run missing = run("validate", "/definitely/not/here.yaml");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file or directory");
  }

  @Test
  void main_run_usesSameCommand(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x.yaml"), VALID);
    assertThat(Main.run("validate", "--format", "jsonl", dir.toString())).isZero();
  }
}
