package dev.portolan.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
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
