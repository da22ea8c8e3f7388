package dev.portolan.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portolan.catalog.core.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the ownership and system assertions over generated catalogs. */
class CatalogAssertPropertiesTest {

  /**
   * Component i is owned by group {@code owners[i] % 4}; groups 0 and 1 exist, 2 and 3 do not; the assertion
   * fails exactly when some owner is missing, and lists exactly those components, in ref order.
   */
  @Property(tries = 40)
  void everyComponentOwnedByExistingGroup_generatedOwners_listsExactlyTheOrphans(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 3) Integer> owners) throws IOException {
    Path dir = Files.createTempDirectory("portolan-owners");
    try {
      StringBuilder yaml = new StringBuilder();
      yaml.append(group("g0")).append("---\n").append(group("g1"));
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < owners.size(); i++) {
        String name = String.format("c%02d", i);
        yaml.append("---\n").append(component(name, "g" + owners.get(i)));
        if (owners.get(i) >= 2) {
          expected.add("component:default/" + name);
        }
      }
      Files.writeString(dir.resolve("catalog-info.yaml"), yaml);
      Catalog catalog = Catalog.builder().location(dir.resolve("catalog-info.yaml")).build();
      AssertionError error = catchThrowableOfType(AssertionError.class,
          () -> CatalogAssert.assertThat(catalog).everyComponentOwnedByExistingGroup());
      if (expected.isEmpty()) {
        assertThat(error).isNull();
      } else {
        List<String> lines = error.getMessage().lines().skip(1).toList();
        assertThat(lines).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
          assertThat(lines.get(i)).contains(": " + expected.get(i) + ": spec.owner: expected a Group of the catalog, "
              + "found group:default/g").endsWith("(not in the catalog)");
        }
        assertThat(error.getMessage()).startsWith("Expecting every Component to be owned by a Group of the catalog, but "
            + expected.size() + (expected.size() == 1 ? " entity does not:" : " entities do not:"));
      }
    } finally {
      delete(dir);
    }
  }

  private static String group(String name) {
    return "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: " + name
        + "\nspec:\n  type: team\n  children: []\n";
  }

  private static String component(String name, String owner) {
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name
        + "\nspec:\n  type: library\n  lifecycle: experimental\n  owner: " + owner + "\n";
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
