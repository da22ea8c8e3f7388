package dev.portolan.catalog.core;

import java.util.Objects;
import java.util.Optional;

/** Typed access to Backstage's well-known annotations ({@code well-known-annotations.md}). */
public final class WellKnownAnnotations {

  private WellKnownAnnotations() {}

  /**
   * A location ref {@code <type>:<target>}, split at the first {@code :}, both parts trimmed and non-empty.
   *
   * @param type e.g. {@code url}, {@code file}, {@code dir}
   * @param target the rest, which may contain {@code :}
   */
  public record LocationRef(String type, String target) {
    /**
     * Checks both parts are present.
     *
     * @param type e.g. {@code url}, {@code file}, {@code dir}
     * @param target the rest, which may contain {@code :}
     */
    public LocationRef {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(target, "target");
    }

    /**
     * Parses {@code type:target}.
     *
     * @param text the text
     * @return the ref, empty when a part is missing
     */
    public static Optional<LocationRef> parse(String text) {
      int colon = text.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      String type = text.substring(0, colon).trim();
      String target = text.substring(colon + 1).trim();
      return type.isEmpty() || target.isEmpty() ? Optional.empty() : Optional.of(new LocationRef(type, target));
    }

    @Override
    public String toString() {
      return type + ":" + target;
    }
  }

  /**
   * An {@code owner/name} slug (GitHub, Sentry, CircleCI style).
   *
   * @param owner the organisation or user
   * @param name the repository or project
   */
  public record Slug(String owner, String name) {
    /**
     * Checks both parts are present.
     *
     * @param owner the organisation or user
     * @param name the repository or project
     */
    public Slug {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(name, "name");
    }

    /**
     * Parses {@code owner/name}.
     *
     * @param text the text
     * @return the slug, empty unless it has exactly one {@code /} with text on both sides
     */
    public static Optional<Slug> parse(String text) {
      String t = text.trim();
      int slash = t.indexOf('/');
      if (slash <= 0 || slash == t.length() - 1 || t.indexOf('/', slash + 1) >= 0) {
        return Optional.empty();
      }
      return Optional.of(new Slug(t.substring(0, slash), t.substring(slash + 1)));
    }

    @Override
    public String toString() {
      return owner + "/" + name;
    }
  }

  /** {@code backstage.io/managed-by-location}, set by the catalog. */
  public static final Annotation<LocationRef> MANAGED_BY_LOCATION =
      Annotation.of("backstage.io/managed-by-location", LocationRef::parse);
  /** {@code backstage.io/managed-by-origin-location}, set by the catalog. */
  public static final Annotation<LocationRef> MANAGED_BY_ORIGIN_LOCATION =
      Annotation.of("backstage.io/managed-by-origin-location", LocationRef::parse);
  /** {@code backstage.io/source-location}: where the source code lives. */
  public static final Annotation<LocationRef> SOURCE_LOCATION =
      Annotation.of("backstage.io/source-location", LocationRef::parse);
  /** {@code backstage.io/techdocs-ref}: e.g. {@code dir:.}. */
  public static final Annotation<LocationRef> TECHDOCS_REF =
      Annotation.of("backstage.io/techdocs-ref", LocationRef::parse);
  /** {@code backstage.io/view-url}. */
  public static final Annotation<String> VIEW_URL = Annotation.text("backstage.io/view-url");
  /** {@code backstage.io/edit-url}. */
  public static final Annotation<String> EDIT_URL = Annotation.text("backstage.io/edit-url");
  /** {@code backstage.io/orphan}: exactly {@code "true"} when set. */
  public static final Annotation<Boolean> ORPHAN =
      Annotation.of("backstage.io/orphan", v -> "true".equals(v) ? Optional.of(true) : Optional.empty());
  /** {@code github.com/project-slug}: {@code owner/repo}. */
  public static final Annotation<Slug> GITHUB_PROJECT_SLUG = Annotation.of("github.com/project-slug", Slug::parse);
  /** {@code github.com/team-slug}: {@code org/team}. */
  public static final Annotation<Slug> GITHUB_TEAM_SLUG = Annotation.of("github.com/team-slug", Slug::parse);
  /** {@code github.com/user-login}. */
  public static final Annotation<String> GITHUB_USER_LOGIN = Annotation.text("github.com/user-login");
  /** {@code argocd/app-name}. */
  public static final Annotation<String> ARGOCD_APP_NAME = Annotation.text("argocd/app-name");
  /** {@code jenkins.io/job-full-name}. */
  public static final Annotation<String> JENKINS_JOB_FULL_NAME = Annotation.text("jenkins.io/job-full-name");
  /** {@code sentry.io/project-slug}. */
  public static final Annotation<String> SENTRY_PROJECT_SLUG = Annotation.text("sentry.io/project-slug");
  /** {@code sonarqube.org/project-key}. */
  public static final Annotation<String> SONARQUBE_PROJECT_KEY = Annotation.text("sonarqube.org/project-key");
  /** {@code pagerduty.com/service-id}. */
  public static final Annotation<String> PAGERDUTY_SERVICE_ID = Annotation.text("pagerduty.com/service-id");
  /** {@code backstage.io/kubernetes-id}. */
  public static final Annotation<String> KUBERNETES_ID = Annotation.text("backstage.io/kubernetes-id");
  /** {@code circleci.com/project-slug}. */
  public static final Annotation<String> CIRCLECI_PROJECT_SLUG = Annotation.text("circleci.com/project-slug");
}
