package dev.portolan.catalog.core;

/**
 * Told about every new snapshot a {@link Catalog} publishes, in publication order, after readers can
 * already see it. A listener that throws is logged and does not stop the others.
 */
@FunctionalInterface
public interface CatalogListener {

  /**
   * Called once per published snapshot.
   *
   * @param change the entities added, updated and removed
   */
  void onChange(CatalogChange change);
}
