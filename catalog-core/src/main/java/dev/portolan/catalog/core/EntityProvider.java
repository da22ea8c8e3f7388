package dev.portolan.catalog.core;

/**
 * An external source of entities (an HR system, a cloud inventory, another catalog), as Backstage's
 * {@code EntityProvider}. The catalog calls {@link #connect} once when it is built; the provider then pushes
 * {@link EntityProviderMutation}s whenever its source changes, from any thread.
 */
public interface EntityProvider {

  /**
   * A unique name, used in problems ({@code provider:<name>}) and as the default location.
   *
   * @return the name
   */
  String name();

  /**
   * Called once by {@link Catalog.Builder#build()} after the first snapshot is loaded.
   *
   * @param connection where to push entities
   */
  void connect(EntityProviderConnection connection);
}
