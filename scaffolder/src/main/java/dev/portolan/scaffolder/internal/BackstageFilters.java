package dev.portolan.scaffolder.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.model.EntityRef;
import dev.portolan.catalog.model.PortolanException;
import dev.portolan.scaffolder.TemplateFilter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Backstage's scaffolder filters: {@code parseRepoUrl}, {@code projectSlug}, {@code parseEntityRef}, {@code pick}. */
public final class BackstageFilters {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private BackstageFilters() {}

  /**
   * The integrations every installation knows: the public SCM hosts.
   *
   * @return host to integration type
   */
  public static Map<String, String> defaultIntegrations() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("github.com", "github");
    m.put("gitlab.com", "gitlab");
    m.put("bitbucket.org", "bitbucketCloud");
    m.put("dev.azure.com", "azure");
    return m;
  }

  /**
   * Creates the four filters.
   *
   * @param integrations host to integration type, for repo URL validation
   * @return filters by name
   */
  public static Map<String, TemplateFilter> create(Map<String, String> integrations) {
    Map<String, String> hosts = Map.copyOf(integrations);
    Map<String, TemplateFilter> m = new LinkedHashMap<>();
    m.put("parseRepoUrl", (input, args) -> parseRepoUrl(text(input, "parseRepoUrl"), hosts));
    m.put("projectSlug", (input, args) -> {
      JsonNode r = parseRepoUrl(text(input, "projectSlug"), hosts);
      return F.textNode(r.path("owner").asText("undefined") + "/" + r.path("repo").asText("undefined"));
    });
    m.put("parseEntityRef", (input, args) -> {
      JsonNode ctx = args.isEmpty() ? MissingNode.getInstance() : args.get(0);
      Optional<String> kind = ctx.path("defaultKind").isTextual()
          ? Optional.of(ctx.path("defaultKind").asText()) : Optional.empty();
      Optional<String> ns = ctx.path("defaultNamespace").isTextual()
          ? Optional.of(ctx.path("defaultNamespace").asText()) : Optional.empty();
      try {
        EntityRef ref = EntityRef.parse(text(input, "parseEntityRef"), kind, ns);
        ObjectNode o = F.objectNode();
        o.put("kind", ref.kind());
        o.put("namespace", ref.namespace());
        o.put("name", ref.name());
        return o;
      } catch (PortolanException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    });
    m.put("pick", (input, args) -> {
      String path = args.isEmpty() ? "" : args.get(0).asText();
      JsonNode cur = input;
      for (String part : pathParts(path)) {
        if (cur.isObject()) {
          cur = cur.path(part);
        } else if (cur.isArray() && part.matches("\\d+")) {
          cur = cur.path(Integer.parseInt(part));
        } else {
          return MissingNode.getInstance();
        }
      }
      return cur;
    });
    return m;
  }

  private static String text(JsonNode input, String filter) {
    if (!input.isTextual()) {
      throw new IllegalArgumentException("expected a string, found " + (input.isMissingNode() ? "undefined" : input));
    }
    return input.asText();
  }

  static List<String> pathParts(String path) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '[' || c == ']') {
        if (cur.length() > 0) {
          parts.add(cur.toString());
          cur.setLength(0);
        }
      } else if ((c == '"' || c == '\'') && i > 0 && path.charAt(i - 1) == '[') {
        int end = path.indexOf(c, i + 1);
        if (end < 0) {
          end = path.length();
        }
        parts.add(path.substring(i + 1, end));
        i = end;
      } else {
        cur.append(c);
      }
    }
    if (cur.length() > 0) {
      parts.add(cur.toString());
    }
    return parts;
  }

  static JsonNode parseRepoUrl(String repoUrl, Map<String, String> integrations) {
    URI uri;
    try {
      uri = new URI("https://" + repoUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Invalid repo URL passed to publisher: https://" + repoUrl);
    }
    String host = uri.getHost() == null ? uri.getAuthority() : uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("Invalid repo URL passed to publisher: https://" + repoUrl);
    }
    if (uri.getPort() != -1) {
      host = host + ":" + uri.getPort();
    }
    Map<String, String> q = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String kv : uri.getRawQuery().split("&")) {
        if (kv.isEmpty()) {
          continue;
        }
        int eq = kv.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        q.putIfAbsent(k, v);
      }
    }
    String type = integrations.get(host);
    if (type == null) {
      throw new IllegalArgumentException("No matching integration configuration for host " + host
          + ", please check your integrations config");
    }
    String full = "https://" + repoUrl;
    switch (type) {
      case "bitbucket", "bitbucketCloud", "bitbucketServer" -> {
        if (host.equals("bitbucket.org") && !q.containsKey("workspace")) {
          throw new IllegalArgumentException("Invalid repo URL passed to publisher: " + full + ", missing workspace");
        }
        require(q, "project", full);
        require(q, "repo", full);
      }
      case "gitlab" -> {
        if (!q.containsKey("project")) {
          require(q, "owner", full);
          require(q, "repo", full);
        }
      }
      case "gitea", "gerrit" -> require(q, "repo", full);
      default -> {
        require(q, "owner", full);
        require(q, "repo", full);
      }
    }
    ObjectNode o = F.objectNode();
    o.put("host", host);
    for (String k : List.of("owner", "repo", "organization", "workspace", "project")) {
      if (q.containsKey(k)) {
        o.put(k, q.get(k));
      }
    }
    return o;
  }

  private static void require(Map<String, String> q, String key, String url) {
    if (q.get(key) == null || q.get(key).isEmpty()) {
      throw new IllegalArgumentException("Invalid repo URL passed to publisher: " + url + ", missing " + key);
    }
  }
}
