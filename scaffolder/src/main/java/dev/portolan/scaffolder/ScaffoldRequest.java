package dev.portolan.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a template.
 *
 * @param template the template
 * @param values the submitted parameter values
 * @param secrets task secrets ({@code secrets.<name>})
 * @param user {@code {entity, ref}} of the user running the template
 * @param outputDirectory where the workspace is copied after a successful run; empty keeps nothing
 * @param dryRun run in dry-run mode: nothing is written outside a temporary workspace
 * @param taskId the task id ({@code context.task.id})
 */
public record ScaffoldRequest(Template template, JsonNode values, Map<String, String> secrets, JsonNode user,
    Optional<Path> outputDirectory, boolean dryRun, String taskId) {

  /**
   * Checks and copies the parts.
   *
   * @param template the template
   * @param values the submitted parameter values
   * @param secrets task secrets ({@code secrets.<name>})
   * @param user {@code {entity, ref}} of the user running the template
   * @param outputDirectory where the workspace is copied after a successful run; empty keeps nothing
   * @param dryRun run in dry-run mode: nothing is written outside a temporary workspace
   * @param taskId the task id ({@code context.task.id})
   */
  public ScaffoldRequest {
    Objects.requireNonNull(template, "template");
    values = values == null ? JsonNodeFactory.instance.objectNode() : values.deepCopy();
    secrets = Map.copyOf(secrets);
    user = user == null ? JsonNodeFactory.instance.objectNode() : user.deepCopy();
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(taskId, "taskId");
  }

  /**
   * Starts a request for a dry run with the given values.
   *
   * @param template the template
   * @param values the parameter values
   * @return a dry-run request without secrets or user
   */
  public static ScaffoldRequest dryRun(Template template, JsonNode values) {
    return new ScaffoldRequest(template, values, Map.of(), null, Optional.empty(), true, "dry-run");
  }

  /**
   * Starts a request that writes the result into a directory.
   *
   * @param template the template
   * @param values the parameter values
   * @param outputDirectory where the generated files go
   * @return a request without secrets or user
   */
  public static ScaffoldRequest into(Template template, JsonNode values, Path outputDirectory) {
    return new ScaffoldRequest(template, values, Map.of(), null, Optional.of(outputDirectory), false, "task");
  }

  /**
   * Starts a request for a dry run with values given as plain Java data.
   *
   * @param template the template
   * @param values the parameter values: maps with string keys, lists, strings, numbers, booleans and nulls
   * @return a dry-run request without secrets or user
   * @throws IllegalArgumentException naming the entry when a value is not plain data
   */
  public static ScaffoldRequest dryRun(Template template, Map<String, ?> values) {
    return dryRun(template, toJson(values, "values"));
  }

  /**
   * Starts a request that writes the result into a directory, with values given as plain Java data.
   *
   * @param template the template
   * @param values the parameter values: maps with string keys, lists, strings, numbers, booleans and nulls
   * @param outputDirectory where the generated files go
   * @return a request without secrets or user
   * @throws IllegalArgumentException naming the entry when a value is not plain data
   */
  public static ScaffoldRequest into(Template template, Map<String, ?> values, Path outputDirectory) {
    return into(template, toJson(values, "values"), outputDirectory);
  }

  /**
   * Returns this request with secrets given as a JSON object of strings.
   *
   * @param newSecrets an object whose values are strings
   * @return a new request
   * @throws IllegalArgumentException when a secret is not a string
   */
  public ScaffoldRequest withSecrets(JsonNode newSecrets) {
    Map<String, String> m = new LinkedHashMap<>();
    if (newSecrets != null && !newSecrets.isNull() && !newSecrets.isMissingNode()) {
      if (!newSecrets.isObject()) {
        throw new IllegalArgumentException("secrets: expected an object of strings, found " + newSecrets.getNodeType());
      }
      newSecrets.fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual()) {
          throw new IllegalArgumentException("secrets." + e.getKey() + ": expected a string, found "
              + e.getValue().getNodeType());
        }
        m.put(e.getKey(), e.getValue().asText());
      });
    }
    return withSecrets(m);
  }

  /**
   * Returns this request with a user given as plain Java data.
   *
   * @param newUser {@code {entity, ref}} as maps, lists and scalars
   * @return a new request
   * @throws IllegalArgumentException naming the entry when a value is not plain data
   */
  public ScaffoldRequest withUser(Map<String, ?> newUser) {
    return withUser(toJson(newUser, "user"));
  }

  /**
   * Returns this request with other parameter values.
   *
   * @param newValues the values
   * @return a new request
   */
  public ScaffoldRequest withValues(JsonNode newValues) {
    return new ScaffoldRequest(template, newValues, secrets, user, outputDirectory, dryRun, taskId);
  }

  /**
   * Returns this request with other parameter values given as plain Java data.
   *
   * @param newValues maps with string keys, lists, strings, numbers, booleans and nulls
   * @return a new request
   * @throws IllegalArgumentException naming the entry when a value is not plain data
   */
  public ScaffoldRequest withValues(Map<String, ?> newValues) {
    return withValues(toJson(newValues, "values"));
  }

  /** Plain Java data to JSON; anything else is refused, so no bean of the caller is ever introspected. */
  static JsonNode toJson(Object v, String path) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v == null) {
      return f.nullNode();
    }
    if (v instanceof String s) {
      return f.textNode(s);
    }
    if (v instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      long l = ((Number) v).longValue();
      // the node Jackson's parser gives for the same number, so requests compare equal either way
      return l == (int) l ? f.numberNode((int) l) : f.numberNode(l);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(path + ": expected a finite number, found " + d);
      }
      return f.numberNode(d);
    }
    if (v instanceof java.math.BigDecimal b) {
      return f.numberNode(b);
    }
    if (v instanceof java.math.BigInteger b) {
      return f.numberNode(b);
    }
    if (v instanceof JsonNode n) {
      return n.deepCopy();
    }
    if (v instanceof Map<?, ?> m) {
      com.fasterxml.jackson.databind.node.ObjectNode o = f.objectNode();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new IllegalArgumentException(path + ": expected string keys, found " + e.getKey());
        }
        o.set(k, toJson(e.getValue(), path + "." + k));
      }
      return o;
    }
    if (v instanceof Iterable<?> it) {
      com.fasterxml.jackson.databind.node.ArrayNode a = f.arrayNode();
      int i = 0;
      for (Object x : it) {
        a.add(toJson(x, path + "[" + i++ + "]"));
      }
      return a;
    }
    throw new IllegalArgumentException(path + ": expected plain data (map, list, string, number, boolean or null), "
        + "found " + v.getClass().getName());
  }

  /**
   * Returns this request with secrets.
   *
   * @param newSecrets secret values by name
   * @return a new request
   */
  public ScaffoldRequest withSecrets(Map<String, String> newSecrets) {
    return new ScaffoldRequest(template, values, newSecrets, user, outputDirectory, dryRun, taskId);
  }

  /**
   * Returns this request with a user.
   *
   * @param newUser {@code {entity, ref}}
   * @return a new request
   */
  public ScaffoldRequest withUser(JsonNode newUser) {
    return new ScaffoldRequest(template, values, secrets, newUser, outputDirectory, dryRun, taskId);
  }
}
