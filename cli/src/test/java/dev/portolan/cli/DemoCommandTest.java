package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = PortolanCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Entities per kind (lower case) in Backstage's verdicts on the sample, all of which are valid. */
  private static Map<String, Integer> oracleKinds() throws IOException {
    Map<String, Integer> kinds = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = DemoCommandTest.class.getResourceAsStream("demo-oracle/oracle-app.jsonl")) {
      assertThat(in).isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        JsonNode r = json.readTree(line);
        assertThat(r.get("valid").asBoolean()).as(line).isTrue();
        String ref = r.get("ref").asText();
        kinds.merge(ref.substring(0, ref.indexOf(':')), 1, Integer::sum);
      }
    }
    return kinds;
  }

  @Test
  void demo_bundledSample_everyEntityValidAsInBackstage(@TempDir Path tmp) throws IOException {
    Run r = run("demo", "--dir", tmp.resolve("acme").toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    Map<String, Integer> kinds = oracleKinds();
    int total = kinds.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(r.out())
        .startsWith("Portolan demo: the Acme sample organisation\n")
        .contains("== 1. Validate the catalog (Backstage 'app' profile)")
        .contains("Read " + total + " entities from 5 files:")
        .contains("  catalog/org.yaml\n", "  templates/create-service/template.yaml\n")
        .contains("All " + total + " entities are valid.")
        .endsWith("Demo finished: every step passed.\n");
    for (Map.Entry<String, Integer> k : kinds.entrySet()) {
      int n = k.getValue();
      assertThat(r.out().toLowerCase(Locale.ROOT))
          .as("row of kind %s", k.getKey())
          .containsPattern("\\n  " + k.getKey() + " +" + n + " +" + n + " +0\\n");
    }
    assertThat(r.out()).containsPattern("\\n  Total +" + total + " +" + total + " +0\\n");
  }

  @Test
  void demo_ownerTable_resolvesShorthandOwnersToFullRefs(@TempDir Path tmp) {
    Run r = run("demo", "--dir", tmp.resolve("acme").toString());

    assertThat(r.out())
        .containsPattern("\\n  Owner +Entities  Kinds\\n")
        .containsPattern("\\n  group:default/team-ml +9  AiResource 5, API 1, Component 2, System 1\\n")
        .containsPattern("\\n  group:default/team-payments +7  API 1, Component 2, Domain 1, Resource 2, System 1\\n")
        .containsPattern("\\n  group:default/team-platform +4  Component 1, Domain 1, System 1, Template 1\\n")
        .contains("(18 entities have no owner: groups and users are the owners.)");
  }

  @Test
  void demo_withDir_keepsTheSampleFiles(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("acme");
    Run r = run("demo", "--dir", dir.toString());

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Sample files: " + dir.toAbsolutePath());
    for (String f : DemoSample.index()) {
      assertThat(dir.resolve(f)).isRegularFile();
    }
    assertThat(Files.readString(dir.resolve("templates/create-service/skeleton/catalog-info.yaml")))
        .contains("name: ${{ values.name }}");
  }

  @Test
  void demo_dirNotEmpty_usageErrorWithoutTouchingIt(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("mine.txt"), "mine");
    Run r = run("demo", "--dir", tmp.toString());

    assertThat(r.exitCode()).isEqualTo(PortolanCommand.EXIT_USAGE);
    assertThat(r.err()).isEqualTo("portolan demo: --dir: expected an empty folder, found files in " + tmp + "\n");
    assertThat(r.out()).isEmpty();
    try (var files = Files.list(tmp)) {
      assertThat(files.toList()).containsExactly(tmp.resolve("mine.txt"));
    }
  }

  @Test
  void demo_dirIsAFile_usageError(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Run r = run("demo", "--dir", file.toString());

    assertThat(r.exitCode()).isEqualTo(PortolanCommand.EXIT_USAGE);
    assertThat(r.err()).contains("--dir: expected a folder, found a file: " + file);
  }

  @Test
  void demo_unknownOption_usageError() {
    Run r = run("demo", "--frobnicate");

    assertThat(r.exitCode()).isEqualTo(PortolanCommand.EXIT_USAGE);
    assertThat(r.err()).contains("Unknown option: '--frobnicate'").doesNotContain("Exception");
  }

  @Test
  void demo_checkStep_summarisesEntitiesRelationsAndProblems(@TempDir Path tmp) {
    Run r = run("demo", "--dir", tmp.resolve("acme").toString());

    assertThat(r.out())
        .contains("== 2. Check the catalog: relations, dangling refs, cycles\n\n-> Loading 5 catalog files\n")
        .containsPattern("\\n  Kind +Entities\\n")
        .containsPattern("\\n  Component +8\\n")
        .containsPattern("\\n  dependsOn +9\\n")
        .containsPattern("\\n  dependencyOf +7\\n")
        .containsPattern("\\n  portolan/dangling-relation +0\\n")
        .containsPattern("\\n  portolan/depends-on-cycle +0\\n")
        .contains("\n51 entities, 0 error(s), 0 warning(s), 194 relations\n");
  }

  @Test
  void demo_graphStep_printsTreesAndWritesDotAndMermaid(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("acme");
    Run r = run("demo", "--dir", dir.toString());

    Path dot = dir.resolve("output/ledger-worker.dot").toAbsolutePath();
    Path mermaid = dir.resolve("output/ledger-worker.mmd").toAbsolutePath();
    assertThat(r.out())
        .contains("Dependencies (what ledger-worker depends on):\n"
            + "  component:default/ledger-worker\n"
            + "    resource:default/payments-db\n")
        .contains("Dependents (what depends on ledger-worker):\n"
            + "  component:default/ledger-worker\n"
            + "    component:default/payments-service\n")
        .contains("Wrote Graphviz DOT: " + dot + "\n")
        .contains("Wrote Mermaid flowchart: " + mermaid + "\n");
    String dotText = Files.readString(dot);
    assertThat(dotText).startsWith("digraph catalog {\n").endsWith("}\n")
        .contains("\"component:default/payments-service\" -> \"component:default/ledger-worker\"");
    assertThat(Files.readString(mermaid)).startsWith("flowchart LR\n").contains("-->|dependsOn|");
  }

  @Test
  void demo_governStep_printsScorecardPerTeamAndTopFindings(@TempDir Path tmp) {
    Run r = run("demo", "--dir", tmp.resolve("acme").toString());

    assertThat(r.out())
        .contains("== 4. Governance scorecard per team (built-in rule packs, as of 2026-11-01)\n")
        .contains("30 rules over 51 entities: 1 critical, 8 high, 19 medium, 0 low, 0 info\n")
        .containsPattern("\\n  Team +Owned Governed Score Failed none bronze silver gold\\n")
        .containsPattern("\\n  group:default/team-payments-risk +4 +3 +81 +4 +0 +3 +0 +0\\n")
        .containsPattern("\\n  group:default/team-storefront +7 +0 +- +- +- +- +- +-\\n")
        .containsPattern("\\n  group:default/privacy-office +0 +0 +- +- +- +- +- +-\\n")
        .contains("so 4 teams have nothing to score (-).\n")
        .contains("Top 10 findings:\n  critical EUA-02  component:default/fraud-scoring-service: ")
        .containsPattern("\\n  high +EUA-03 +component:default/fraud-scoring-service: ");
  }

  @Test
  void demo_doraStep_printsTeamTiersAndWritesHtmlWithCharts(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("acme");
    Run r = run("demo", "--dir", dir.toString());

    Path html = dir.resolve("output/dora.html").toAbsolutePath();
    assertThat(r.out())
        .contains("-> Reading delivery events from delivery/events.jsonl\n")
        .contains("DORA metrics [2026-08-02, 2026-11-01) (91 days, UTC), tiers dora-2023\n")
        .containsPattern("\\ngroup:default/team-payments-risk +13 +1\\.00 +high +10\\.9 d +medium ")
        .containsPattern("\\ngroup:default/team-storefront +346 ")
        .contains("Wrote DORA report (HTML, with weekly trend charts): " + html + "\n");
    String page = Files.readString(html);
    assertThat(page).contains("<svg").contains("group:default/team-storefront");
  }

  @Test
  void demo_scaffoldStep_registersTheNewServiceAndShowsTheChange(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("acme");
    Run r = run("demo", "--dir", dir.toString());

    Path descriptor = dir.resolve("output/ticket-triage/catalog-info.yaml").toAbsolutePath();
    assertThat(r.out())
        .contains("step fetch (fetch:template): completed\n")
        .contains("Wrote new service's catalog descriptor: " + descriptor + "\n")
        .contains("Added to the catalog: [component:default/ticket-triage]\n")
        .containsPattern("\\n  Component +8 +9 +\\+1\\n")
        .containsPattern("\\n  Entities +51 +52 +\\+1\\n")
        .containsPattern("\\n  Relations +194 +199 +\\+5\\n")
        .contains("New relations of [component:default/ticket-triage] (3; the other 2 new relations are their"
            + " inverses, on the other side):\n"
            + "  component:default/ticket-triage dependsOn airesource:default/support-assistant-llm\n"
            + "  component:default/ticket-triage ownedBy group:default/team-ml\n"
            + "  component:default/ticket-triage partOf system:default/customer-support\n")
        .containsPattern("\\n  Team +Governed +Score +Failed\\n")
        .containsPattern("\\n  group:default/team-ml +7 -> 8 71 -> 68 10 -> 11\\n")
        .contains("Findings after:  1 critical, 10 high, 19 medium, 0 low, 0 info\n")
        .contains("New findings (2):\n  high     EUA-04  component:default/ticket-triage: ");
    assertThat(Files.readString(descriptor)).contains("name: ticket-triage\n")
        .contains("  dependsOn: [\"airesource:default/support-assistant-llm\"]\n");
    for (String f : new String[] {"README.md", "docs/index.md", "mkdocs.yml"}) {
      assertThat(descriptor.resolveSibling(f)).isNotEmptyFile();
    }
  }

  @Test
  void demo_everyFileItNames_existsAndIsNotEmpty(@TempDir Path tmp) {
    Run r = run("demo", "--dir", tmp.resolve("acme").toString());

    var named = java.util.regex.Pattern.compile("(?m)^Wrote [^:]+: (.+)$").matcher(r.out()).results()
        .map(m -> Path.of(m.group(1))).toList();
    assertThat(named).hasSize(4);
    assertThat(named).allSatisfy(p -> assertThat(p).isNotEmptyFile());
  }

  @Test
  void demo_twoRuns_printTheSameReport(@TempDir Path tmp) {
    Run a = run("demo", "--dir", tmp.resolve("a").toString());
    Run b = run("demo", "--dir", tmp.resolve("b").toString());

    assertThat(a.out().replace(tmp.resolve("a").toString(), "DIR"))
        .isEqualTo(b.out().replace(tmp.resolve("b").toString(), "DIR"));
  }

  @Test
  void demo_withoutDir_writesIntoAKeptTemporaryFolderItNames() throws IOException {
    Run r = run("demo");

    assertThat(r.exitCode()).as(r.err()).isZero();
    var m = java.util.regex.Pattern.compile("(?m)^Output files: (.+)$").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    Path out = Path.of(m.group(1));
    try {
      assertThat(r.out()).contains("Wrote DORA report (HTML, with weekly trend charts): " + out.resolve("dora.html"));
      assertThat(out.resolve("dora.html")).isNotEmptyFile();
      assertThat(out.resolve("ticket-triage/catalog-info.yaml")).isNotEmptyFile();
    } finally {
      try (var files = Files.walk(out)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
