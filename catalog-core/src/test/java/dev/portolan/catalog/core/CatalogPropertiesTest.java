package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CatalogPropertiesTest {

  @Property(tries = 25)
  void removeThenReAdd_location_restoresTheSameSnapshot(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(max = 11) Integer> deps) throws IOException {
    Path dir = Files.createTempDirectory("prop");
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    StringBuilder sa = new StringBuilder(EntityGraphTest.ORG);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < deps.size(); i++) {
      String comp = EntityGraphTest.comp("e" + i, "team-a", null, "component:e" + deps.get(i));
      (i % 2 == 0 ? sa : sb).append(comp);
    }
    Files.writeString(a.resolve("a.yaml"), sa.toString());
    Files.writeString(b.resolve("b.yaml"), sb.toString().isEmpty() ? EntityGraphTest.comp("x", "org", null)
        : sb.toString());
    Catalog c = Catalog.builder().location(a).location(b).build();
    String before = json(c.snapshot());
    c.removeLocation(b.toString());
    CatalogChange back = c.addLocation(b.toString());
    assertThat(json(c.snapshot())).isEqualTo(before);
    assertThat(back.removed()).isEmpty();
    Files.delete(a.resolve("a.yaml"));
    Files.delete(b.resolve("b.yaml"));
    Files.delete(a);
    Files.delete(b);
    Files.delete(dir);
  }

  private static String json(CatalogSnapshot s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    s.writeJson(out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Property(tries = 12)
  void filter_randomCatalog_agreesWithNaiveScan(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(max = 5) Integer> owners,
      @ForAll @IntRange(max = 5) int owner, @ForAll boolean withType) throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < owners.size(); i++) {
      yaml.append(EntityGraphTest.comp("e" + i, "g" + owners.get(i), null)
          .replace("type: service", "type: " + (i % 3 == 0 ? "website" : "service")));
    }
    CatalogSnapshot s = EntityGraphTest.load(dev.portolan.catalog.model.Profile.CORE, yaml.toString());
    String filter = "kind=component,spec.owner=g" + owner + (withType ? ",spec.type=website" : "");
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < owners.size(); i++) {
      if (owners.get(i) == owner && (!withType || i % 3 == 0)) {
        expected.add("e" + i);
      }
    }
    assertThat(s.filter(filter)).extracting(e -> e.ref().name()).containsExactlyInAnyOrderElementsOf(expected);
  }
}
