package dev.portolan.dora.internal;

/** Kinds of input problems, each with the line numbers of its first occurrences. */
public enum Problem {
  /** A line that is not one JSON object. */
  INVALID_JSON("invalid_json"),
  /** An object whose {@code type} is not deployment, change, commit or incident. */
  UNKNOWN_TYPE("unknown_type"),
  /** An event missing a required field or with a field of the wrong type or format. */
  INVALID_EVENT("invalid_event"),
  /** A timestamp without a UTC offset, read as UTC. */
  TIMESTAMP_WITHOUT_OFFSET("timestamp_without_offset"),
  /** A line longer than the reader accepts. */
  LINE_TOO_LONG("line_too_long");

  private final String key;

  Problem(String key) {
    this.key = key;
  }

  /**
   * The name in the JSON output.
   *
   * @return the key
   */
  public String key() {
    return key;
  }
}
