package dev.portolan.dora;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.portolan.dora.internal.Payloads;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delivery events from CSV with a header row. The columns are the JSON Lines field names: {@code type} (required:
 * {@code deployment}, {@code change}/{@code commit} or {@code incident}), then {@code id}, {@code service},
 * {@code environment}, {@code status}, {@code finished_at}, {@code commits} (shas separated by spaces, commas or
 * semicolons), {@code is_rollback}, {@code rollback_of}, {@code is_hotfix}, {@code sha}, {@code committed_at},
 * {@code authored_at}, {@code pr}, {@code opened_at}, {@code resolved_at}, {@code caused_by_deployment},
 * {@code root_cause_sha}. Columns a row's type does not use may be absent or empty; other columns are ignored.
 * Flags accept {@code true}/{@code yes}/{@code 1}. Timestamps are RFC 3339 with an offset.
 *
 * <p>A bad row is reported with its line and column and the others are still read.
 */
public final class CsvEvents {

  private static final Set<String> TYPES = Set.of("deployment", "change", "commit", "incident");

  private CsvEvents() {}

  /**
   * The events read and the rows that could not be read.
   *
   * @param events the events, in row order
   * @param errors one error per bad row
   */
  public record Result(List<DeliveryEvent> events, List<DoraInputException> errors) {

    /**
     * Copies the lists.
     *
     * @param events the events, in row order
     * @param errors one error per bad row
     */
    public Result {
      events = List.copyOf(events);
      errors = List.copyOf(errors);
    }
  }

  /**
   * Reads CSV.
   *
   * @param source the file name for errors
   * @param in the CSV text (not closed)
   * @return the events and the bad rows
   * @throws DoraInputException when the header has no {@code type} column or the CSV is malformed
   */
  public static Result read(String source, Reader in) {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<DeliveryEvent> events = new ArrayList<>();
    List<DoraInputException> errors = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it =
        mapper.readerForMapOf(String.class).with(schema).readValues(in)) {
      CsvSchema actual = (CsvSchema) it.getParserSchema();
      if (actual == null || actual.column("type") == null) {
        throw new DoraInputException(source, 1, 0, null, "a header row with a 'type' column", header(actual), null);
      }
      while (it.hasNextValue()) {
        Map<String, String> row = it.nextValue();
        // After a row the reader stands at the start of the next line, or at the end of a last unterminated line.
        JsonLocation loc = it.getCurrentLocation();
        long line = loc == null ? 0 : loc.getColumnNr() <= 1 ? loc.getLineNr() - 1 : loc.getLineNr();
        try {
          events.add(row(source, line, row));
        } catch (DoraInputException e) {
          errors.add(e);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof DoraInputException d) {
        throw d;
      }
      throw new DoraInputException(source, 0, 0, null, "well-formed CSV", e.getMessage(), e);
    }
    return new Result(events, errors);
  }

  private static String header(CsvSchema s) {
    if (s == null) {
      return "no header";
    }
    List<String> names = new ArrayList<>();
    s.forEach(c -> names.add(c.getName()));
    return names.toString();
  }

  private static DeliveryEvent row(String source, long line, Map<String, String> row) {
    Cells c = new Cells(source, line, row);
    String type = c.required("type").toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw c.error("type", "one of deployment, change, commit, incident", "\"" + type + "\"");
    }
    switch (type) {
      case "deployment":
        return new DeploymentEvent(
            c.required("id"), c.required("service"), c.required("environment"), c.required("status"),
            c.time("finished_at"), c.list("commits"), c.flag("is_rollback"), c.optional("rollback_of"),
            c.flag("is_hotfix"));
      case "incident":
        return new IncidentEvent(
            c.required("id"), c.required("service"),
            c.time("opened_at").orElseThrow(() -> c.error("opened_at", "a timestamp", "nothing")),
            c.time("resolved_at"), c.optional("caused_by_deployment"), c.optional("root_cause_sha"));
      default:
        return new ChangeEvent(
            c.required("sha"), c.optional("service"), c.time("committed_at"), c.time("authored_at"),
            c.optional("pr"));
    }
  }

  /** The cells of one row. */
  private static final class Cells {
    private final String source;
    private final long line;
    private final Map<String, String> row;

    Cells(String source, long line, Map<String, String> row) {
      this.source = source;
      this.line = line;
      this.row = row;
    }

    DoraInputException error(String column, String expected, String found) {
      return new DoraInputException(source, line, 0, column, expected, found, null);
    }

    Optional<String> optional(String column) {
      String v = row.get(column);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    String required(String column) {
      return optional(column).orElseThrow(() -> error(column, "a value", "an empty cell"));
    }

    Optional<Instant> time(String column) {
      Optional<String> v = optional(column);
      if (v.isEmpty()) {
        return Optional.empty();
      }
      Instant t = Payloads.parseTime(v.get());
      if (t == null) {
        throw error(column, "an RFC 3339 timestamp with an offset", "\"" + v.get() + "\"");
      }
      return Optional.of(t);
    }

    boolean flag(String column) {
      Optional<String> v = optional(column).map(s -> s.toLowerCase(Locale.ROOT));
      if (v.isEmpty() || v.get().equals("false") || v.get().equals("no") || v.get().equals("0")) {
        return false;
      }
      if (v.get().equals("true") || v.get().equals("yes") || v.get().equals("1")) {
        return true;
      }
      throw error(column, "true or false", "\"" + v.get() + "\"");
    }

    List<String> list(String column) {
      return optional(column)
          .map(s -> Arrays.stream(s.split("[\\s,;]+")).filter(x -> !x.isEmpty()).toList())
          .orElse(List.of());
    }
  }
}
