package dev.portolan.maven;

import static dev.portolan.maven.MojoFixtures.VALID;
import static dev.portolan.maven.MojoFixtures.configure;
import static dev.portolan.maven.MojoFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.catalog.core.CatalogProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMojoTest {

  @TempDir Path project;

  @Test
  void execute_consistentCatalog_passes() throws Exception {
    write(project, "catalog-info.yaml", VALID);
    configure(new CheckMojo(), project).execute();
    // a group and a component, each in all nine checks
    assertThat(Files.readString(project.resolve("target/portolan/TEST-portolan-check.xml")))
        .contains("<testsuites name=\"portolan check\" tests=\"18\" failures=\"0\"")
        .contains("<testcase classname=\"portolan/dangling-relation\" name=\"component:default/svc\" "
            + "file=\"catalog-info.yaml\"/>");
  }

  @Test
  void execute_danglingOwner_failsWithLocatedMessage() throws Exception {
    write(project, "catalog-info.yaml", VALID.replace("owner: team-a", "owner: team-b"));
    assertThatThrownBy(() -> configure(new CheckMojo(), project).execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("portolan:check found 1 error:" + System.lineSeparator() + "catalog-info.yaml:16:10: "
            + "component:default/svc: spec.owner: ownedBy relation to group:default/team-b, which is not in the catalog");
    assertThat(Files.readString(project.resolve("target/portolan/check.sarif")))
        .contains("\"ruleId\" : \"portolan/dangling-relation\"")
        .contains("\"uriBaseId\" : \"%SRCROOT%\"");
  }

  @Test
  void execute_locationEntity_followsItsTargets() throws Exception {
    write(project, "catalog-info.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata:
          name: all
        spec:
          targets: [./teams/team.yaml]
        """);
    write(project, "teams/team.yaml", VALID.replace("owner: team-a", "owner: team-c"));
    assertThatThrownBy(() -> configure(new CheckMojo(), project).execute())
        .hasMessageContaining("teams/team.yaml:16:10: component:default/svc: spec.owner: ownedBy relation to "
            + "group:default/team-c");
  }

  @Test
  void execute_locationTargetAlsoScanned_readOnce() throws Exception {
    write(project, "catalog-info.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Location
        metadata:
          name: root
        spec:
          targets: [./svc/catalog-info.yaml]
        """);
    write(project, "svc/catalog-info.yaml", VALID);
    configure(new CheckMojo(), project).execute();
    // the Location, the group and the component, each in all nine checks: svc/catalog-info.yaml read once
    assertThat(Files.readString(project.resolve("target/portolan/TEST-portolan-check.xml")))
        .contains("<testsuites name=\"portolan check\" tests=\"27\" failures=\"0\"");
  }

  @Test
  void execute_sarif_everyCheckIsARule() throws Exception {
    write(project, "catalog-info.yaml", VALID);
    configure(new CheckMojo(), project).execute();
    String sarif = Files.readString(project.resolve("target/portolan/check.sarif"));
    for (CatalogProblem.Kind k : CatalogProblem.Kind.values()) {
      assertThat(sarif).contains("\"id\" : \"" + k.ruleId() + "\"");
    }
  }
}
