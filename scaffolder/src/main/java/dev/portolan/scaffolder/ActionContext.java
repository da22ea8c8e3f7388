package dev.portolan.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What an action sees while it runs one step (or one iteration of an {@code each} step). */
public interface ActionContext {

  /**
   * Returns the rendered input.
   *
   * @return the input object
   */
  JsonNode input();

  /**
   * Returns the workspace directory shared by every step of the run.
   *
   * @return the workspace root (a real path)
   */
  Path workspace();

  /**
   * Resolves a path from template input inside the workspace, refusing {@code ..} escapes, absolute paths
   * and symlinks (also chains and dangling ones) that lead outside.
   *
   * @param relative a relative path from template input
   * @return the resolved path inside the workspace
   * @throws ScaffolderException if the path escapes the workspace
   */
  Path resolveInWorkspace(String relative);

  /**
   * Resolves a {@code url:} input: a relative URL against the template's directory (or the configured
   * template root), a {@code file:} URL under that root.
   *
   * @param url the url input
   * @return the local path it names
   * @throws ScaffolderException if it cannot be resolved or escapes the allowed root
   */
  Path resolveUrl(String url);

  /**
   * Renders file contents or a path with the template engine ({@code ${{ }}}, or {@code {{ }}} with
   * cookiecutter compatibility).
   *
   * @param template the text
   * @param name the name used in error messages
   * @param context the variables
   * @param options delimiters and whitespace options
   * @return the rendered text
   * @throws TemplateException on syntax or runtime errors
   */
  String render(String template, String name, JsonNode context, RenderOptions options);

  /**
   * Records an output of the step, visible to later steps as {@code steps.<id>.output.<name>}.
   *
   * @param name output name
   * @param value output value
   */
  void output(String name, JsonNode value);

  /**
   * Writes a line to the step log (secrets are redacted).
   *
   * @param message the line
   */
  void log(String message);

  /**
   * Reports whether this is a dry run.
   *
   * @return true in a dry run
   */
  boolean isDryRun();

  /**
   * Returns the task secrets.
   *
   * @return secret values by name
   */
  Map<String, String> secrets();

  /**
   * Returns the user running the template.
   *
   * @return {@code {entity, ref}}
   */
  JsonNode user();

  /**
   * Returns the id of the step.
   *
   * @return the step id
   */
  String stepId();

  /**
   * Returns the entity ref of the template being run, e.g. {@code template:default/react-app} (Backstage's
   * {@code ctx.templateInfo.entityRef}); {@code catalog:write} records it in the
   * {@code backstage.io/source-template} annotation.
   *
   * @return the template's ref, or empty when the context is not running a template
   */
  default Optional<String> templateRef() {
    return Optional.empty();
  }

  /**
   * Sleeps, bounded by the scaffolder's configured maximum.
   *
   * @param millis milliseconds
   * @throws InterruptedException if interrupted
   */
  void sleep(long millis) throws InterruptedException;

  /**
   * Options for {@link #render}.
   *
   * @param cookiecutterCompat use {@code {{ }}} output delimiters
   * @param trimBlocks remove the first newline after a block tag
   * @param lstripBlocks strip whitespace before a block tag on its own line
   */
  record RenderOptions(boolean cookiecutterCompat, boolean trimBlocks, boolean lstripBlocks) {}
}
