package dev.portolan.scaffolder;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a run: the generated files, the step log, the rendered output and each step's status.
 * Secrets never appear in any part of it.
 *
 * @param files every file of the workspace after the last step, sorted by path
 * @param log the step log, in order
 * @param output {@code spec.output} rendered after the last step
 * @param steps what happened to each step
 * @param error the first step failure, when the run failed
 */
public record ScaffoldResult(List<GeneratedFile> files, List<LogEntry> log, JsonNode output, List<StepResult> steps,
    Optional<String> error) {

  /**
   * Copies the parts.
   *
   * @param files every file of the workspace after the last step, sorted by path
   * @param log the step log, in order
   * @param output {@code spec.output} rendered after the last step
   * @param steps what happened to each step
   * @param error the first step failure, when the run failed
   */
  public ScaffoldResult {
    files = List.copyOf(files);
    log = List.copyOf(log);
    output = output.deepCopy();
    steps = List.copyOf(steps);
    Objects.requireNonNull(error, "error");
  }

  /**
   * Reports whether every step that ran succeeded.
   *
   * @return true when there is no error
   */
  public boolean succeeded() {
    return error.isEmpty();
  }

  /**
   * A file (or symlink) of the workspace.
   *
   * @param path path relative to the workspace, with {@code /} separators
   * @param content the bytes (the link target for symlinks)
   * @param executable whether the owner execute bit is set
   * @param symlink whether the entry is a symbolic link
   */
  public record GeneratedFile(String path, byte[] content, boolean executable, boolean symlink) {

    /**
     * Copies the content.
     *
     * @param path path relative to the workspace, with {@code /} separators
     * @param content the bytes (the link target for symlinks)
     * @param executable whether the owner execute bit is set
     * @param symlink whether the entry is a symbolic link
     */
    public GeneratedFile {
      Objects.requireNonNull(path, "path");
      content = content.clone();
    }

    /**
     * Returns the content.
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] content() {
      return content.clone();
    }

    /**
     * Returns the content decoded as UTF-8.
     *
     * @return the text
     */
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof GeneratedFile g && g.path.equals(path) && java.util.Arrays.equals(g.content, content)
          && g.executable == executable && g.symlink == symlink;
    }

    @Override
    public int hashCode() {
      return Objects.hash(path, java.util.Arrays.hashCode(content), executable, symlink);
    }

    @Override
    public String toString() {
      return "GeneratedFile[" + path + ", " + content.length + " bytes]";
    }
  }

  /**
   * A log line.
   *
   * @param at when it was written, by the scaffolder's clock
   * @param stepId the step, or empty for run-level lines
   * @param level {@code info}, {@code warn} or {@code error}
   * @param message the text, secrets redacted
   */
  public record LogEntry(java.time.Instant at, String stepId, String level, String message) {}

  /**
   * What happened to a step.
   *
   * @param id step id
   * @param name step name
   * @param action action id
   * @param status {@code completed}, {@code skipped}, {@code dry-run-skipped} or {@code failed}
   * @param output the step's outputs (secrets redacted)
   */
  public record StepResult(String id, String name, String action, String status, JsonNode output) {}
}
