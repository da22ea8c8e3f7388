package dev.portolan.maven;

import static dev.portolan.maven.MojoFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffoldMojoTest {

  @TempDir Path project;

  @BeforeEach
  void template() throws Exception {
    write(project, "tpl/template.yaml", """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: svc
        spec:
          owner: platform
          type: service
          parameters:
            - required: [name]
              properties:
                name:
                  type: string
                  pattern: '^[a-z]+$'
                port:
                  type: integer
                  default: 8080
          steps:
            - id: fetch
              name: Fetch
              action: fetch:template
              input:
                url: ./skeleton
                values:
                  name: ${{ parameters.name }}
                  port: ${{ parameters.port }}
        """);
    write(project, "tpl/skeleton/${{ values.name }}.txt", "${{ values.name }} on ${{ values.port }}\n");
  }

  private ScaffoldMojo mojo(Map<String, String> values) {
    ScaffoldMojo m = new ScaffoldMojo();
    m.basedir = project.toFile();
    m.template = new File("tpl/template.yaml");
    m.values = new LinkedHashMap<>(values);
    m.outputDirectory = new File("out");
    return m;
  }

  @Test
  void execute_values_rendersIntoTheFolder() throws Exception {
    mojo(Map.of("name", "orders")).execute();
    assertThat(project.resolve("out/orders.txt")).hasContent("orders on 8080");
  }

  @Test
  void execute_valuesFile_typedValuesAndOverrides() throws Exception {
    write(project, "values.yaml", "name: billing\nport: 9090\n");
    ScaffoldMojo m = mojo(Map.of());
    m.valuesFile = new File("values.yaml");
    m.execute();
    assertThat(project.resolve("out/billing.txt")).hasContent("billing on 9090");
  }

  @Test
  void execute_valueAgainstSchema_failsNamingTheField() {
    assertThatThrownBy(() -> mojo(Map.of("name", "Not Valid")).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("name");
    assertThat(project.resolve("out")).doesNotExist();
  }

  @Test
  void execute_missingTemplate_configurationError() {
    ScaffoldMojo m = mojo(Map.of("name", "x"));
    m.template = new File("nope.yaml");
    assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("template: " + project.resolve("nope.yaml").toAbsolutePath().normalize()
            + ": expected an existing file, found nothing");
  }

  @Test
  void execute_valuesFileNotAMapping_fails() throws Exception {
    write(project, "values.yaml", "- a\n- b\n");
    ScaffoldMojo m = mojo(Map.of());
    m.valuesFile = new File("values.yaml");
    assertThatThrownBy(m::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageEndingWith("values.yaml: expected a mapping of parameter values, found array");
  }

  @Test
  void execute_skip_writesNothing() throws Exception {
    ScaffoldMojo m = mojo(Map.of("name", "orders"));
    m.skip = true;
    m.skipActions = List.of();
    m.execute();
    assertThat(project.resolve("out")).doesNotExist();
  }
}
