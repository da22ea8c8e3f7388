package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathArgumentsTest {

  private static final String MISSING = Path.of("/definitely/not/here.yaml").toString();

  @ParameterizedTest
  @ValueSource(strings = {
      "validate", "catalog", "relations", "graph --entity component:x", "check", "govern", "aibom", "dora", "scaffold --dry-run"})
  void requireExisting_missingPathArgument_everyCommandExitsTwoWithOneWording(String command) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add(1, MISSING);
    CatalogCliFixture.Run r = CatalogCliFixture.run(args.toArray(String[]::new));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("portolan: no such file or directory: " + MISSING + System.lineSeparator());
    assertThat(r.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--waivers", "--baseline", "--rules"})
  void requireExisting_missingGovernOptionFile_exitsTwoWithTheSameWording(String option) {
    CatalogCliFixture.Run r = CatalogCliFixture.run("govern", ".", option, MISSING);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("portolan: no such file or directory: " + MISSING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--values", "--template-root"})
  void requireExisting_missingScaffoldOptionPath_exitsTwoWithTheSameWording(String option) {
    CatalogCliFixture.Run r = CatalogCliFixture.run("scaffold", ".", "--dry-run", option, MISSING);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("portolan: no such file or directory: " + MISSING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--catalog"})
  void requireExisting_missingDoraCatalog_exitsTwoWithTheSameWording(String option) {
    CatalogCliFixture.Run r = CatalogCliFixture.run("dora", ".", option, MISSING);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("portolan: no such file or directory: " + MISSING);
  }
}
