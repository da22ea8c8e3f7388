package dev.portolan.examples.catalog;

import dev.portolan.catalog.core.DeferredEntity;
import dev.portolan.catalog.core.EntityProvider;
import dev.portolan.catalog.core.EntityProviderConnection;
import dev.portolan.catalog.core.EntityProviderMutation;
import dev.portolan.catalog.core.CatalogChange;
import dev.portolan.catalog.model.Entity;
import dev.portolan.catalog.model.EntityRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entity provider that mirrors an HR directory (here: a map of team → members) into Group and User
 * entities. It pushes the full set once, then deltas when people join or leave.
 */
public final class DirectoryEntityProvider implements EntityProvider {

  private static final String LOCATION = "url:https://hr.example.com/directory";
  private EntityProviderConnection connection;

  @Override
  public String name() {
    return "hr-directory";
  }

  @Override
  public void connect(EntityProviderConnection connection) {
    this.connection = connection;
  }

  /**
   * Pushes the whole directory.
   *
   * @param teams team name → member user names
   * @return what changed in the catalog
   */
  public CatalogChange pushAll(Map<String, List<String>> teams) {
    List<DeferredEntity> all = new ArrayList<>();
    teams.forEach((team, members) -> {
      all.add(entity(group(team)));
      members.forEach(m -> all.add(entity(user(m, team))));
    });
    return connection.applyMutation(new EntityProviderMutation.Full(all));
  }

  /**
   * Pushes one person joining a team.
   *
   * @param user the user name
   * @param team the team
   * @return what changed
   */
  public CatalogChange joined(String user, String team) {
    return connection.applyMutation(new EntityProviderMutation.Delta(List.of(entity(user(user, team))), List.of()));
  }

  /**
   * Pushes one person leaving.
   *
   * @param user the user name
   * @return what changed
   */
  public CatalogChange left(String user) {
    return connection.applyMutation(new EntityProviderMutation.Delta(List.of(),
        List.of(EntityRef.of("user", "default", user))));
  }

  private static DeferredEntity entity(String json) {
    return new DeferredEntity(Entity.parseJson(json), Optional.of(LOCATION));
  }

  private static String annotations() {
    return "\"annotations\":{\"backstage.io/managed-by-location\":\"" + LOCATION
        + "\",\"backstage.io/managed-by-origin-location\":\"" + LOCATION + "\"}";
  }

  private static String group(String team) {
    return "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Group\",\"metadata\":{\"name\":\"" + team + "\","
        + annotations() + "},\"spec\":{\"type\":\"team\",\"children\":[]}}";
  }

  private static String user(String name, String team) {
    return "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"User\",\"metadata\":{\"name\":\"" + name + "\","
        + annotations() + "},\"spec\":{\"memberOf\":[\"" + team + "\"]}}";
  }
}
