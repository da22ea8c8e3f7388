package dev.portolan.catalog.model;

import dev.portolan.catalog.model.internal.ReadDocument;
import dev.portolan.catalog.model.internal.YamlReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads YAML and JSON files into {@link SourceDocument}s with source positions, as Backstage's catalog reads
 * them: YAML 1.2 core schema ({@code yes}/{@code on}/{@code no} are strings, {@code 0755} is the integer
 * 755), a {@code %YAML 1.1} directive switching that document to YAML 1.1 scalars, several documents per
 * file, empty documents skipped, duplicate keys an error, {@code <<} a plain key. JSON files are read the
 * same way (JSON is YAML).
 *
 * <p>Problems never escape as exceptions: an unreadable file, invalid UTF-8, a syntax error or a crossed
 * {@link Limits limit} becomes a document whose {@link SourceDocument#error()} tells where and why. A
 * syntax error stays in its document; reading goes on with the next {@code ---} document.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DocumentReader {

  private final Limits limits;
  private final YamlReader yaml;

  private DocumentReader(Limits limits) {
    this.limits = limits;
    this.yaml = new YamlReader(limits);
  }

  /**
   * A reader with the given limits.
   *
   * @param limits the limits
   * @return the reader
   */
  public static DocumentReader create(Limits limits) {
    return new DocumentReader(Objects.requireNonNull(limits, "limits"));
  }

  /**
   * A reader with {@link Limits#DEFAULTS}.
   *
   * @return the reader
   */
  public static DocumentReader create() {
    return create(Limits.DEFAULTS);
  }

  /**
   * The limits this reader enforces.
   *
   * @return the limits
   */
  public Limits limits() {
    return limits;
  }

  /**
   * Reads a file.
   *
   * @param path the file
   * @return its documents, in order
   */
  public List<SourceDocument> read(Path path) {
    String name = path.toString();
    try {
      long size = Files.size(path);
      if (size > (long) limits.maxDocumentCodePoints() * 4) {
        return List.of(fileError(name, "file has " + size + " bytes, more than the limit of "
            + limits.maxDocumentCodePoints() + " code points"));
      }
      return read(name, Files.readAllBytes(path));
    } catch (IOException | RuntimeException e) {
      return List.of(fileError(name, "cannot read file: " + describe(e)));
    }
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /**
   * Reads UTF-8 bytes.
   *
   * @param name the file name used in positions and errors
   * @param content the bytes
   * @return the documents, in order
   */
  public List<SourceDocument> read(String name, byte[] content) {
    if (content.length > limits.maxDocumentCodePoints()) {
      long codePoints = 0;
      for (byte b : content) {
        if ((b & 0xC0) != 0x80) {
          codePoints++;
        }
      }
      if (codePoints > limits.maxDocumentCodePoints()) {
        return List.of(fileError(name, "file has " + codePoints + " code points, more than the limit of "
            + limits.maxDocumentCodePoints()));
      }
    }
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return read(name, dec.decode(ByteBuffer.wrap(content)).toString());
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(content);
      String before = new String(content, 0, bad, StandardCharsets.UTF_8);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int col = before.codePointCount(lineStart, before.length()) + 1;
      Violation v = new Violation(name, 0, Optional.of(new SourcePosition(line, col)), Optional.empty(),
          FieldPath.ROOT, String.format("invalid UTF-8: byte 0x%02X at byte offset %d; catalog files must be UTF-8",
              content[bad] & 0xFF, bad), Stage.PARSE);
      return List.of(new SourceDocument(name, 0, null, null, v, "file " + name + " could not be read, " + v.message()));
    }
  }

  private static int firstInvalidUtf8(byte[] b) {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, b.length));
    java.nio.charset.CoderResult r = dec.decode(in, out, true);
    return r.isError() ? in.position() : 0;
  }

  /**
   * Reads text.
   *
   * @param name the file name used in positions and errors
   * @param content the text
   * @return the documents, in order
   */
  public List<SourceDocument> read(String name, String content) {
    List<ReadDocument> docs;
    try {
      docs = yaml.read(content);
    } catch (RuntimeException | StackOverflowError e) {
      return List.of(fileError(name, "cannot read this file as YAML: " + describe(new IllegalStateException(
          String.valueOf(e), e))));
    }
    List<SourceDocument> out = new ArrayList<>();
    for (ReadDocument d : docs) {
      if (d.error().isPresent()) {
        ReadDocument.ReadError e = d.error().get();
        Violation v = new Violation(name, d.index(), Optional.of(new SourcePosition(e.line() + 1, e.column() + 1)),
            Optional.empty(), FieldPath.ROOT, e.message(), Stage.PARSE);
        out.add(new SourceDocument(name, d.index(), null, null, v, withFile(e.backstageMessage(), name)));
      } else {
        out.add(new SourceDocument(name, d.index(), d.json().orElseThrow(), d.tree(), null, null));
      }
    }
    return out;
  }

  /** Puts the file name in place of the first {@code %s} (messages may hold any other text). */
  private static String withFile(String template, String file) {
    int i = template.indexOf("%s");
    return i < 0 ? template : template.substring(0, i) + file + template.substring(i + 2);
  }

  private static SourceDocument fileError(String name, String message) {
    return new SourceDocument(name, 0, null, null,
        new Violation(name, 0, Optional.empty(), Optional.empty(), FieldPath.ROOT, message, Stage.PARSE),
        "file " + name + " could not be read, " + message);
  }
}
