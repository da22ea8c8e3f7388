package dev.portolan.governance;

import dev.portolan.governance.internal.ReportWriters;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/** The output formats of a {@link Report}. */
public enum ReportFormat {
  /** One line per finding, {@code file:line:col: severity RULE entity: message}, then a summary. */
  TEXT,
  /** The versioned JSON report ({@code schemaVersion}, {@code asOf}, findings, results, scorecards, waivers). */
  JSON,
  /** SARIF 2.1.0, for code-scanning UIs: one result per finding, located at the entity's file and line. */
  SARIF,
  /** JUnit XML: one test suite per rule, one test case per entity and rule; waived cases are skipped. */
  JUNIT,
  /** A Markdown summary for pull-request comments. */
  MARKDOWN;

  /**
   * Parses a format name, ignoring case.
   *
   * @param name text, json, sarif, junit or markdown
   * @return the format
   * @throws GovernanceException when unknown
   */
  public static ReportFormat parse(String name) {
    for (ReportFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new GovernanceException("expected one of text, json, sarif, junit, markdown, found '" + name + "'");
  }

  /**
   * Writes a report.
   *
   * @param report the report
   * @param out where to write; not closed
   * @throws UncheckedIOException when writing fails
   */
  public void write(Report report, Writer out) {
    try {
      switch (this) {
        case TEXT:
          ReportWriters.text(report, out);
          break;
        case JSON:
          ReportWriters.json(report, out);
          break;
        case SARIF:
          ReportWriters.sarif(report, out);
          break;
        case JUNIT:
          ReportWriters.junit(report, out);
          break;
        default:
          ReportWriters.markdown(report, out);
          break;
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a report to a string.
   *
   * @param report the report
   * @return the text
   */
  public String write(Report report) {
    StringWriter w = new StringWriter();
    write(report, w);
    return w.toString();
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
