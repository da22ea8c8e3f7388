package dev.portolan.maven;

import static dev.portolan.maven.MojoFixtures.configure;
import static dev.portolan.maven.MojoFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernMojoTest {

  @TempDir Path project;

  @BeforeEach
  void project() throws Exception {
    write(project, "rules.yaml", """
        apiVersion: portolan.dev/v1alpha1
        kind: RulePack
        metadata:
          name: team
        rules:
          - id: T-1
            title: Components have a description
            severity: medium
            level: bronze
            appliesTo:
              kinds: [component]
            require:
              field: metadata.description
              exists: true
            message: "{{entity}} has no description"
        """);
    write(project, "catalog-info.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: svc
        spec:
          type: service
          lifecycle: production
          owner: team-a
        """);
  }

  private GovernMojo mojo(String failOn) {
    GovernMojo m = configure(new GovernMojo(), project);
    m.builtInRules = false;
    m.rulePacks = List.of(new File("rules.yaml"));
    m.failOn = failOn;
    m.date = "2026-07-01";
    m.formats = List.of("json", "text");
    return m;
  }

  @Test
  void execute_findingAtThreshold_failsListingIt() {
    assertThatThrownBy(() -> mojo("medium").execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(String.join(System.lineSeparator(), "portolan:govern failed:", "1 finding at or above medium:",
            "catalog-info.yaml:3:1: component:default/svc: medium T-1: component:default/svc has no description"));
  }

  @Test
  void execute_findingBelowThreshold_passesAndReports() throws Exception {
    mojo("high").execute();
    assertThat(Files.readString(project.resolve("target/portolan/governance.json"))).contains("\"asOf\" : \"2026-07-01\"");
    assertThat(Files.readString(project.resolve("target/portolan/governance.txt"))).contains("T-1");
  }

  @Test
  void execute_failOnNone_neverFailsOnFindings() throws Exception {
    GovernMojo m = mojo("none");
    m.formats = List.of("sarif");
    m.execute();
    assertThat(Files.readString(project.resolve("target/portolan/governance.sarif"))).contains("T-1");
  }

  @Test
  void execute_unknownThreshold_configurationError() {
    assertThatThrownBy(() -> mojo("severe").execute()).isInstanceOf(MojoExecutionException.class)
        .hasMessage("failOn: expected critical, high, medium, low, info or none, found 'severe'");
  }

  @Test
  void execute_missingRulePack_configurationErrorNamingIt() {
    GovernMojo m = mojo("high");
    m.rulePacks = List.of(new File("nope.yaml"));
    assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("rulePacks: nope.yaml: expected an existing file, found nothing");
  }

  @Test
  void execute_badDate_configurationError() {
    GovernMojo m = mojo("high");
    m.date = "July";
    assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("date: expected an ISO-8601 date such as 2026-07-01, found 'july'");
  }

  @Test
  void execute_malformedRulePack_configurationErrorWithLocation() throws Exception {
    write(project, "rules.yaml", "rules: [\n");
    assertThatThrownBy(() -> mojo("high").execute()).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("rules.yaml");
  }
}
