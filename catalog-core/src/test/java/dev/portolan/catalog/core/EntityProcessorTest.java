package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityProcessorTest {

  @TempDir Path dir;

  record Named(String name, int priority, List<String> log) implements EntityProcessor {
    @Override
    public ObjectNode preProcess(ObjectNode entity, ProcessingContext context) {
      log.add(name);
      return entity;
    }
  }

  @Test
  void processors_runByPriorityThenRegistration() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), CatalogTest.GROUP);
    List<String> log = new ArrayList<>();
    Catalog.builder().location(dir).processor(new Named("late", 30, log)).processor(new Named("first", 5, log))
        .processor(new Named("second", 30, log)).build();
    assertThat(log).containsExactly("first", "late", "second");
  }

  @Test
  void processor_throws_entityFailsWithProcessorProblemOthersLoad() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), CatalogTest.GROUP + "---\n" + CatalogTest.component("svc", ""));
    EntityProcessor boom = new EntityProcessor() {
      @Override
      public void postProcess(ObjectNode entity, ProcessingContext context) {
        if ("Group".equals(entity.path("kind").asText())) {
          throw new IllegalStateException("directory unavailable");
        }
      }
    };
    CatalogSnapshot s = Catalog.builder().location(dir).processor(boom).build().snapshot();
    assertThat(s.entity("component:default/svc")).isPresent();
    assertThat(s.entity("group:default/team-a")).isEmpty();
    assertThat(s.errors()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(CatalogProblem.Kind.PROCESSOR);
      assertThat(p.message()).contains("directory unavailable");
    });
  }

  private static final RelationType GRANTS = RelationType.custom("hasAccessTo", "accessibleBy");
  private static final RelationType GUARDS = RelationType.custom("guards", "guardedBy");

  /** Emits hasAccessTo for every {@code spec.grants[i]} with its environment, and a catalog-wide guardedBy pass. */
  static final class Grants implements EntityProcessor {
    @Override
    public void postProcess(ObjectNode entity, ProcessingContext context) {
      var grants = entity.path("spec").path("grants");
      for (int i = 0; i < grants.size(); i++) {
        var g = grants.get(i);
        context.emitRelation(GRANTS, dev.portolan.catalog.model.EntityRef.parse(g.path("target").asText()),
            java.util.Optional.of(dev.portolan.catalog.model.FieldPath.of("spec", "grants").index(i)),
            java.util.Map.of("environment", g.path("environment").asText(), "permissions", List.of("read", "write")));
      }
    }

    @Override
    public void processCatalog(CatalogSnapshot catalog, CatalogPassContext context) {
      // every component reached by a grant is guarded by the team that owns the grantee
      for (CatalogEntity e : catalog.entities()) {
        for (Relation r : e.relations()) {
          if (r.type().equals(GRANTS) && catalog.entity(r.target()).isPresent()) {
            for (Relation owner : e.relations()) {
              if (owner.type() == WellKnownRelation.OWNED_BY) {
                context.emitRelation(r.target(), GUARDS, owner.target(), java.util.Optional.empty(),
                    java.util.Map.of("via", e.ref().toString()));
              }
            }
          }
        }
      }
    }
  }

  private static final String GRANTS_YAML = CatalogTest.GROUP + "---\n" + CatalogTest.component("db", "") + "---\n"
      + CatalogTest.component("bot", "  grants:\n    - {target: component:default/db, environment: production}\n"
          + "    - {target: component:default/ghost, environment: staging}\n");

  @Test
  void emitRelation_withFieldAndAttributes_carriedByRowInverseAndGraph() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), GRANTS_YAML);
    CatalogSnapshot s = Catalog.builder().location(dir).processor(new Grants()).build().snapshot();
    Relation grant = s.relations(dev.portolan.catalog.model.EntityRef.parse("component:default/bot")).stream()
        .filter(r -> r.type().equals(GRANTS) && r.target().name().equals("db")).findFirst().orElseThrow();
    assertThat(grant.attributes()).containsEntry("environment", "production")
        .containsEntry("permissions", List.of("read", "write"));
    assertThat(grant.field()).map(Object::toString).contains("spec.grants[0]");
    assertThat(s.relations(dev.portolan.catalog.model.EntityRef.parse("component:default/db")))
        .filteredOn(r -> r.type().id().equals("accessibleBy")).singleElement()
        .satisfies(r -> assertThat(r.attributes()).containsEntry("environment", "production"));
    assertThat(s.graph().asGraph().edgeSet()).contains(grant);
    assertThat(s.danglingRelations()).singleElement().satisfies(d -> {
      assertThat(d.relation().target().name()).isEqualTo("ghost");
      assertThat(d.position()).map(p -> p.line()).contains(28);
    });
  }

  @Test
  void processCatalog_relationsNeedingTheWholeCatalog_joinSnapshotRelationsAndGraph() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), GRANTS_YAML);
    CatalogSnapshot s = Catalog.builder().location(dir).processor(new Grants()).build().snapshot();
    var db = dev.portolan.catalog.model.EntityRef.parse("component:default/db");
    assertThat(s.relations(db)).filteredOn(r -> r.type().equals(GUARDS)).singleElement().satisfies(r -> {
      assertThat(r.target().toString()).isEqualTo("group:default/team-a");
      assertThat(r.attributes()).containsEntry("via", "component:default/bot");
    });
    assertThat(s.relations(dev.portolan.catalog.model.EntityRef.parse("group:default/team-a")))
        .extracting(r -> r.type().id()).contains("guardedBy");
    assertThat(s.graph().traverse(db, java.util.Set.of(GUARDS), EntityGraph.Direction.OUTGOING, 1).nodes())
        .extracting(Object::toString).contains("group:default/team-a");
    assertThat(s.filter("relations.guards=group:default/team-a")).extracting(e -> e.ref().name()).containsExactly("db");
  }

  @Test
  void processCatalog_throws_reportedAndNoRowsKept() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), GRANTS_YAML);
    EntityProcessor half = new EntityProcessor() {
      @Override
      public String name() {
        return "half";
      }

      @Override
      public void processCatalog(CatalogSnapshot catalog, CatalogPassContext context) {
        var ref = dev.portolan.catalog.model.EntityRef.parse("component:default/db");
        context.emitRelation(ref, GUARDS, ref, java.util.Optional.empty(), java.util.Map.of());
        throw new IllegalStateException("index unavailable");
      }
    };
    CatalogSnapshot s = Catalog.builder().location(dir).processor(half).build().snapshot();
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.relations(dev.portolan.catalog.model.EntityRef.parse("component:default/db")))
        .noneMatch(r -> r.type().equals(GUARDS));
    assertThat(s.errors()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(CatalogProblem.Kind.PROCESSOR);
      assertThat(p.message()).isEqualTo("processor half failed in its catalog pass: index unavailable");
    });
  }

  @Test
  void emitRelation_unsupportedAttributeValue_entityFailsWithProcessorProblem() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), CatalogTest.GROUP);
    EntityProcessor bad = new EntityProcessor() {
      @Override
      public void postProcess(ObjectNode entity, ProcessingContext context) {
        context.emitRelation(GUARDS, dev.portolan.catalog.model.EntityRef.parse("group:default/team-a"),
            java.util.Optional.empty(), java.util.Map.of("when", java.time.LocalDate.of(2026, 1, 1)));
      }
    };
    CatalogSnapshot s = Catalog.builder().location(dir).processor(bad).build().snapshot();
    assertThat(s.entity("group:default/team-a")).isEmpty();
    assertThat(s.errors()).anySatisfy(p -> assertThat(p.message())
        .contains("relation attribute when: expected a string, number, boolean or list of those, found a LocalDate"));
  }
}
