package dev.portolan.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.scaffolder.ScaffoldRequest;
import dev.portolan.scaffolder.ScaffoldResult;
import dev.portolan.scaffolder.Scaffolder;
import dev.portolan.scaffolder.Template;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Tests for templates: run a template with values in a unit test and assert on the files it produces and
 * its output.
 *
 * <pre>
 * ScaffoldResult result = ScaffoldResultAssert.dryRun(Path.of("templates/service/template.yaml"),
 *     Map.of("name", "orders", "owner", "group:team-a"));
 * ScaffoldResultAssert.assertThat(result)
 *     .succeeded()
 *     .hasFileContaining("catalog-info.yaml", "name: orders")
 *     .hasOutput("/text/0/content", "Created orders");
 * </pre>
 *
 * A failing assertion says what the run did: the error of the failed step, the step log and the files
 * that were produced, so a broken template is diagnosed from the test report alone.
 */
public final class ScaffoldResultAssert extends AbstractAssert<ScaffoldResultAssert, ScaffoldResult> {

  private ScaffoldResultAssert(ScaffoldResult actual) {
    super(actual, ScaffoldResultAssert.class);
  }

  /**
   * Starts assertions on a template run.
   *
   * @param result the run
   * @return the assertion
   */
  public static ScaffoldResultAssert assertThat(ScaffoldResult result) {
    return new ScaffoldResultAssert(result);
  }

  /**
   * Dry-runs a template file with the built-in actions: nothing is written outside a temporary workspace.
   *
   * @param template the {@code template.yaml}
   * @param values the parameter values, as a template form would submit them
   * @return the run
   */
  public static ScaffoldResult dryRun(Path template, Map<String, ?> values) {
    return dryRun(Scaffolder.builder().build(), template, values);
  }

  /**
   * Dry-runs a template file with a configured scaffolder (custom actions, filters, a catalog).
   *
   * @param scaffolder the scaffolder
   * @param template the {@code template.yaml}
   * @param values the parameter values, as a template form would submit them
   * @return the run
   */
  public static ScaffoldResult dryRun(Scaffolder scaffolder, Path template, Map<String, ?> values) {
    Template loaded = scaffolder.loadTemplate(template);
    return scaffolder.run(ScaffoldRequest.dryRun(loaded, values));
  }

  /**
   * Dry-runs a template kept as a classpath resource (for example under {@code src/test/resources}), with
   * the built-in actions; its skeletons are found next to it.
   *
   * @param resource the resource name, e.g. {@code templates/service/template.yaml}
   * @param values the parameter values, as a template form would submit them
   * @return the run
   */
  public static ScaffoldResult dryRunResource(String resource, Map<String, ?> values) {
    return dryRunResource(Scaffolder.builder().build(), resource, values);
  }

  /**
   * Dry-runs a template kept as a classpath resource with a configured scaffolder.
   *
   * @param scaffolder the scaffolder
   * @param resource the resource name, read with the thread's context class loader (or this class's loader)
   * @param values the parameter values, as a template form would submit them
   * @return the run
   */
  public static ScaffoldResult dryRunResource(Scaffolder scaffolder, String resource, Map<String, ?> values) {
    ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
        .orElse(ScaffoldResultAssert.class.getClassLoader());
    Template loaded = scaffolder.loadTemplateResource(loader, resource);
    return scaffolder.run(ScaffoldRequest.dryRun(loaded, values));
  }

  /**
   * Verifies that every step succeeded.
   *
   * @return this assertion
   */
  public ScaffoldResultAssert succeeded() {
    isNotNull();
    if (!actual.succeeded()) {
      failWithMessage("Expected the template run to succeed, but it failed: %s%n%s", actual.error().orElse(""),
          describeRun());
    }
    return this;
  }

  /**
   * Verifies that the run failed with an error containing a text.
   *
   * @param fragment a part of the expected error
   * @return this assertion
   */
  public ScaffoldResultAssert failedWith(String fragment) {
    isNotNull();
    Optional<String> error = actual.error();
    if (error.isEmpty()) {
      failWithMessage("Expected the template run to fail with <%s>, but it succeeded%n%s", fragment,
          describeRun());
    } else if (!error.get().contains(fragment)) {
      failWithMessage("Expected the template run to fail with <%s>, but it failed with <%s>", fragment,
          error.get());
    }
    return this;
  }

