package dev.portolan.examples.catalog;

import dev.portolan.catalog.core.Catalog;
import dev.portolan.catalog.core.CatalogChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reacts to catalog changes: a listener is told which entities a refresh added, updated or removed.
 *
 * <p>A {@link Catalog} publishes immutable snapshots. {@link Catalog#refresh()} re-reads every location
 * and publishes a new snapshot only when something changed; readers holding the old snapshot keep a
 * consistent view. Listeners registered with {@code Catalog.Builder#listener} or
 * {@link Catalog#addListener} receive each {@link CatalogChange} after the new snapshot is visible, which
 * is where a platform invalidates its own caches or notifies owners.
 *
 * <p>As in Backstage, an entity whose descriptor disappears is kept as an orphan by default (marked with
 * the {@code backstage.io/orphan} annotation, so the change reports it as updated) until someone deletes
 * it; {@code Catalog.Builder#orphanStrategy} chooses deletion instead.
 */
public final class ChangeEventsExample {

  private ChangeEventsExample() {}

  /**
   * Loads a folder holding one component, then edits, adds and deletes descriptors, refreshing after each
   * step, and returns what the listener heard.
   *
   * @param dir an empty, writable folder
   * @return one line per change event
   */
  public static List<String> run(Path dir) {
    List<String> heard = new CopyOnWriteArrayList<>();
    write(dir.resolve("orders.yaml"), component("orders", "production"));
    Catalog catalog = Catalog.builder()
        .location(dir)
        .listener(change -> heard.add(describe(change)))
        .build();

    write(dir.resolve("orders.yaml"), component("orders", "deprecated"));
    catalog.refresh();
    write(dir.resolve("billing.yaml"), component("billing", "production"));
    catalog.refresh();
    delete(dir.resolve("orders.yaml"));
    catalog.refresh();
    heard.add("now: " + catalog.snapshot().size() + " entities, orphans "
        + catalog.snapshot().orphans().stream().map(e -> e.ref().toString()).toList());
    return heard;
  }

  private static String describe(CatalogChange change) {
    return "added " + change.added() + ", updated " + change.updated() + ", removed " + change.removed();
  }

  private static String component(String name, String lifecycle) {
    return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name
        + "\nspec:\n  type: service\n  lifecycle: " + lifecycle + "\n  owner: group:team-a\n";
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Prints what the listener heard, working in a temporary folder.
   *
   * @param args unused
   * @throws IOException if the temporary folder cannot be made
   */
  public static void main(String[] args) throws IOException {
    run(Files.createTempDirectory("portolan-example")).forEach(System.out::println);
  }
}
