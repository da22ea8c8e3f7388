package dev.portolan.dora.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * The known fields of one JSON event object, read from a streaming parser without building a tree, then checked
 * and handed to the {@link EventStore} with the reference's rules. Reused from object to object; not thread-safe.
 */
final class RawEvent {

  static final byte ABSENT = 0;
  static final byte NULL = 1;
  static final byte STRING = 2;
  static final byte TRUE = 3;
  static final byte FALSE = 4;
  static final byte OTHER = 5;
  static final byte LIST_OK = 6;
  static final byte LIST_BAD = 7;
  static final byte FALSY = 8;

  static final int T_NONE = 0;
  static final int T_DEPLOYMENT = 1;
  static final int T_CHANGE = 2;
  static final int T_INCIDENT = 3;
  static final int T_OTHER = 4;

  /** Outcome of {@link #submit}: null when accepted, else a reason. */
  static final String UNKNOWN_TYPE = "unknown type";

  private final EventStore store;
  private final Timestamps ts = new Timestamps();

  int type;
  String typeText;
  final Text id = new Text();
  final Text service = new Text();
  final Text env = new Text();
  final Text status = new Text();
  final Text rollbackOf = new Text();
  byte kCausedBy;
  String causedBy;
  byte kRootSha;
  String rootSha;
  byte kRollback;
  byte kHotfix;
  byte kSha;
  int sha;
  boolean shaEmpty;
  byte kCommits;
  int[] commits = new int[16];
  int nCommits;
  final Stamp finished = new Stamp();
  final Stamp committed = new Stamp();
  final Stamp authored = new Stamp();
  final Stamp opened = new Stamp();
  final Stamp resolved = new Stamp();
  /** The first timestamp without an offset that the rules parsed, for the problem log. */
  private String noOffsetField;
  /** The field the last rejection is about, or null for the whole object. */
  private String problemField;

  /** One text field, copied into a reusable buffer. */
  static final class Text {
    byte kind;
    char[] buf = new char[64];
    int len;

    void read(JsonParser p, JsonToken t) throws IOException {
      kind = kind(p, t);
      if (kind == STRING) {
        len = p.getTextLength();
        if (len > buf.length) {
          buf = new char[Math.max(len, buf.length * 2)];
        }
        System.arraycopy(p.getTextCharacters(), p.getTextOffset(), buf, 0, len);
      }
    }

    boolean nonEmpty() {
      return kind == STRING && len > 0;
    }

    String str() {
      return new String(buf, 0, len);
    }
  }

  /** One timestamp field. */
  static final class Stamp {
    byte kind;
    long value;
    boolean noOffset;
  }

  RawEvent(EventStore store) {
    this.store = store;
  }

  private void reset() {
    type = T_NONE;
    typeText = null;
    id.kind = service.kind = env.kind = status.kind = rollbackOf.kind = ABSENT;
    kCausedBy = kRootSha = ABSENT;
    kRollback = kHotfix = kSha = kCommits = ABSENT;
    causedBy = rootSha = null;
    nCommits = 0;
    finished.kind = committed.kind = authored.kind = opened.kind = resolved.kind = ABSENT;
  }

