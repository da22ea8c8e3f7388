package dev.portolan.maven;

import static dev.portolan.maven.MojoFixtures.VALID;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateMojoTest {

  @TempDir Path project;

  private ValidateMojo mojo() {
    ValidateMojo m = configure(new ValidateMojo(), project);
    m.readPlaceholderFiles = true;
    return m;
  }

  @Test
  void execute_validDescriptors_passesAndWritesReports() throws Exception {
    write(project, "catalog-info.yaml", VALID);
    write(project, "target/catalog-info.yaml", "kind: broken");
    mojo().execute();
    assertThat(project.resolve("target/portolan/validate.sarif")).isRegularFile();
    assertThat(Files.readString(project.resolve("target/portolan/TEST-portolan-validate.xml")))
        .contains("tests=\"2\" failures=\"0\"")
        .contains("<testsuite name=\"portolan/invalid-entity\"")
        .contains("name=\"component:default/svc\" file=\"catalog-info.yaml\"")
        .doesNotContain("portolan/dangling-relation");
  }

  @Test
  void execute_invalidDescriptor_failsListingEveryProblemWithItsLocation() throws Exception {
    write(project, "svc/catalog-info.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: svc
        spec:
          type: service
          owner: 42
        """);
    assertThatThrownBy(() -> mojo().execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(String.join(System.lineSeparator(), "portolan:validate found 2 errors:",
            "svc/catalog-info.yaml:6:3: component:default/svc: spec: missing required field \"lifecycle\"",
            "svc/catalog-info.yaml:7:10: component:default/svc: spec.owner: expected a string, found the number 42"));
    assertThat(Files.readString(project.resolve("target/portolan/validate.sarif")))
        .contains("\"uri\" : \"svc/catalog-info.yaml\"");
  }

  @Test
  void execute_failOnErrorOff_onlyReports() throws Exception {
    write(project, "catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {}\n");
    ValidateMojo m = mojo();
    m.failOnError = false;
    m.execute();
    assertThat(Files.readString(project.resolve("target/portolan/TEST-portolan-validate.xml")))
        .contains("failures=\"1\"");
  }

  @Test
  void execute_skip_readsNothing() throws Exception {
    write(project, "catalog-info.yaml", "not: [valid");
    ValidateMojo m = mojo();
    m.skip = true;
    m.execute();
    assertThat(project.resolve("target/portolan")).doesNotExist();
  }

  @Test
  void execute_unknownProfile_configurationError() {
    ValidateMojo m = mojo();
    m.profile = "cloud";
    assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("profile: expected app or core, found 'cloud'");
  }

  @Test
  void execute_missingDirectory_configurationErrorNamingIt() {
    ValidateMojo m = mojo();
    m.directories = List.of(new File("catalog"));
    assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("directories: catalog: expected a directory, found nothing");
  }

  @Test
  void execute_unknownFormat_configurationError() throws Exception {
    write(project, "catalog-info.yaml", VALID);
    ValidateMojo m = mojo();
    m.formats = List.of("pdf");
    assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("formats: expected sarif or junit, found 'pdf'");
  }

  @Test
  void execute_customIncludes_readsOtherNames() throws Exception {
    write(project, "descriptors/one.yaml", VALID);
    ValidateMojo m = mojo();
    m.directories = List.of(new File("descriptors"));
    m.includes = List.of("*.yaml");
    m.execute();
    assertThat(Files.readString(project.resolve("target/portolan/TEST-portolan-validate.xml")))
        .contains("file=\"descriptors/one.yaml\"");
  }
}
