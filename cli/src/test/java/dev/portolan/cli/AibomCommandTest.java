package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AibomCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cl = PortolanCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void aibom_toFile_writesCycloneDx() throws Exception {
    Path catalog = dir.resolve("c.yaml");
    Files.writeString(catalog, GovernCommandTest.CATALOG);
    Path bom = dir.resolve("bom.json");
    assertThat(run("aibom", catalog.toString(), "-o", bom.toString(), "--date", "2026-07-01")).isZero();
    JsonNode j = new ObjectMapper().readTree(bom.toFile());
    assertThat(j.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(j.path("specVersion").asText()).isEqualTo("1.6");
    assertThat(j.path("metadata").path("timestamp").asText()).isEqualTo("2026-07-01T00:00:00Z");
    assertThat(j.path("components").size()).isEqualTo(2);
  }

  @Test
  void aibom_stdoutAndErrors() throws Exception {
    Path catalog = dir.resolve("c.yaml");
    Files.writeString(catalog, GovernCommandTest.CATALOG + "---\n- not an entity\n");
    assertThat(run("aibom", catalog.toString())).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(out.toString()).path("components").size()).isEqualTo(2);
    assertThat(err.toString()).contains("c.yaml:17:1: ").contains("found a list");
    assertThat(run("aibom", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(run("aibom", catalog.toString(), "--date", "x")).isEqualTo(2);
  }
}
