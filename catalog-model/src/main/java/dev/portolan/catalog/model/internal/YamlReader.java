package dev.portolan.catalog.model.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.catalog.model.Limits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a YAML (or JSON) stream into documents the way Backstage's catalog reads a file: every document is
 * parsed with the YAML 1.2 core schema (the YAML 1.1 schema under a {@code %YAML 1.1} directive), merge keys
 * off, duplicate keys an error, aliases counted with the {@code yaml} package's budget. A syntax error stays
 * in its document and reading resumes at the next document marker; an alias over budget, like in Backstage,
 * stops the rest of the file. Every limit crossed is a located error, never a failure of the reader.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class YamlReader {

  private final Limits limits;
  private final LoadSettings settings;

  /**
   * Creates a reader.
   *
   * @param limits the limits to enforce
   */
  public YamlReader(Limits limits) {
    this.limits = limits;
    this.settings = LoadSettings.builder()
        .setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(Integer.MAX_VALUE)
        .setCodePointLimit(Integer.MAX_VALUE)
        .setUseMarks(true)
        .setVersionFunction(v -> v)
        .build();
  }

  /** Thrown inside the reader to stop reading the rest of a file. */
  private static final class StopFile extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopFile() {
      super(null, null, false, false);
    }
  }

  /**
   * Reads every document of a text.
   *
   * @param text the file content
   * @return the non-empty documents and the errors, in order
   */
  public List<ReadDocument> read(String text) {
    List<ReadDocument> out = new ArrayList<>();
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    long cps = text.length() <= limits.maxDocumentCodePoints()
        ? text.length()
        : text.codePointCount(0, text.length());
    if (cps > limits.maxDocumentCodePoints()) {
      out.add(error(0, 0, 0, "file has " + cps + " code points, more than the limit of "
          + limits.maxDocumentCodePoints()));
      return out;
    }
    text = loneCarriageReturns(text);
    String original = text;
    boolean emptyKeys = false;
    for (int attempt = 0; ; attempt++) {
      try {
        return readStream(text, original, emptyKeys);
      } catch (EmptyKeys k) {
        emptyKeys = true;
      } catch (TabSeparator t) {
        if (attempt >= MAX_TAB_RETRIES) {
          List<ReadDocument> err = new ArrayList<>();
          err.add(error(0, t.line, t.column, "YAML syntax error: too many tab separators, repeated %YAML"
              + " directives or anchor names with . or / to read"));
          return err;
        }
        text = t.fixed;
      }
    }
  }

  private static final int MAX_TAB_RETRIES = 200;

  /**
   * A value indicator without a key ({@code : value}) stopped snakeyaml-engine's parser: the file is read
   * again with {@link EmptyKeyScanner}, which reads such keys as Backstage's parser does. (Only then, because
   * the extra step costs a few percent on every file.)
   */
  private static final class EmptyKeys extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EmptyKeys() {
      super(null, null, false, false);
    }
  }

  /**
   * YAML 1.2 allows tabs as separation space inside a line ({@code name:\tvalue}) and on blank lines; the
   * scanner rejects them where a token is expected. Such a tab (never indentation) is replaced by a space,
   * which keeps every position and value, and the text is read again. (A repeated {@code %YAML} directive is
   * blanked out the same way.)
   */
  private static final class TabSeparator extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient String fixed;
    final int line;
    final int column;

    TabSeparator(String fixed, int line, int column) {
      super(null, null, false, false);
      this.fixed = fixed;
      this.line = line;
      this.column = column;
    }
  }

  private static void checkTabSeparator(String text, MarkedYamlEngineException e, int lineOffset) {
    Optional<Mark> mark = e.getProblemMark();
    if (mark.isEmpty() || e.getProblem() == null || !e.getProblem().contains("\\t(TAB)")) {
      return;
    }
    int line = mark.get().getLine() + lineOffset;
    int start = 0;
    for (int l = 0; l < line && start >= 0; l++) {
      int nl = text.indexOf('\n', start);
      start = nl < 0 ? -1 : nl + 1;
    }
    if (start < 0) {
      return;
    }
    int at;
    try {
      at = text.offsetByCodePoints(start, mark.get().getColumn());
    } catch (IndexOutOfBoundsException ex) {
      return;
    }
    if (at >= text.length() || text.charAt(at) != '\t') {
      return;
    }
    boolean content = false;
    for (int i = start; i < at; i++) {
      if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
        content = true;
        break;
      }
    }
    StringBuilder sb = new StringBuilder(text);
    if (!content) {
      // A tab in the indentation is an error, unless the line holds nothing but white space (or a comment):
      // a blank line is no indentation, and Backstage's parser skips it.
      int end = at;
      while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
        end++;
      }
      if (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r' && text.charAt(end) != '#') {
        return;
      }
      for (int i = start; i < end; i++) {
        sb.setCharAt(i, ' ');
      }
      throw new TabSeparator(sb.toString(), line, mark.get().getColumn());
    }
    int i = at;
    while (i < sb.length() && sb.charAt(i) == '\t') {
      sb.setCharAt(i, ' ');
      i++;
    }
    throw new TabSeparator(sb.toString(), line, mark.get().getColumn());
  }

  /**
   * Backstage's parser accepts a {@code %YAML} directive repeated before one document, and the last one
   * counts; snakeyaml-engine rejects the second. The earlier one is blanked out (same positions) and the text
   * read again.
   */
  private static void checkRepeatedVersion(String text, MarkedYamlEngineException e, int lineOffset) {
    Optional<Mark> mark = e.getProblemMark();
    if (mark.isEmpty() || !"found duplicate YAML directive".equals(e.getProblem())) {
      return;
    }
    int line = mark.get().getLine() + lineOffset;
    int[] starts = new int[line + 1];
    int start = 0;
    for (int l = 0; l <= line; l++) {
      if (start < 0) {
        return;
      }
      starts[l] = start;
      int nl = text.indexOf('\n', start);
      start = nl < 0 ? -1 : nl + 1;
    }
    for (int l = line - 1; l >= 0; l--) {
      if (text.startsWith("%YAML", starts[l])) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = starts[l]; i < sb.length() && sb.charAt(i) != '\n' && sb.charAt(i) != '\r'; i++) {
          sb.setCharAt(i, ' ');
        }
        throw new TabSeparator(sb.toString(), line, 0);
      }
      if (text.startsWith("---", starts[l]) || text.startsWith("...", starts[l])) {
        return;
      }
    }
  }

  /**
   * Backstage's parser accepts {@code .} and {@code /} in anchor and alias names ({@code &defaults.db}), as
   * YAML 1.2 does; snakeyaml-engine stops at them. The name at the error gets a stand-in character (one the
   * file does not contain, so positions and distinctness are kept) for each of them, and the text is read
   * again; {@link #anchorName} turns the stand-ins back for messages.
   */
  private static void checkAnchorName(String text, String original, MarkedYamlEngineException e,
      int lineOffset) {
    Optional<Mark> mark = e.getProblemMark();
    String context = e.getContext();
    if (mark.isEmpty() || context == null
        || !(context.startsWith("while scanning an anchor") || context.startsWith("while scanning an alias"))) {
      return;
    }
    int line = mark.get().getLine() + lineOffset;
    int start = 0;
    for (int l = 0; l < line && start >= 0; l++) {
      int nl = text.indexOf('\n', start);
      start = nl < 0 ? -1 : nl + 1;
    }
    int at;
    try {
      at = start < 0 ? -1 : text.offsetByCodePoints(start, mark.get().getColumn());
    } catch (IndexOutOfBoundsException ex) {
      return;
    }
    if (at < 0 || at >= text.length() || (text.charAt(at) != '.' && text.charAt(at) != '/')) {
      return;
    }
    int from = at;
    while (from > start && text.charAt(from - 1) != '&' && text.charAt(from - 1) != '*') {
      from--;
    }
    if (from == start) {
      return;
    }
    char[] standIns = anchorStandIns(original);
    StringBuilder sb = new StringBuilder(text);
    for (int i = from; i < sb.length(); i++) {
      char c = sb.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '[' || c == ']' || c == '{'
          || c == '}') {
        break;
      }
      if (c == '.') {
        sb.setCharAt(i, standIns[0]);
      } else if (c == '/') {
        sb.setCharAt(i, standIns[1]);
      }
    }
    throw new TabSeparator(sb.toString(), line, mark.get().getColumn());
  }

  /** Two private-use characters that {@code original} does not contain: the stand-ins for '.' and '/'. */
  private static char[] anchorStandIns(String original) {
    char[] out = new char[2];
    int n = 0;
    for (char c = '\uE000'; c <= '\uF8FF' && n < 2; c++) {
      if (original.indexOf(c) < 0) {
        out[n++] = c;
      }
    }
    return out;
  }

  /** An anchor or alias name as the file spells it. */
  private static String anchorName(String name, String original) {
    char[] standIns = anchorStandIns(original);
    return name.replace(standIns[0], '.').replace(standIns[1], '/');
  }

  /**
   * Backstage's parser breaks lines at LF only, so a lone CR (not followed by LF) is not a line break there;
   * it becomes a space here so both parsers see one line.
   */
  private static String loneCarriageReturns(String text) {
    int i = text.indexOf('\r');
    if (i < 0) {
      return text;
    }
    StringBuilder sb = null;
    for (; i >= 0; i = text.indexOf('\r', i + 1)) {
      if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
        if (sb == null) {
          sb = new StringBuilder(text);
        }
        sb.setCharAt(i, ' ');
      }
    }
    return sb == null ? text : sb.toString();
  }

  /**
   * Reads the documents of {@code text}, which is {@code original} with some tabs replaced by spaces (so
   * every offset is the same in both).
   */
  private List<ReadDocument> readStream(String text, String original, boolean emptyKeys) {
    List<ReadDocument> out = new ArrayList<>();
    String rest = text;
    String restOriginal = original;
    int lineOffset = 0;
    int[] index = {0};
    int[] nodes = {0};
    StreamState state = new StreamState();
    while (true) {
      try {
        parseStream(rest, restOriginal, emptyKeys, lineOffset, out, index, nodes, state);
        return out;
      } catch (StopFile e) {
        return out;
      } catch (MarkedYamlEngineException e) {
        checkTabSeparator(text, e, lineOffset);
        checkRepeatedVersion(text, e, lineOffset);
        checkAnchorName(text, original, e, lineOffset);
        if (!emptyKeys && e.getProblem() != null && e.getProblem().endsWith("but found ':'")) {
          throw new EmptyKeys();
        }
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        int line = mark.map(Mark::getLine).orElse(0);
        int col = mark.map(Mark::getColumn).orElse(0);
        if (state.implicitEnd && index[0] > 0 && e.getProblem() != null
            && e.getProblem().startsWith("expected '<document start>'")) {
          // content after a document that ended without a marker belongs to that document, as in
          // Backstage's parser: the document itself is in error
          int previous = index[0] - 1;
          out.removeIf(d -> d.index() == previous);
          index[0] = previous;
        }
        state.implicitEnd = false;
        out.add(error(index[0], line + lineOffset, col, "YAML syntax error: " + describe(e),
            "YAML error at file:%s, YAMLParseError: " + describe(e) + " at line " + (line + lineOffset + 1)
                + ", column " + (col + 1)));
        index[0]++;
        if (index[0] >= limits.maxDocuments()) {
          return out;
        }
        int next = nextDocumentStart(rest, line);
        if (next == 0) {
          next = nextDocumentStart(rest, line + 1);
        }
        if (next < 0) {
          return out;
        }
        lineOffset += countLines(rest, next);
        rest = rest.substring(next);
        restOriginal = restOriginal.substring(next);
      } catch (ReaderException e) {
        int[] lc = lineColumn(rest, e.getPosition());
        out.add(error(index[0], lc[0] + lineOffset, lc[1], String.format(
            "character U+%04X is not allowed in YAML (control characters and non-characters must be escaped)",
            e.getCodePoint())));
        return out;
      } catch (YamlEngineException e) {
        out.add(error(index[0], lineOffset, 0, "YAML error: " + e.getMessage()));
        return out;
      }
    }
  }

  private static String describe(MarkedYamlEngineException e) {
    StringBuilder sb = new StringBuilder();
    if (e.getContext() != null) {
      sb.append(e.getContext());
    }
    if (e.getProblem() != null) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e.getProblem());
    }
    return sb.toString().replace('\n', ' ').trim();
  }

  /** The offset of the first line at or after {@code fromLine} that starts with "---" or "...". */
  private static int nextDocumentStart(String s, int fromLine) {
    int line = 0;
    int pos = 0;
    while (pos < s.length()) {
      if (line >= fromLine && (s.startsWith("---", pos)) && isMarkerEnd(s, pos + 3)) {
        return pos;
      }
      int nl = s.indexOf('\n', pos);
      if (nl < 0) {
        return -1;
      }
      pos = nl + 1;
      line++;
    }
    return -1;
  }

  private static boolean isMarkerEnd(String s, int at) {
    return at >= s.length() || s.charAt(at) == ' ' || s.charAt(at) == '\t' || s.charAt(at) == '\n'
        || s.charAt(at) == '\r';
  }

  /** The 0-based line and column of a code point offset. */
  private static int[] lineColumn(String s, int codePointOffset) {
    int line = 0;
    int col = 0;
    int cp = 0;
    for (int i = 0; i < s.length() && cp < codePointOffset; i += Character.charCount(s.codePointAt(i)), cp++) {
      if (s.charAt(i) == '\n') {
        line++;
        col = 0;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  private static int countLines(String s, int end) {
    int n = 0;
    for (int i = 0; i < end; i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static ReadDocument error(int index, int line, int col, String message) {
    return error(index, line, col, message, "YAML error at file:%s, YAMLParseError: " + message);
  }

  private static ReadDocument error(int index, int line, int col, String message, String backstage) {
    return new ReadDocument(index, Optional.empty(), null,
        Optional.of(new ReadDocument.ReadError(line, col, message, backstage)));
  }

  /**
   * The indentation rule of Backstage's YAML parser for flow collections inside block collections: every
   * line of a multi-line {@code [...]} or <code>{...}</code> must be indented more than the line it starts on
   * (the closing bracket may sit at that line's indentation).
   */
  private static final class FlowIndent {
    private final Lines lines;
    private int depth;
    private int indentNext;
    private int lastLine;
    private boolean sequence;

    FlowIndent(Lines lines) {
      this.lines = lines;
    }

    /** Whether the events so far are inside a flow collection. */
    boolean inFlow() {
      return depth > 0;
    }

    /** The indentation of the block line the outermost open flow collection starts on, -1 at the root. */
    int blockIndent() {
      return indentNext - 1;
    }

    String check(Event ev, boolean blockParent) {
      int line = ev.getStartMark().map(Mark::getLine).orElse(0);
      boolean start = ev instanceof org.snakeyaml.engine.v2.events.CollectionStartEvent c && c.isFlow();
      boolean end = (ev.getEventId() == Event.ID.SequenceEnd || ev.getEventId() == Event.ID.MappingEnd)
          && depth > 0;
      String problem = null;
      if (depth > 0 && line > lastLine) {
        lastLine = line;
        int sp = lines.leadingSpaces(line);
        char first = lines.firstNonBlank(line, sp);
        boolean closing = end && depth == 1 && sp == indentNext - 1 && (first == ']' || first == '}');
        if (sp < indentNext && first != '#' && !closing) {
          problem = (sequence ? "Flow sequence" : "Flow mapping")
              + " in block collection must be sufficiently indented and end with a " + (sequence ? "]" : "}");
        }
      }
      if (start) {
        if (depth == 0) {
          indentNext = blockParent ? lines.leadingSpaces(line) + 1 : 0;
          lastLine = line;
          sequence = ev.getEventId() == Event.ID.SequenceStart;
        }
        depth++;
      } else if (end) {
        depth--;
      }
      return problem;
    }
  }

  /** The text being read, by line: where each line starts and how it is indented. */
  private static final class Lines {
    private final String text;
    private final boolean hasTab;
    private int[] lineStarts;

    Lines(String text) {
      this.text = text;
      this.hasTab = text.indexOf('\t') >= 0;
    }

    private int[] starts() {
      if (lineStarts == null) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
          if (text.charAt(i) == '\n') {
            n++;
          }
        }
        lineStarts = new int[n];
        int l = 1;
        for (int i = 0; i < text.length(); i++) {
          if (text.charAt(i) == '\n') {
            lineStarts[l++] = i + 1;
          }
        }
      }
      return lineStarts;
    }

    int count() {
      return starts().length;
    }

    int lineStart(int line) {
      int[] st = starts();
      return line < st.length ? st[line] : text.length();
    }

    int leadingSpaces(int line) {
      int i = lineStart(line);
      int n = 0;
      while (i + n < text.length() && text.charAt(i + n) == ' ') {
        n++;
      }
      return n;
    }

    /** The character at {@code offset} in the line, {@code '\n'} past the end of the text. */
    char at(int line, int offset) {
      int i = lineStart(line) + offset;
      return i < text.length() ? text.charAt(i) : '\n';
    }

    /** The first character from {@code offset} on that is neither a space nor a tab. */
    char firstNonBlank(int line, int offset) {
      int i = lineStart(line) + offset;
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      return i < text.length() ? text.charAt(i) : '\n';
    }
  }

  /**
   * The rule of Backstage's YAML parser for lines that start with a tab inside multi-line scalars: a tab is
   * never indentation, so such a line counts as indented by its leading spaces only. In a block scalar it
   * must be indented at least as much as the scalar's content (before the first content line: more than the
   * parent collection); inside a multi-line flow scalar (plain or quoted) in block context, more than the
   * parent collection. YAML 1.2 lets lines of white space appear there, and snakeyaml-engine reads them as
   * empty lines, but Backstage's parser rejects the file.
   */
  private static final class ScalarTabs {
    private final Lines lines;

    ScalarTabs(Lines lines) {
      this.lines = lines;
    }

    /** A problem with the scalar's tab lines, {@code null} if none; {@code parent} is the parent's indentation. */
    ReadDocument.ReadError check(ScalarEvent se, int parent, int lineOffset) {
      if (!lines.hasTab) {
        return null;
      }
      Mark start = se.getStartMark().orElse(null);
      Mark end = se.getEndMark().orElse(null);
      if (start == null || end == null) {
        return null;
      }
      ScalarStyle style = se.getScalarStyle();
      if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
        return checkBlock(start, parent, lineOffset);
      }
      for (int line = start.getLine() + 1; line < end.getLine(); line++) {
        int k = lines.leadingSpaces(line);
        if (lines.at(line, k) == '\t' && k <= parent) {
          String what;
          int errLine = line;
          int errCol = 0;
          if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
            what = "Missing closing " + (style == ScalarStyle.DOUBLE_QUOTED ? '"' : '\'') + "quote";
            errLine = start.getLine();
            errCol = start.getColumn();
          } else {
            what = "All mapping items must start at the same column";
          }
          return new ReadDocument.ReadError(line + lineOffset, 0,
              "a line of a multi-line scalar starts with a tab after " + spaces(k) + "; it must be indented by more"
                  + " than " + parent + " spaces (a tab is not indentation)",
              "YAML error at file:%s, YAMLParseError: " + what + " at line " + (errLine + lineOffset + 1)
                  + ", column " + (errCol + 1));
        }
      }
      return null;
    }

    private static String spaces(int k) {
      return k == 1 ? "1 space" : k + " spaces";
    }

    private ReadDocument.ReadError checkBlock(Mark start, int parent, int lineOffset) {
      int header = start.getLine();
      int explicit = 0;
      int at = lines.text.offsetByCodePoints(lines.lineStart(header), start.getColumn()) + 1;
      for (int i = 0; i < 2 && at + i < lines.text.length(); i++) {
        char c = lines.text.charAt(at + i);
        if (c >= '1' && c <= '9') {
          explicit = c - '0';
        } else if (c != '+' && c != '-') {
          break;
        }
      }
      int indent = explicit > 0 ? Math.max(parent, 0) + explicit : -1;
      int count = lines.count();
      for (int line = header + 1; line < count; line++) {
        int k = lines.leadingSpaces(line);
        char c = lines.at(line, k);
        if (c == '\n' || c == '\r') {
          continue;
        }
        if (c == '\t') {
          if (indent < 0 ? k <= parent : k < indent) {
            String what = explicit > 0
                ? "Block scalar lines must not be less indented than their explicit indentation indicator"
                : "Block scalar lines must not be less indented than their first line";
            return new ReadDocument.ReadError(line + lineOffset, 0,
                "a line of a block scalar starts with a tab after " + spaces(k) + "; it must be indented by at least "
                    + (indent < 0 ? parent + 1 : indent) + " spaces, as the scalar's content (a tab is not"
                    + " indentation)",
                "YAML error at file:%s, YAMLParseError: " + what + " at line " + (line + lineOffset + 1)
                    + ", column 1");
          }
          continue;
        }
        if (indent < 0) {
          if (k <= parent) {
            return null;
          }
          indent = k;
        } else if (k < indent) {
          return null;
        }
      }
      return null;
    }
  }

  /** Whether a document start event begins at a directive (its start mark is the first directive's). */
  private static boolean startsWithDirective(Lines lines, Event ev) {
    return ev.getStartMark().map(m -> m.getColumn() == 0 && lines.at(m.getLine(), 0) == '%').orElse(false);
  }

  /** What carries from one document of a stream to the next. */
  private static final class StreamState {
    /** Whether the last document ended without a {@code ...} or {@code ---} marker. */
    boolean implicitEnd;
    /** Whether the last document was read as YAML 1.1. */
    boolean yaml11;
  }

  /** The state of the document being read. */
  private static final class Doc {
    boolean yaml11;
    YNode root;
    final Deque<YNode> stack = new ArrayDeque<>();
    final Map<String, YNode> anchors = new HashMap<>();
    ReadDocument.ReadError error;
    boolean stopAfter;
    int skipDepth;
  }

  private void parseStream(String text, String original, boolean emptyKeys, int lineOffset,
      List<ReadDocument> out, int[] index, int[] nodes, StreamState state) {
    ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, text));
    ParserImpl parser = emptyKeys ? new ParserImpl(settings, new EmptyKeyScanner(scanner))
        : new ParserImpl(settings, scanner);
    Doc doc = null;
    Lines lines = new Lines(text);
    FlowIndent flow = new FlowIndent(lines);
    ScalarTabs tabs = new ScalarTabs(original == text ? lines : new Lines(original));
    while (parser.hasNext()) {
      Event ev = parser.next();
      if (doc != null && doc.error == null) {
        String problem = flow.check(ev, !doc.stack.isEmpty());
        if (problem != null) {
          int l = ev.getStartMark().map(Mark::getLine).orElse(0);
          doc.error = new ReadDocument.ReadError(l + lineOffset, 0, problem,
              "YAML error at file:%s, YAMLParseError: " + problem + " at line " + (l + lineOffset + 1)
                  + ", column 1");
        }
      }
      if (ev instanceof NodeEvent && ++nodes[0] > limits.maxNodes()) {
        Mark m = ev.getStartMark().orElse(null);
        out.add(error(index[0], (m == null ? 0 : m.getLine()) + lineOffset, m == null ? 0 : m.getColumn(),
            "file has more than " + limits.maxNodes() + " YAML nodes, the limit; the rest of the file is not read",
            "file %s could not be read, more than " + limits.maxNodes() + " YAML nodes"));
        throw new StopFile();
      }
      int line = ev.getStartMark().map(Mark::getLine).orElse(0) + lineOffset;
      int col = ev.getStartMark().map(Mark::getColumn).orElse(0);
      switch (ev.getEventId()) {
        case DocumentStart -> {
          state.implicitEnd = false;
          doc = new Doc();
          // as in Backstage's parser, a document without directives has the version of the one before; one
          // with directives but no %YAML is YAML 1.2
          boolean previous = state.yaml11 && !startsWithDirective(lines, ev);
          doc.yaml11 = ((DocumentStartEvent) ev).getSpecVersion()
              .map(v -> v.getMajor() == 1 && v.getMinor() == 1).orElse(previous);
          state.yaml11 = doc.yaml11;
        }
        case DocumentEnd -> {
          state.implicitEnd = !((org.snakeyaml.engine.v2.events.DocumentEndEvent) ev).isExplicit();
          finish(doc, out, index[0]);
          index[0]++;
          if (doc.stopAfter) {
            throw new StopFile();
          }
          if (index[0] >= limits.maxDocuments() && parser.hasNext() && !parser.checkEvent(Event.ID.StreamEnd)) {
            Event next = parser.peekEvent();
            out.add(error(index[0], next.getStartMark().map(Mark::getLine).orElse(0) + lineOffset,
                0, "file has more than " + limits.maxDocuments() + " documents, the limit"));
            throw new StopFile();
          }
          doc = null;
        }
        case Scalar -> {
          if (doc.skipDepth > 0) {
            continue;
          }
          ScalarEvent se = (ScalarEvent) ev;
          YNode.Scalar s = new YNode.Scalar(line, col, se.getValue(), se.getTag().orElse(null),
              se.isPlain() && se.getTag().isEmpty());
          if (s.tag != null && doc.error == null) {
            doc.error = TaggedValues.checkScalar(s);
          }
          if (doc.error == null) {
            YNode parent = doc.stack.peek();
            doc.error = tabs.check(se, flow.inFlow() ? flow.blockIndent() : parent == null ? -1 : parent.column,
                lineOffset);
          }
          add(doc, s, (NodeEvent) ev);
        }
        case SequenceStart, MappingStart -> {
          if (doc.skipDepth > 0) {
            doc.skipDepth++;
            continue;
          }
          if (doc.stack.size() >= limits.maxDepth()) {
            if (doc.error == null) {
              doc.error = new ReadDocument.ReadError(line, col,
                  "nesting is deeper than the limit of " + limits.maxDepth() + " levels",
                  "file %s could not be read, nesting is deeper than " + limits.maxDepth() + " levels");
            }
            doc.skipDepth = 1;
            continue;
          }
          String tag = ((org.snakeyaml.engine.v2.events.CollectionStartEvent) ev).getTag().orElse(null);
          YNode n;
          if (ev.getEventId() == Event.ID.SequenceStart) {
            YNode.Seq seq = new YNode.Seq(line, col);
            seq.tag = tag;
            n = seq;
          } else {
            YNode.Map map = new YNode.Map(line, col);
            map.tag = tag;
            n = map;
          }
          add(doc, n, ev instanceof SequenceStartEvent sse ? sse : (MappingStartEvent) ev);
          doc.stack.push(n);
        }
        case SequenceEnd, MappingEnd -> {
          if (doc.skipDepth > 0) {
            doc.skipDepth--;
            continue;
          }
          YNode n = doc.stack.pop();
          if (n instanceof YNode.Map m) {
            checkUniqueKeys(doc, m);
            if (m.tag != null && doc.error == null) {
              doc.error = TaggedValues.checkMap(m, doc.yaml11);
            }
          } else if (((YNode.Seq) n).tag != null && doc.error == null) {
            doc.error = TaggedValues.checkSeq((YNode.Seq) n, doc.yaml11);
          }
        }
        case Alias -> {
          if (doc.skipDepth > 0) {
            continue;
          }
          String name = ((AliasEvent) ev).getAlias().getValue();
          YNode target = doc.anchors.get(name);
          if (target == null) {
            if (doc.error == null) {
              String shown = anchorName(name, original);
              doc.error = new ReadDocument.ReadError(line, col,
                  "unresolved alias *" + shown + " (the anchor must be set before the alias)",
                  "file %s could not be read, ReferenceError: Unresolved alias (the anchor must be set before "
                      + "the alias): " + shown);
              doc.stopAfter = true;
            }
            target = new YNode.Scalar(line, col, "", null, true);
          }
          YNode.Alias a = new YNode.Alias(line, col, name, target);
          addNode(doc, a);
        }
        default -> {
          // stream start and end carry nothing
        }
      }
    }
  }

  private static void add(Doc doc, YNode n, NodeEvent ev) {
    ev.getAnchor().ifPresent(a -> {
      n.anchor = a.getValue();
      doc.anchors.put(a.getValue(), n);
    });
    addNode(doc, n);
  }

  private static void addNode(Doc doc, YNode n) {
    YNode parent = doc.stack.peek();
    if (parent == null) {
      doc.root = n;
    } else if (parent instanceof YNode.Seq s) {
      s.items.add(n);
    } else {
      YNode.Map m = (YNode.Map) parent;
      if (m.keys.size() == m.values.size()) {
        m.keys.add(n);
      } else {
        m.values.add(n);
      }
    }
  }

  private static void checkUniqueKeys(Doc doc, YNode.Map m) {
    int n = m.keys.size();
    if (n < 2) {
      return;
    }
    // Keys are equal when they resolve to the same type and the same JavaScript text; small maps (almost
    // all of a catalog) are compared pairwise, larger ones through a set.
    char[] types = new char[n];
    String[] texts = new String[n];
    Set<String> seen = n > 8 ? new HashSet<>() : null;
    for (int i = 0; i < n; i++) {
      if (!(m.keys.get(i) instanceof YNode.Scalar s)) {
        continue;
      }
      JsonNode v = ScalarResolver.resolve(s, doc.yaml11);
      if (!v.isContainerNode()) {
        s.resolved = v;
      }
      char type = v.isNumber() ? 'n' : v.isTextual() ? 's' : v.isBoolean() ? 'b' : 'z';
      String text = ScalarResolver.keyText(v);
      boolean duplicate = false;
      if (seen != null) {
        duplicate = !seen.add(type + text);
      } else {
        for (int j = 0; j < i && !duplicate; j++) {
          duplicate = texts[j] != null && types[j] == type && texts[j].equals(text);
        }
      }
      types[i] = type;
      texts[i] = text;
      if (duplicate && doc.error == null) {
        doc.error = new ReadDocument.ReadError(s.line, s.column,
            "duplicate key '" + s.value + "': map keys must be unique",
            "YAML error at file:%s, YAMLParseError: Map keys must be unique at line " + (s.line + 1)
                + ", column " + (s.column + 1));
      }
    }
  }

  private void finish(Doc doc, List<ReadDocument> out, int index) {
    if (doc.error != null) {
      out.add(new ReadDocument(index, Optional.empty(), null, Optional.of(doc.error)));
      return;
    }
    if (doc.root == null) {
      return;
    }
    Converter c = new Converter(doc.yaml11, limits.maxAliasCount());
    JsonNode json;
    try {
      json = c.convert(doc.root);
    } catch (AliasBudgetException e) {
      out.add(new ReadDocument(index, Optional.empty(), null, Optional.of(
          new ReadDocument.ReadError(e.at.line, e.at.column, e.getMessage(), e.backstage))));
      throw new StopFile();
    }
    if (json.isNull()) {
      return;
    }
    out.add(new ReadDocument(index, Optional.of(json), doc.root, Optional.empty()));
  }

  /** Alias budget exceeded (or an alias that cannot be resolved). */
  private static final class AliasBudgetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient YNode at;
    final String backstage;

    AliasBudgetException(YNode at, String message, String backstage) {
      super(message, null, false, false);
      this.at = at;
      this.backstage = backstage;
    }
  }

  /** Converts a tree to JSON as {@code yaml}'s {@code toJS} does, counting alias use. */
  private static final class Converter {
    private final boolean yaml11;
    private final int maxAliasCount;
    private final Map<YNode, int[]> anchorData = new IdentityHashMap<>();
    private final Map<YNode, JsonNode> anchorValues = new IdentityHashMap<>();

    Converter(boolean yaml11, int maxAliasCount) {
      this.yaml11 = yaml11;
      this.maxAliasCount = maxAliasCount;
    }

    JsonNode convert(YNode n) {
      if (n.anchor != null && !(n instanceof YNode.Alias)) {
        int[] data = {1, 0};
        anchorData.put(n, data);
        JsonNode v = convertInner(n);
        anchorValues.put(n, v);
        return v;
      }
      return convertInner(n);
    }

    private JsonNode convertInner(YNode n) {
      if (n instanceof YNode.Scalar s) {
        return s.resolved != null ? s.resolved : ScalarResolver.resolve(s, yaml11);
      }
      if (n instanceof YNode.Seq seq) {
        if (TaggedValues.readsAsEmptyObject(seq.tag, false)) {
          return JsonNodeFactory.instance.objectNode();
        }
        ArrayNode a = JsonNodeFactory.instance.arrayNode(seq.items.size());
        for (YNode i : seq.items) {
          a.add(convert(i));
        }
        return a;
      }
      if (n instanceof YNode.Map m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        m.jsonKeys.clear();
        if (TaggedValues.readsAsEmptyObject(m.tag, true)) {
          return o;
        }
        for (int i = 0; i < m.keys.size(); i++) {
          JsonNode k = convert(m.keys.get(i));
          String key = k.isContainerNode() ? k.toString() : ScalarResolver.keyText(k);
          m.jsonKeys.add(key);
          YNode vn = i < m.values.size() ? m.values.get(i) : null;
          o.set(key, vn == null ? JsonNodeFactory.instance.nullNode() : convert(vn));
        }
        return o;
      }
      YNode.Alias a = (YNode.Alias) n;
      int[] data = anchorData.get(a.target);
      JsonNode value = anchorValues.get(a.target);
      if (data == null || value == null) {
        throw new AliasBudgetException(a, "unresolved alias *" + a.name
            + " (the anchor must be set before the alias)",
            "file %s could not be read, ReferenceError: Unresolved alias (the anchor must be set before the "
                + "alias): " + a.name);
      }
      data[0]++;
      if (data[1] == 0) {
        data[1] = aliasCount(a.target);
      }
      if ((long) data[0] * data[1] > maxAliasCount) {
        throw new AliasBudgetException(a, "excessive alias count (more than " + maxAliasCount
            + " alias expansions) indicates a resource exhaustion attack; the rest of the file is not read",
            "file %s could not be read, ReferenceError: Excessive alias count indicates a resource exhaustion "
                + "attack");
      }
      return value;
    }

    private int aliasCount(YNode n) {
      if (n instanceof YNode.Alias a) {
        int[] d = anchorData.get(a.target);
        return d == null ? 0 : (int) Math.min(Integer.MAX_VALUE, (long) d[0] * d[1]);
      }
      if (n instanceof YNode.Seq s) {
        int c = 0;
        for (YNode i : s.items) {
          c = Math.max(c, aliasCount(i));
        }
        return c;
      }
      if (n instanceof YNode.Map m) {
        int c = 0;
        for (int i = 0; i < m.keys.size(); i++) {
          int kc = aliasCount(m.keys.get(i));
          int vc = i < m.values.size() ? aliasCount(m.values.get(i)) : 1;
          c = Math.max(c, Math.max(kc, vc));
        }
        return c;
      }
      return 1;
    }
  }
}
