package dev.portolan.examples.catalog;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogEntity;
import dev.portolan.catalog.core.CatalogProblem;
import dev.portolan.catalog.core.CatalogSnapshot;
import dev.portolan.catalog.core.EntityGraph;
import dev.portolan.catalog.core.EntityQuery;
import dev.portolan.catalog.core.QueryResult;
import dev.portolan.catalog.model.EntityRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads a catalog from a folder of {@code catalog-info.yaml} files and asks it what a platform asks.
 *
 * <ol>
 *   <li>{@code Catalog.builder().location(dir).build()} reads every descriptor below the folder, follows
 *       Location entities, validates each entity as Backstage would and computes the relations. One bad
 *       file never stops the rest: its problems are in {@link CatalogSnapshot#errors()}.
 *   <li>{@link CatalogSnapshot#filter(String...)} takes Backstage's catalog filters: a comma means AND,
 *       several filters mean OR, keys and values are case-insensitive.
 *   <li>{@link CatalogSnapshot#query(EntityQuery)} adds ordering, field projection and cursor pagination.
 *   <li>{@link CatalogSnapshot#graph()} answers graph questions: who owns an entity, what breaks if it
 *       breaks (its transitive dependents).
 * </ol>
 *
 * <p>Run it on the demo organisation: {@code ./mvnw -q -pl examples -am compile exec:java
 * -Dexec.mainClass=dev.portolan.examples.catalog.LoadAndQueryExample
 * -Dexec.args="cli/src/main/resources/dev/portolan/cli/demo/catalog component:default/ledger-worker"}.
 */
public final class LoadAndQueryExample {

  private LoadAndQueryExample() {}

  /**
   * Loads the folder and reports on one service.
   *
   * @param dir the folder of descriptors
   * @param service the ref of the service to look at, e.g. {@code component:default/orders}
   * @return the report, one line per fact
   */
  public static List<String> report(Path dir, String service) {
    CatalogSnapshot snapshot = Catalog.builder().location(dir).build().snapshot();
    List<String> out = new ArrayList<>();
    out.add(snapshot.size() + " entities, " + snapshot.errors().size() + " errors");
    for (CatalogProblem error : snapshot.errors()) {
      out.add("  " + error);
    }

    List<CatalogEntity> services = snapshot.filter("kind=component,spec.type=service");
    out.add("services: " + services.stream().map(e -> e.ref().toString()).collect(Collectors.joining(", ")));

    QueryResult page = snapshot.query(EntityQuery.builder()
        .filter("kind=api")
        .orderBy("metadata.name", false)
        .fields("metadata.name", "spec.type")
        .limit(2)
        .build());
    out.add("first " + page.items().size() + " of " + page.totalItems() + " APIs: " + page.projected());
    page.nextCursor().ifPresent(cursor -> out.add("next page cursor present"));

    EntityRef ref = EntityRef.parse(service);
    EntityGraph graph = snapshot.graph();
    out.add("owners of " + ref + ": " + graph.owners(ref));
    out.add("breaks with " + ref + ": " + graph.dependents(ref, EntityGraph.UNBOUNDED));
    return out;
  }

  /**
   * Prints the report.
   *
   * @param args the folder, then the service ref
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: LoadAndQueryExample DIR SERVICE-REF");
      System.exit(2);
    }
    report(Path.of(args[0]), args[1]).forEach(System.out::println);
  }
}
