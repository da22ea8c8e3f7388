package dev.portolan.dora;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to the input: counters named as in the reference output (lines read, invalid lines, merged
 * records, counted and excluded deployments, links, ...) and the first few problems of each kind with their line
 * numbers.
 */
public final class Diagnostics {

  private final Map<String, Long> counters;
  private final List<InputProblem> problems;

  /**
   * Creates diagnostics.
   *
   * @param counters counter values by name
   * @param problems sample problems
   */
  public Diagnostics(Map<String, Long> counters, List<InputProblem> problems) {
    this.counters = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(counters)));
    this.problems = List.copyOf(problems);
  }

  /**
   * Counter values, sorted by name. Counters the reference reports only when non-zero are absent when zero.
   *
   * @return the counters
   */
  public Map<String, Long> counters() {
    return counters;
  }

  /**
   * One counter.
   *
   * @param name the name, such as {@code lines_invalid_json}
   * @return its value, 0 when absent
   */
  public long get(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /**
   * The first problems of each kind.
   *
   * @return the samples
   */
  public List<InputProblem> problems() {
    return problems;
  }

  /**
   * Lines or events that were skipped: invalid JSON, unknown types and invalid events.
   *
   * @return the number skipped
   */
  public long skipped() {
    return get("lines_invalid_json") + get("events_unknown_type") + get("events_invalid");
  }

  @Override
  public String toString() {
    return "Diagnostics" + counters;
  }
}
