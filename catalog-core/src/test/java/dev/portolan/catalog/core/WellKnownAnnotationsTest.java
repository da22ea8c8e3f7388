package dev.portolan.catalog.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.catalog.model.Entity;
import org.junit.jupiter.api.Test;

class WellKnownAnnotationsTest {

  static final Entity E = Entity.parseJson("{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\","
      + "\"metadata\":{\"name\":\"x\",\"annotations\":{\"github.com/project-slug\":\"acme/shop\","
      + "\"backstage.io/source-location\":\"url:https://github.com/acme/shop/tree/main/\","
      + "\"argocd/app-name\":\"shop\",\"github.com/team-slug\":\"bad\"}}}");

  @Test
  void typedAccess_wellFormedValues_parsed() {
    assertThat(WellKnownAnnotations.GITHUB_PROJECT_SLUG.get(E)).contains(new WellKnownAnnotations.Slug("acme", "shop"));
    assertThat(WellKnownAnnotations.SOURCE_LOCATION.get(E)).get()
        .satisfies(l -> assertThat(l.target()).isEqualTo("https://github.com/acme/shop/tree/main/"))
        .satisfies(l -> assertThat(l.type()).isEqualTo("url"));
    assertThat(WellKnownAnnotations.ARGOCD_APP_NAME.get(E)).contains("shop");
  }

  @Test
  void typedAccess_malformedOrAbsent_empty() {
    assertThat(WellKnownAnnotations.GITHUB_TEAM_SLUG.get(E)).isEmpty();
    assertThat(WellKnownAnnotations.ORPHAN.get(E)).isEmpty();
    assertThat(WellKnownAnnotations.LocationRef.parse("url:")).isEmpty();
  }
}
