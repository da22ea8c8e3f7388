package dev.portolan.dora.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.dora.TierProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The plain-line parser gives exactly what the general path gives, on event lines and on near misses: spaces and
 * tabs, duplicate keys, unknown fields of every shape, escapes, non-ASCII text, numbers, broken syntax.
 */
class PlainLinesPropertyTest {

  private static final long FROM = Timestamps.daysFromCivil(2024, 1, 1) * Model.US_PER_DAY;
  private static final long TO = Timestamps.daysFromCivil(2024, 4, 1) * Model.US_PER_DAY;

  private static EventStore read(String text, boolean plain) throws IOException {
    EventStore store = new EventStore();
    new JsonLinesReader(store, 1 << 12, plain)
        .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "p.jsonl");
    return store;
  }

  @Property(tries = 300)
  void readLine_anyLines_sameAsGeneralPath(@ForAll("files") String text) throws IOException {
    EventStore general = read(text, false);
    EventStore plain = read(text, true);
    Model g = new Model(general);
    Model p = new Model(plain);
    assertThat(p.counters()).isEqualTo(g.counters());
    assertThat(plain.problems()).isEqualTo(general.problems());
    assertThat(p.services()).isEqualTo(g.services());
    assertThat(p.compute(null, FROM, TO, TierProfile.DORA_2023))
        .isEqualTo(g.compute(null, FROM, TO, TierProfile.DORA_2023));
  }

  @Provide
  Arbitrary<String> files() {
    return line().list().ofMinSize(1).ofMaxSize(40).map(l -> String.join("\n", l));
  }

  private static Arbitrary<String> sep() {
    return Arbitraries.of("", "", "", " ", "\t", "  ", " \t");
  }

  private static Arbitrary<String> str() {
    return Arbitraries.of(
        "\"a\"", "\"\"", "\"prod\"", "\"production\"", "\" Production \"", "\"success\"", "\"failed\"",
        "\"svc-1\"", "\"svc-2\"", "\"d1\"", "\"d2\"", "\"d3\"", "\"1e5b3c5cc05e6f44171f23a37724c9e866628850\"",
        "\"74ff21317c8c815268b9ba5ccb328c0a19e3096e\"", "\"s1\"", "\"2024-01-02T10:00:00Z\"",
        "\"2024-01-02T10:00:00.123+05:30\"", "\"2024-01-03T00:00:00\"", "\"2024-02-30T00:00:00Z\"",
        "\"2024-01-01T09:00:00.000001-01:00\"", "\"yesterday\"", "\"deployment\"", "\"change\"", "\"commit\"",
        "\"incident\"", "\"build\"", "\"caf\u00e9\"", "\"a\\\"b\"", "\"\\u0064\\u0031\"", "\"tab\there\"",
        // Near the shapes read in one go: shas and timestamps that are almost, but not quite, what they seem.
        "\"1e5b3c5cc05e6f44171f23a37724c9e8666288501\"", "\"1E5B3C5CC05E6F44171F23A37724C9E866628850\"",
        "\"1e5b3c5cc05e6f44171f23a37724c9e86662885\"", "\"1e5b3c5cc05e6f44171f23a37724c9e86662885\\u0030\"",
        "\"1e5b3c5cc05e6f44171f23a37724c9e86662885g\"", "\"2024-13-01T00:00:00Z\"", "\"2024-01-01T00:00:00.1234567Z\"",
        "\"2024-01-01T00:00:00.Z\"", "\"2024-01-01T00:00:00+05:3x\"", "\"2024-01-01T00:00:00Zx\"",
        "\"2024-01-01T00:00:00\\u005a\"", "\"2024-01-01t00:00:00z\"", "\"2024-01-01 00:00:00-00:00\"",
        "\"2024-01-01T00:00:00+05:30 \"", "\"2024-01-01T00:00:60Z\"", "\"2024-01-01T00:00:00.000000\"");
  }

  private static Arbitrary<String> value() {
    return Arbitraries.oneOf(
        str(),
        Arbitraries.of(
            "true", "false", "null", "0", "-1.5e3", "01", "1.", "NaN", "tru", "truex", "{}", "{\"a\":1}", "[]",
            "[\"s1\"]", "[\"s1\", \"74ff21317c8c815268b9ba5ccb328c0a19e3096e\"]", "[1]", "[\"s1\",]", "[[]]",
            "[\"s1\" \"s2\"]", "[ \"d1\" ,\t\"s1\" ]"));
  }

  private static Arbitrary<String> key() {
    return Arbitraries.of(
        "type", "type", "id", "service", "environment", "status", "finished_at", "commits", "commits",
        "is_rollback", "is_hotfix", "rollback_of", "sha", "committed_at", "authored_at", "opened_at",
        "resolved_at", "caused_by_deployment", "root_cause_sha", "pr", "extra", "t\u00fdpe", "ty\\u0070e",
        // Names that begin like known ones, or are known ones with more after them.
        "types", "shas", "sh", "commit", "committed", "committed_at_", "started_at", "started", "prs", "i",
        "ids", "status ", "is_hotfixes", "caused_by_deployments", "root_cause_sha\\u0000");
  }

  private static Arbitrary<String> member() {
    return Combinators.combine(key(), sep(), sep(), value())
        .as((k, s1, s2, v) -> "\"" + k + "\"" + s1 + ":" + s2 + v);
  }

  private static Arbitrary<String> object() {
    Arbitrary<String> type = Arbitraries.of("deployment", "change", "incident", "commit", "build")
        .map(t -> "\"type\":\"" + t + "\"");
    return Combinators.combine(type, member().list().ofMaxSize(9), sep(), sep())
        .as(
            (t, ms, a, b) -> {
              StringBuilder sb = new StringBuilder("{").append(a).append(t);
              for (String m : ms) {
                sb.append(',').append(b).append(m);
              }
              return sb.append(b).append('}').toString();
            });
  }

  private static Arbitrary<String> line() {
    return Arbitraries.oneOf(
        Combinators.combine(sep(), object(), sep()).as((a, o, b) -> a + o + b),
        Combinators.combine(sep(), object(), sep()).as((a, o, b) -> a + o + b),
        object().map(o -> o.substring(0, o.length() / 2)),
        object().map(o -> o + " {}"),
        object().map(o -> "\u00a0" + o),
        object().map(o -> o.replace(":", " : ")),
        object().map(o -> o.replace(",", ",,")),
        Arbitraries.of("", "  ", "{}", "[]", "null", "\"x\"", "{\"type\":\"change\",\"sha\":\"s1\"}\r"));
  }

  @Property(tries = 50)
  void readLine_generatorShapedLines_sameAsGeneralPath(@ForAll("generated") List<String> lines)
      throws IOException {
    readLine_anyLines_sameAsGeneralPath(String.join("\n", lines));
  }

  @Provide
  Arbitrary<List<String>> generated() {
    Arbitrary<String> dep =
        Combinators.combine(
                Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 3),
                // Values sharing their first 8 or 16 bytes, of lengths around 8 and 16, and needing normalising.
                Arbitraries.of(
                    "production", "staging", "prod", "productio", "production-eu", "Production ", "PROD", "",
                    "production-west1", "production-west12", "producti", "prod    "),
                Arbitraries.of("success", "failed", "successful", "Success", "SUCCESS ", "success-retried-ok", ""),
                Arbitraries.integers().between(1, 28), Arbitraries.of("", ",\"is_rollback\":true",
                    ",\"is_hotfix\":false,\"rollback_of\":\"d2\""))
            .as(
                (d, s, env, st, day, flags) ->
                    "{\"type\":\"deployment\",\"id\":\"d" + d + "\",\"service\":\"svc-" + s + "\",\"environment\":\""
                        + env + "\",\"status\":\"" + st + "\",\"started_at\":null,\"finished_at\":\"2024-01-"
                        + String.format(java.util.Locale.ROOT, "%02d", day) + "T10:00:00Z\",\"commits\":[\"c" + d
                        + "\",\"c" + (d + 1) + "\"]" + flags + "}");
    Arbitrary<String> change =
        Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 28))
            .as(
                (c, day) ->
                    "{\"type\":\"change\",\"sha\":\"c" + c + "\",\"service\":\"svc-1\",\"authored_at\":\"2023-12-"
                        + String.format(java.util.Locale.ROOT, "%02d", day) + "T01:00:00.5+01:00\",\"pr\":\"x#1\"}");
    Arbitrary<String> incident =
        Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 5))
            .as(
                (i, d) ->
                    "{\"type\":\"incident\",\"id\":\"i" + i + "\",\"service\":\"svc-1\",\"opened_at\":"
                        + "\"2024-01-10T00:00:00Z\",\"resolved_at\":null,\"caused_by_deployment\":\"d" + d
                        + "\",\"severity\":\"sev2\"}");
    return Arbitraries.oneOf(dep, change, incident).list().ofMinSize(1).ofMaxSize(60);
  }
}
