package dev.portolan.governance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.governance.internal.Fields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The findings of an earlier run: with a baseline, only findings that are not in it count as new, so CI can
 * fail on new problems only.
 */
public final class Baseline {

  private final Set<String> fingerprints;

  private Baseline(Set<String> fingerprints) {
    this.fingerprints = Set.copyOf(fingerprints);
  }

  /**
   * The findings of a report.
   *
   * @param report an earlier report
   * @return the baseline
   */
  public static Baseline of(Report report) {
    Set<String> s = new HashSet<>();
    report.findings().forEach(f -> s.add(f.fingerprint()));
    return new Baseline(s);
  }

  /**
   * Reads a JSON report written by {@code portolan govern --format json}.
   *
   * @param file the report
   * @return the baseline
   * @throws GovernanceException when the file is not such a report
   */
  public static Baseline load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new GovernanceException(file.toString(), at == null ? 0 : Math.max(0, at.getLineNr()),
          at == null ? 0 : Math.max(0, at.getColumnNr()), null, null,
          "expected a JSON governance report (written with --format json), found malformed JSON: "
              + cleanJsonProblem(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new GovernanceException(file.toString(), 0, 0, null, null,
          "expected a readable JSON governance report, found " + (e.getMessage() == null ? "an unreadable file"
              : "an unreadable file (" + e.getMessage() + ")"));
    }
    if (root == null || !root.path("findings").isArray()) {
      throw new GovernanceException(file.toString(), 1, 1, null, "findings", "expected a JSON governance report with a findings list, found " + (root == null ? "nothing" : Condition.describe(root.path("findings"))));
    }
    Set<String> s = new HashSet<>();
    int i = 0;
    for (JsonNode f : root.path("findings")) {
      String rule = Fields.text(f.path("rule")).orElse(null);
      String entity = Fields.text(f.path("entity")).orElse(null);
      if (rule == null || entity == null) {
        throw new GovernanceException(file.toString(), 0, 0, null, "findings[" + i + "]", "expected rule and entity, found " + Condition.describe(f));
      }
      s.add(Finding.fingerprint(rule, entity, Fields.text(f.path("check")).orElse("")));
      i++;
    }
    return new Baseline(s);
  }

  /**
   * The parser's own description without its source and position fragments (the position is reported as
   * file:line:col), e.g. {@code Unexpected end-of-input: expected close marker for Array (opened at 1:14)}.
   */
  static String cleanJsonProblem(String original) {
    String m = original == null ? "" : original.lines().findFirst().orElse("");
    m = START_MARKER.matcher(m).replaceAll("(opened at $1:$2)");
    m = SOURCE.matcher(m).replaceAll("").trim();
    return m.isEmpty() ? "invalid JSON" : m;
  }

  private static final java.util.regex.Pattern START_MARKER = java.util.regex.Pattern.compile(
      "\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)");
  private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile(
      "\\s*(at )?\\[Source: [^\\]]*\\]");

  /**
   * Whether a finding was already known.
   *
   * @param fingerprint a {@link Finding#fingerprint()}
   * @return true when in the baseline
   */
  public boolean contains(String fingerprint) {
    return fingerprints.contains(fingerprint);
  }

  /**
   * The number of findings in the baseline.
   *
   * @return the size
   */
  public int size() {
    return fingerprints.size();
  }
}