  /**
   * Reads the fields of the object whose START_OBJECT the parser has just returned, up to its END_OBJECT.
   * Duplicate keys: the last one wins.
   */
  void read(JsonParser p) throws IOException {
    reset();
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "type":
          if (t == JsonToken.VALUE_STRING) {
            type = typeOf(p);
            typeText = type == T_OTHER ? "\"" + truncate(p.getText()) + "\"" : null;
          } else {
            type = T_OTHER;
            typeText = t == JsonToken.VALUE_NULL ? "null" : "a non-string value";
            p.skipChildren();
          }
          break;
        case "id":
          id.read(p, t);
          break;
        case "service":
          service.read(p, t);
          break;
        case "environment":
          env.read(p, t);
          break;
        case "status":
          status.read(p, t);
          break;
        case "rollback_of":
          rollbackOf.read(p, t);
          break;
        case "caused_by_deployment":
          kCausedBy = kind(p, t);
          causedBy = kCausedBy == STRING ? p.getText() : null;
          break;
        case "root_cause_sha":
          kRootSha = kind(p, t);
          rootSha = kRootSha == STRING ? p.getText() : null;
          break;
        case "is_rollback":
          kRollback = kind(p, t);
          break;
        case "is_hotfix":
          kHotfix = kind(p, t);
          break;
        case "sha":
          kSha = kind(p, t);
          if (kSha == STRING) {
            int len = p.getTextLength();
            shaEmpty = len == 0;
            sha = shaEmpty ? -1 : store.shaId(p.getTextCharacters(), p.getTextOffset(), len);
          }
          break;
        case "commits":
          readCommits(p, t);
          break;
        case "finished_at":
          stamp(p, t, finished);
          break;
        case "committed_at":
          stamp(p, t, committed);
          break;
        case "authored_at":
          stamp(p, t, authored);
          break;
        case "opened_at":
          stamp(p, t, opened);
          break;
        case "resolved_at":
          stamp(p, t, resolved);
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private static String truncate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static int typeOf(JsonParser p) throws IOException {
    char[] c = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    if (is(c, off, len, "deployment")) {
      return T_DEPLOYMENT;
    }
    if (is(c, off, len, "change") || is(c, off, len, "commit")) {
      return T_CHANGE;
    }
    if (is(c, off, len, "incident")) {
      return T_INCIDENT;
    }
    return T_OTHER;
  }

  private static boolean is(char[] c, int off, int len, String s) {
    if (len != s.length()) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (c[off + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static byte kind(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return STRING;
      case VALUE_NULL:
        return NULL;
      case VALUE_TRUE:
        return TRUE;
      case VALUE_FALSE:
        return FALSE;
      default:
        p.skipChildren();
        return OTHER;
    }
  }

  private void stamp(JsonParser p, JsonToken t, Stamp s) throws IOException {
    s.kind = kind(p, t);
    if (s.kind == STRING) {
      s.value = ts.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      s.noOffset = s.value != Timestamps.INVALID && !ts.hadOffset();
    }
  }

  private void readCommits(JsonParser p, JsonToken t) throws IOException {
    nCommits = 0;
    switch (t) {
      case START_ARRAY:
        kCommits = LIST_OK;
        boolean empty = true;
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          empty = false;
          if (e == JsonToken.VALUE_STRING) {
            if (nCommits == commits.length) {
              commits = Arrays.copyOf(commits, nCommits * 2);
            }
            commits[nCommits++] = store.shaId(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          } else {
            kCommits = LIST_BAD;
            p.skipChildren();
          }
        }
        if (empty) {
          kCommits = FALSY;
        }
        break;
      case START_OBJECT:
        if (p.nextToken() == JsonToken.END_OBJECT) {
          kCommits = FALSY;
        } else {
          kCommits = OTHER;
          do {
            p.nextToken();
            p.skipChildren();
          } while (p.nextToken() != JsonToken.END_OBJECT);
        }
        break;
      case VALUE_NULL:
      case VALUE_FALSE:
        kCommits = FALSY;
        break;
      case VALUE_STRING:
        kCommits = p.getTextLength() == 0 ? FALSY : OTHER;
        break;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        kCommits = !p.isNaN() && p.getDoubleValue() == 0.0 ? FALSY : OTHER;
        break;
      default:
        kCommits = OTHER;
    }
  }

  /**
   * Checks the fields with the reference's rules and adds the event to the store.
   *
   * @return null when the event was accepted, {@link #UNKNOWN_TYPE}, or the reason it is invalid
   */
  String submit() {
    noOffsetField = null;
    problemField = null;
    switch (type) {
      case T_DEPLOYMENT:
        return deployment();
      case T_CHANGE:
        return change();
      case T_INCIDENT:
        return incident();
      default:
        store.count(Counter.EVENTS_UNKNOWN_TYPE);
        problemField = type == T_NONE ? null : "type";
        return UNKNOWN_TYPE;
    }
  }

  /** The first timestamp field read as UTC for lack of an offset by the last {@link #submit}, or null. */
  String noOffsetField() {
    return noOffsetField;
  }

  /**
   * The field whose value the last rejection by {@link #submit} is about, or null when it is about the whole
   * object (a missing field or type).
   */
  String problemField() {
    return problemField;
  }

  /** The type text of an unknown type, for messages. */
  String typeText() {
    return typeText == null ? "missing" : typeText;
  }

  private String invalid(String field, String why) {
    problemField = field;
    store.count(Counter.EVENTS_INVALID);
    return why;
  }

  private static String missing(String event, String field) {
    return event + ": missing field '" + field + "'";
  }

  private static String notString(String event, String field) {
    return event + ": field '" + field + "' must be a non-empty string";
  }

  private String deployment() {
    if (id.kind == ABSENT) {
      return invalid(null, missing("deployment", "id"));
    }
    if (service.kind == ABSENT) {
      return invalid(null, missing("deployment", "service"));
    }
    if (env.kind == ABSENT) {
      return invalid(null, missing("deployment", "environment"));
    }
    if (status.kind == ABSENT) {
      return invalid(null, missing("deployment", "status"));
    }
    if (!id.nonEmpty()) {
      return invalid("id", notString("deployment", "id"));
    }
    if (!service.nonEmpty()) {
      return invalid("service", notString("deployment", "service"));
    }
    if (env.kind != STRING) {
      return invalid("environment", "deployment: field 'environment' must be a string");
    }
    if (status.kind != STRING) {
      return invalid("status", "deployment: field 'status' must be a string");
    }
    if (kCommits == OTHER || kCommits == LIST_BAD) {
      return invalid("commits", "deployment: field 'commits' must be a list of strings");
    }
    long fin = time(finished, "finished_at");
    if (fin == Timestamps.INVALID) {
      return invalid("finished_at", badTime("deployment", "finished_at"));
    }
    int n = kCommits == LIST_OK ? nCommits : 0;
    store.deployment(
        store.depIds.id(id.buf, 0, id.len),
        store.services.id(service.buf, 0, service.len),
        store.valueId(env.buf, 0, env.len),
        store.valueId(status.buf, 0, status.len),
        fin,
        commits,
        n,
        kRollback == TRUE,
        kHotfix == TRUE,
        rollbackOf.nonEmpty() ? store.depIds.id(rollbackOf.buf, 0, rollbackOf.len) : -1);
    return null;
  }

  private static String badTime(String event, String field) {
    return event + ": field '" + field + "' must be an RFC 3339 timestamp";
  }

  /** The value of a timestamp field as the reference's parse_ts: absent/null -> NONE, bad -> INVALID. */
  private long time(Stamp s, String field) {
    switch (s.kind) {
      case ABSENT:
      case NULL:
        return EventStore.NONE;
      case STRING:
        if (s.noOffset) {
          store.count(Counter.TIMESTAMPS_WITHOUT_OFFSET);
          if (noOffsetField == null) {
            noOffsetField = field;
          }
        }
        return s.value;
      default:
        return Timestamps.INVALID;
    }
  }

  private String change() {
    if (kSha == ABSENT) {
      return invalid(null, missing("change", "sha"));
    }
    if (kSha != STRING || shaEmpty) {
      return invalid("sha", notString("change", "sha"));
    }
    long t = time(committed, "committed_at");
    if (t == Timestamps.INVALID) {
      return invalid("committed_at", badTime("change", "committed_at"));
    }
    if (t == EventStore.NONE) {
      t = time(authored, "authored_at");
      if (t == Timestamps.INVALID) {
        return invalid("authored_at", badTime("change", "authored_at"));
      }
    }
    store.change(sha, t);
    return null;
  }

  private String incident() {
    if (id.kind == ABSENT) {
      return invalid(null, missing("incident", "id"));
    }
    if (service.kind == ABSENT) {
      return invalid(null, missing("incident", "service"));
    }
    if (opened.kind == ABSENT) {
      return invalid(null, missing("incident", "opened_at"));
    }
    long o = time(opened, "opened_at");
    if (o == Timestamps.INVALID) {
      return invalid("opened_at", badTime("incident", "opened_at"));
    }
    if (!id.nonEmpty()) {
      return invalid("id", notString("incident", "id"));
    }
    if (!service.nonEmpty()) {
      return invalid("service", notString("incident", "service"));
    }
    if (o == EventStore.NONE) {
      return invalid("opened_at", "incident: field 'opened_at' must not be null");
    }
    long r = time(resolved, "resolved_at");
    if (r == Timestamps.INVALID) {
      return invalid("resolved_at", badTime("incident", "resolved_at"));
    }
    store.incident(
        id.str(),
        service.str(),
        o,
        r,
        kCausedBy == STRING && !causedBy.isEmpty() ? causedBy : null,
        kRootSha == STRING && !rootSha.isEmpty() ? rootSha : null);
    return null;
  }
}
