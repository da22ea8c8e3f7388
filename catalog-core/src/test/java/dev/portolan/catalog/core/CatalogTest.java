package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

  @TempDir Path dir;

  static String component(String name, String extra) {
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name
        + "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n" + extra;
  }

  static final String GROUP = "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\n"
      + "spec:\n  type: team\n  children: []\n";

  Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void build_directoryWithEntities_loadsEveryValidEntityWithRelations() throws IOException {
    write("a/catalog-info.yaml", component("svc-a", "  dependsOn: [component:svc-b]\n"));
    write("b/catalog-info.yaml", component("svc-b", "") + "---\n" + GROUP);
    Catalog c = Catalog.builder().profile(Profile.CORE).location(dir)
        .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
    CatalogSnapshot s = c.snapshot();
    assertThat(s.entities()).extracting(e -> e.ref().toString())
        .containsExactly("component:default/svc-a", "component:default/svc-b", "group:default/team-a");
    assertThat(s.relations(EntityRef.parse("component:default/svc-b"))).extracting(Relation::toString)
        .containsExactly("component:default/svc-b dependencyOf component:default/svc-a",
            "component:default/svc-b ownedBy group:default/team-a");
    assertThat(s.entity("group:default/team-a").orElseThrow().relations()).extracting(r -> r.type().id())
        .containsOnly("ownerOf");
    assertThat(s.loadedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(s.errors()).isEmpty();
  }

  @Test
  void build_badFileAmongGood_reportsLocatedProblemAndLoadsTheRest() throws IOException {
    write("good.yaml", GROUP);
    write("bad.yaml", component("svc", "").replace("owner: team-a", "owner: [1, 2]"));
    write("broken.yaml", "apiVersion: [\n");
    CatalogSnapshot s = Catalog.builder().location(dir).build().snapshot();
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.errors()).hasSize(2);
    CatalogProblem p = s.errors().stream().filter(e -> e.file().endsWith("bad.yaml")).findFirst().orElseThrow();
    assertThat(p.kind()).isEqualTo(CatalogProblem.Kind.INVALID_ENTITY);
    assertThat(p.position()).isPresent();
    assertThat(p.ref()).map(EntityRef::toString).contains("component:default/svc");
    assertThat(p.toString()).contains("bad.yaml:").contains("component:default/svc");
  }

  @Test
  void locationEntity_remoteTarget_warnsWithTargetAsWrittenAndItsEffectiveType() throws IOException {
    write("untyped.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: untyped\n"
        + "spec:\n  targets: [https://example.com/catalog-info.yaml]\n");
    write("typed.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: typed\n"
        + "spec:\n  type: url\n  target: https://example.com/catalog-info.yaml\n");
    CatalogSnapshot s = Catalog.builder().location(dir).build().snapshot();
    assertThat(s.problems()).filteredOn(p -> p.kind() == CatalogProblem.Kind.LOCATION_NOT_FETCHED)
        .extracting(CatalogProblem::message)
        .containsExactlyInAnyOrder(
            "remote target https://example.com/catalog-info.yaml (type url) not fetched: only local files and file:"
                + " URLs are read",
            "remote target https://example.com/catalog-info.yaml (type file: spec.type is not set, so Backstage"
                + " reads it as a file path; set spec.type: url) not fetched: only local files and file: URLs are"
                + " read");
  }

  @Test
  void locationEntity_relativeTargetsAndCycle_followedOnceAndCycleReported() throws IOException {
    write("root.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\n"
        + "spec:\n  targets: [./teams/*.yaml, ./loop.yaml, https://example.com/x.yaml]\n");
    write("teams/a.yaml", GROUP);
    write("loop.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: loop\n"
        + "spec:\n  target: ./root.yaml\n");
    CatalogSnapshot s = Catalog.builder().location(dir.resolve("root.yaml")).build().snapshot();
    assertThat(s.entity("group:default/team-a")).isPresent();
    assertThat(s.entity("location:default/loop")).isPresent();
    assertThat(s.problems()).extracting(CatalogProblem::kind)
        .contains(CatalogProblem.Kind.LOCATION, CatalogProblem.Kind.LOCATION_NOT_FETCHED);
    assertThat(s.problems()).anySatisfy(p -> assertThat(p.message()).startsWith("Location cycle"));
    assertThat(s.entity("group:default/team-a").orElseThrow().entity().metadata()
        .annotation("backstage.io/managed-by-origin-location")).get().asString().endsWith("root.yaml");
  }

  @Test
  void placeholders_insideRoot_resolvedAndOutsideRootRejected() throws IOException {
    write("api/openapi.yaml", "openapi: 3.0.0\n");
    write("api/data.json", "{\"k\": [1, 2]}");
    write("api/catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: pets\n"
        + "  annotations:\n    x/json: ok\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n"
        + "  definition:\n    $text: ./openapi.yaml\n  extra:\n    $json: data.json\n");
    write("api/escape.yaml", component("escape", "  doc:\n    $text: ../../../../etc/passwd\n"));
    CatalogSnapshot s = Catalog.builder().location(dir.resolve("api")).build().snapshot();
    CatalogEntity api = s.entity("api:default/pets").orElseThrow();
    assertThat(api.entity().spec().get("definition").asText()).isEqualTo("openapi: 3.0.0\n");
    assertThat(api.entity().spec().get("extra").get("k").get(1).asInt()).isEqualTo(2);
    assertThat(s.entity("component:default/escape")).isEmpty();
    assertThat(s.errors()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(CatalogProblem.Kind.PLACEHOLDER);
      assertThat(p.message()).contains("escapes the catalog root");
      assertThat(p.path().toString()).isEqualTo("spec.doc.$text");
    });
  }

  @Test
  void placeholder_missingFile_reportedInWordsWithoutJavaExceptionNames() throws IOException {
    write("c/catalog-info.yaml", component("svc", "  doc:\n    $text: ./missing.md\n"));
    CatalogSnapshot s = Catalog.builder().location(dir.resolve("c")).build().snapshot();
    Path missing = dir.resolve("c/missing.md").toAbsolutePath().normalize();
    assertThat(s.errors()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(CatalogProblem.Kind.PLACEHOLDER);
      assertThat(p.message()).isEqualTo("Placeholder $text could not read location ./missing.md, NotFoundError: "
          + "no such file or directory: " + missing);
    });
  }

  @Test
  void conflict_sameRefFromTwoFiles_firstClaimantKeptAndBothReported() throws IOException {
    write("a.yaml", component("dup", "  system: first\n"));
    write("b.yaml", component("dup", "  system: second\n"));
    CatalogSnapshot s = Catalog.builder().location(dir).build().snapshot();
    assertThat(s.entity("component:default/dup").orElseThrow().file()).endsWith("a.yaml");
    assertThat(s.errors()).filteredOn(p -> p.kind() == CatalogProblem.Kind.CONFLICT).singleElement()
        .satisfies(p -> {
          assertThat(p.file()).endsWith("b.yaml");
          assertThat(p.message()).contains("a.yaml").contains("b.yaml");
        });
  }

  @Test
  void refresh_changedFile_publishesNewSnapshotAndEvents() throws IOException {
    Path a = write("a.yaml", component("svc-a", ""));
    write("b.yaml", component("svc-b", ""));
    List<CatalogChange> seen = new ArrayList<>();
    Catalog c = Catalog.builder().location(dir).orphanStrategy(Catalog.OrphanStrategy.DELETE)
        .listener(seen::add).build();
    CatalogSnapshot first = c.snapshot();
    Files.writeString(a, component("svc-a", "  system: sys\n") + "---\n" + GROUP);
    a.toFile().setLastModified(System.currentTimeMillis() + 5_000);
    Files.delete(dir.resolve("b.yaml"));
    CatalogChange change = c.refresh();
    assertThat(change.added()).extracting(EntityRef::toString).containsExactly("group:default/team-a");
    assertThat(change.updated()).extracting(EntityRef::toString).containsExactly("component:default/svc-a");
    assertThat(change.removed()).extracting(EntityRef::toString).containsExactly("component:default/svc-b");
    assertThat(seen).containsExactly(change);
    assertThat(first.size()).isEqualTo(2);
    assertThat(c.snapshot().version()).isEqualTo(first.version() + 1);
  }

  @Test
  void orphanStrategyDefault_entityNoLongerEmitted_keptWithAnnotationAsBackstage() throws IOException {
    Path a = write("a.yaml", component("svc-a", "") + "---\n" + GROUP);
    Catalog c = Catalog.builder().location(dir).build();
    Files.writeString(a, GROUP);
    a.toFile().setLastModified(System.currentTimeMillis() + 5_000);
    CatalogChange change = c.refresh();
    CatalogSnapshot s = c.snapshot();
    assertThat(change.removed()).isEmpty();
    assertThat(s.orphans()).extracting(e -> e.ref().toString()).containsExactly("component:default/svc-a");
    assertThat(s.entity("component:default/svc-a").orElseThrow().json()
        .at("/metadata/annotations/backstage.io~1orphan").asText()).isEqualTo("true");
    assertThat(s.problems()).filteredOn(p -> p.kind() == CatalogProblem.Kind.ORPHAN)
        .extracting(CatalogProblem::message)
        .containsExactly("no location emits this entity any more; kept as an orphan (orphan strategy keep)");
  }

  @Test
  void orphanStrategyDelete_entityNoLongerEmitted_removed() throws IOException {
    Path a = write("a.yaml", component("svc-a", "") + "---\n" + GROUP);
    Catalog c = Catalog.builder().location(dir).orphanStrategy(Catalog.OrphanStrategy.DELETE).build();
    Files.writeString(a, GROUP);
    a.toFile().setLastModified(System.currentTimeMillis() + 5_000);
    CatalogChange change = c.refresh();
    assertThat(change.removed()).extracting(EntityRef::toString).containsExactly("component:default/svc-a");
    assertThat(c.snapshot().orphans()).isEmpty();
  }

  @Test
  void orphanStrategyKeep_entityNoLongerEmitted_keptWithAnnotation() throws IOException {
    Path a = write("a.yaml", component("svc-a", "") + "---\n" + GROUP);
    Catalog c = Catalog.builder().location(dir).orphanStrategy(Catalog.OrphanStrategy.KEEP).build();
    Files.writeString(a, GROUP);
    a.toFile().setLastModified(System.currentTimeMillis() + 5_000);
    c.refresh();
    CatalogSnapshot s = c.snapshot();
    assertThat(s.orphans()).extracting(e -> e.ref().toString()).containsExactly("component:default/svc-a");
    assertThat(s.problems()).extracting(CatalogProblem::kind).contains(CatalogProblem.Kind.ORPHAN);
  }

  @Test
  void removeLocation_registeredDirectory_removesItsEntities() throws IOException {
    write("x/a.yaml", GROUP);
    Catalog c = Catalog.builder().build();
    assertThat(c.addLocation(dir.resolve("x")).added()).hasSize(1);
    CatalogChange removed = c.removeLocation(dir.resolve("x").toString());
    assertThat(removed.removed()).extracting(EntityRef::toString).containsExactly("group:default/team-a");
    assertThat(c.snapshot().size()).isZero();
  }

  @Test
  void invalidAfterValid_lastGoodVersionKept() throws IOException {
    Path a = write("a.yaml", GROUP);
    Catalog c = Catalog.builder().location(dir).build();
    Files.writeString(a, GROUP.replace("type: team", "type: [x]"));
    a.toFile().setLastModified(System.currentTimeMillis() + 5_000);
    CatalogChange change = c.refresh();
    assertThat(change.isEmpty()).isTrue();
    assertThat(c.snapshot().entity("group:default/team-a")).isPresent();
    assertThat(c.snapshot().errors()).isNotEmpty();
  }

  @Test
  void danglingRelation_missingTarget_keptAndReportedWithField() throws IOException {
    write("a.yaml", component("svc", "  dependsOn: [resource:db]\n") + "---\n" + GROUP);
    CatalogSnapshot s = Catalog.builder().location(dir).build().snapshot();
    assertThat(s.relations(EntityRef.parse("component:svc"))).extracting(Relation::toString)
        .contains("component:default/svc dependsOn resource:default/db");
    assertThat(s.danglingRelations()).singleElement().satisfies(d -> {
      assertThat(d.relation().field()).map(Object::toString).contains("spec.dependsOn[0]");
      assertThat(d.position()).isPresent();
    });
  }

  @Test
  void writeJson_wholeCatalog_backstageShape() throws IOException {
    write("a.yaml", GROUP);
    CatalogSnapshot s = Catalog.builder().location(dir).build().snapshot();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    s.writeJson(out);
    com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(out.toByteArray());
    assertThat(n.get("items").get(0).get("metadata").get("namespace").asText()).isEqualTo("default");
    assertThat(n.get("items").get(0).has("relations")).isTrue();
  }

  @Test
  void locationEntity_urlTypeWithFileUrlAndOptionalMissing_readAndSilent() throws IOException {
    Path team = write("teams/team.yaml", GROUP);
    write("root.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\n"
        + "spec:\n  type: url\n  presence: optional\n  targets:\n    - " + team.toUri() + "\n    - ./missing.yaml\n");
    CatalogSnapshot s = Catalog.builder().location(dir.resolve("root.yaml")).root(dir).build().snapshot();
    assertThat(s.entity("group:default/team-a")).isPresent();
    assertThat(s.problems()).isEmpty();
  }

  @Test
  void locationEntity_requiredMissingTarget_locatedError() throws IOException {
    write("root.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\n"
        + "spec:\n  targets: [./a.yaml, ./missing.yaml]\n");
    write("a.yaml", GROUP);
    CatalogSnapshot s = Catalog.builder().location(dir.resolve("root.yaml")).build().snapshot();
    assertThat(s.entity("group:default/team-a")).isPresent();
    assertThat(s.errors()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(CatalogProblem.Kind.LOCATION);
      assertThat(p.path().toString()).isEqualTo("spec.targets[1]");
      assertThat(p.position()).get().extracting(pos -> pos.line()).isEqualTo(6);
      assertThat(p.message()).contains("NotFoundError").contains("missing.yaml");
    });
  }
}
