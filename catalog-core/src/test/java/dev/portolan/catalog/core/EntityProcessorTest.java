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
}
