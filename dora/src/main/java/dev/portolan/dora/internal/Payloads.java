package dev.portolan.dora.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.dora.DoraInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reading provider payloads with precise errors: every failure names the source, the JSON path and the value. */
public final class Payloads {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter GITLAB_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx");

  private final String source;
  private final JsonNode root;

  private Payloads(String source, JsonNode root) {
    this.source = source;
    this.root = root;
  }

  /**
   * Parses a payload.
   *
   * @param source the payload's name for errors
   * @param json the JSON text
   * @return the reader
   * @throws DoraInputException when it is not a JSON object
   */
  public static Payloads parse(String source, String json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      long col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new DoraInputException(source, line, col, null, "a JSON object", "invalid JSON: " + e.getOriginalMessage(), e);
    }
    return of(source, n);
  }

  /**
   * Wraps a parsed payload.
   *
   * @param source the payload's name for errors
   * @param node the payload
   * @return the reader
   * @throws DoraInputException when it is not a JSON object
   */
  public static Payloads of(String source, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new DoraInputException(source, 0, 0, "$", "a JSON object", node == null ? "nothing" : kind(node), null);
    }
    return new Payloads(source, node);
  }

  /**
   * The root node.
   *
   * @return the payload
   */
  public JsonNode root() {
    return root;
  }

  /**
   * The source name.
   *
   * @return the name
   */
  public String source() {
    return source;
  }

  /**
   * The node at a dotted path.
   *
   * @param path such as {@code deployment_status.state}
   * @return the node, or empty when missing or null
   */
  public Optional<JsonNode> node(String path) {
    JsonNode n = root;
    for (String p : path.split("\\.")) {
      n = n.get(p);
      if (n == null || n.isNull()) {
        return Optional.empty();
      }
    }
    return Optional.of(n);
  }

  /**
   * A required non-empty string (numbers are accepted as their text, as ids often are).
   *
   * @param path the dotted path
   * @return the text
   * @throws DoraInputException when missing or not a string
   */
  public String text(String path) {
    return optText(path).orElseThrow(() -> error(path, "a non-empty string", "nothing"));
  }

  /**
   * An optional string.
   *
   * @param path the dotted path
   * @return the text, empty when missing, null or empty
   * @throws DoraInputException when present with another type
   */
  public Optional<String> optText(String path) {
    Optional<JsonNode> n = node(path);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    JsonNode v = n.get();
    if (v.isTextual()) {
      return v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }
    if (v.isIntegralNumber()) {
      return Optional.of(v.asText());
    }
    throw error(path, "a string", kind(v));
  }

  /**
   * A required timestamp: RFC 3339, or GitLab's {@code 2021-04-28 21:50:00 +0200} and
   * {@code 2021-04-28 19:50:00 UTC}.
   *
   * @param path the dotted path
   * @return the instant
   * @throws DoraInputException when missing or unreadable
   */
  public Instant time(String path) {
    return optTime(path).orElseThrow(() -> error(path, "a timestamp", "nothing"));
  }

  /**
   * An optional timestamp.
   *
   * @param path the dotted path
   * @return the instant, empty when missing
   * @throws DoraInputException when present but unreadable
   */
  public Optional<Instant> optTime(String path) {
    Optional<String> t = optText(path);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Instant i = parseTime(t.get());
    if (i == null) {
      throw error(path, "an RFC 3339 timestamp with an offset", "\"" + t.get() + "\"");
    }
    return Optional.of(i);
  }

  /**
   * Parses a timestamp in the accepted forms.
   *
   * @param s the text
   * @return the instant, or null
   */
  public static Instant parseTime(String s) {
    Timestamps ts = new Timestamps();
    long us = ts.parse(s);
    if (us != Timestamps.INVALID && ts.hadOffset()) {
      return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
    }
    try {
      return OffsetDateTime.parse(s, GITLAB_OFFSET).toInstant();
    } catch (DateTimeParseException e) {
      // fall through to the UTC form
    }
    if (s.endsWith(" UTC")) {
      String iso = s.substring(0, s.length() - 4) + "Z";
      long u = ts.parse(iso);
      if (u != Timestamps.INVALID) {
        return Instant.ofEpochSecond(Math.floorDiv(u, 1_000_000L), Math.floorMod(u, 1_000_000L) * 1000L);
      }
    }
    return null;
  }

  /**
   * A boolean flag: JSON true, or the strings {@code true}, {@code yes}, {@code 1}.
   *
   * @param path the dotted path
   * @return the flag, false when missing
   */
  public boolean flag(String path) {
    return node(path).map(n -> n.isBoolean() ? n.asBoolean() : isTrue(n.asText())).orElse(false);
  }

  static boolean isTrue(String s) {
    String t = s.strip().toLowerCase(java.util.Locale.ROOT);
    return t.equals("true") || t.equals("yes") || t.equals("1") || t.equals("y");
  }

  /**
   * An error about a field.
   *
   * @param path the dotted path
   * @param expected what was expected
   * @param found what was found
   * @return the exception
   */
  public DoraInputException error(String path, String expected, String found) {
    return new DoraInputException(source, 0, 0, "$." + path, expected, found, null);
  }

  /**
   * Describes a node's type for messages.
   *
   * @param n the node
   * @return a short description
   */
  public static String kind(JsonNode n) {
    if (n.isObject()) {
      return "an object";
    }
    if (n.isArray()) {
      return "an array";
    }
    if (n.isNumber()) {
      return "a number " + n;
    }
    if (n.isBoolean()) {
      return n.toString();
    }
    if (n.isNull()) {
      return "null";
    }
    return n.toString();
  }
}