  /**
   * Verifies that the workspace holds a file.
   *
   * @param path the path relative to the workspace, with {@code /} separators
   * @return this assertion
   */
  public ScaffoldResultAssert hasFile(String path) {
    file(path);
    return this;
  }

  /**
   * Verifies that the workspace holds no file at a path.
   *
   * @param path the path relative to the workspace, with {@code /} separators
   * @return this assertion
   */
  public ScaffoldResultAssert doesNotHaveFile(String path) {
    isNotNull();
    if (find(path).isPresent()) {
      failWithMessage("Expected no file <%s> in the workspace, but it was produced", path);
    }
    return this;
  }

  /**
   * Verifies that the workspace holds exactly these files, in any order.
   *
   * @param paths the paths relative to the workspace, with {@code /} separators
   * @return this assertion
   */
  public ScaffoldResultAssert hasExactlyFiles(String... paths) {
    isNotNull();
    List<String> produced = producedPaths();
    List<String> expected = List.of(paths).stream().sorted().toList();
    if (!produced.equals(expected)) {
      failWithMessage("Expected exactly the files %s, but the workspace holds %s", expected, produced);
    }
    return this;
  }

  /**
   * Verifies that a file contains a text.
   *
   * @param path the path relative to the workspace, with {@code /} separators
   * @param text the text the file must contain
   * @return this assertion
   */
  public ScaffoldResultAssert hasFileContaining(String path, String text) {
    String content = file(path).text();
    if (!content.contains(text)) {
      failWithMessage("Expected file <%s> to contain <%s>, but it was:%n%s", path, text, content);
    }
    return this;
  }

  /**
   * Verifies a file's whole content.
   *
   * @param path the path relative to the workspace, with {@code /} separators
   * @param expected the expected text
   * @return this assertion
   */
  public ScaffoldResultAssert hasFileWithContent(String path, String expected) {
    String content = file(path).text();
    if (!content.equals(expected)) {
      failWithMessage("Expected file <%s> to be:%n%s%nbut it was:%n%s", path, expected, content);
    }
    return this;
  }

  /**
   * Verifies a value of the rendered {@code spec.output}.
   *
   * @param jsonPointer where in the output, e.g. {@code /links/0/url}
   * @param expected the expected text of that value
   * @return this assertion
   */
  public ScaffoldResultAssert hasOutput(String jsonPointer, String expected) {
    isNotNull();
    JsonNode value = actual.output().at(jsonPointer);
    if (value.isMissingNode()) {
      failWithMessage("Expected output <%s> to be <%s>, but the output has no such value: %s", jsonPointer,
          expected, actual.output());
    } else if (!value.asText().equals(expected)) {
      failWithMessage("Expected output <%s> to be <%s>, but it was <%s>", jsonPointer, expected,
          value.asText());
    }
    return this;
  }

  private ScaffoldResult.GeneratedFile file(String path) {
    isNotNull();
    Optional<ScaffoldResult.GeneratedFile> file = find(path);
    if (file.isEmpty()) {
      failWithMessage("Expected a file <%s> in the workspace, but it holds %s%n%s", path, producedPaths(),
          describeRun());
    }
    return file.orElseThrow();
  }

  private Optional<ScaffoldResult.GeneratedFile> find(String path) {
    return actual.files().stream().filter(f -> f.path().equals(path)).findFirst();
  }

  private List<String> producedPaths() {
    return actual.files().stream().map(ScaffoldResult.GeneratedFile::path).sorted().toList();
  }

  private String describeRun() {
    String log = actual.log().stream()
        .map(e -> "  [" + e.stepId() + "] " + e.level() + ": " + e.message())
        .collect(Collectors.joining(System.lineSeparator()));
    return "Step log:" + System.lineSeparator() + (log.isEmpty() ? "  (empty)" : log);
  }
}
