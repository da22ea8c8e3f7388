package dev.portolan.catalog.model.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.snakeyaml.engine.v2.scanner.Scanner;
import org.snakeyaml.engine.v2.tokens.KeyToken;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * A token stream that lets a mapping entry have an empty implicit key ({@code : value} in a block mapping,
 * <code>{: value}</code> and {@code [: value]} in flow collections), which YAML 1.2 allows and Backstage's
 * parser reads as a null key, while snakeyaml-engine's parser rejects it. Before a value indicator that has
 * no key, it puts the key token the parser expects; the parser then reads an empty (null) key, as it does for
 * {@code ? } with nothing after it.
 */
final class EmptyKeyScanner implements Scanner {

  /** One open collection: whether it is a block mapping, and whether its current entry has its key. */
  private static final class Level {
    final boolean blockMapping;
    boolean keyed;

    Level(boolean blockMapping) {
      this.blockMapping = blockMapping;
    }
  }

  private static final Level FLOW = new Level(false);

  private final Scanner in;
  private final Deque<Level> levels = new ArrayDeque<>();
  private Token key;
  private Token.ID last;

  EmptyKeyScanner(Scanner in) {
    this.in = in;
  }

  private Token head() {
    if (key != null) {
      return key;
    }
    Token t = in.peekToken();
    Level top = levels.peek();
    boolean keyless = top != null && (top.blockMapping ? !top.keyed : top == FLOW && (last == Token.ID.FlowEntry
        || last == Token.ID.FlowMappingStart || last == Token.ID.FlowSequenceStart));
    if (t.getTokenId() == Token.ID.Value && keyless) {
      key = new KeyToken(t.getStartMark(), t.getStartMark());
      return key;
    }
    return t;
  }

  @Override
  public boolean checkToken(Token.ID... choices) {
    if (key == null && !in.checkToken()) {
      return false;
    }
    if (choices.length == 0) {
      return true;
    }
    Token.ID id = head().getTokenId();
    for (Token.ID c : choices) {
      if (c == id) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Token peekToken() {
    return head();
  }

  @Override
  public boolean hasNext() {
    return key != null || in.hasNext();
  }

  @Override
  public Token next() {
    Token t = head();
    if (t == key) {
      key = null;
    } else {
      in.next();
    }
    switch (t.getTokenId()) {
      case BlockMappingStart -> levels.push(new Level(true));
      case BlockSequenceStart -> levels.push(new Level(false));
      case FlowMappingStart, FlowSequenceStart -> levels.push(FLOW);
      case BlockEnd, FlowMappingEnd, FlowSequenceEnd -> levels.poll();
      case Key -> {
        if (!levels.isEmpty() && levels.peek() != FLOW) {
          levels.peek().keyed = true;
        }
      }
      case Value -> {
        if (!levels.isEmpty() && levels.peek() != FLOW) {
          levels.peek().keyed = false;
        }
      }
      default -> {
        // other tokens do not change what is open
      }
    }
    last = t.getTokenId();
    return t;
  }

  @Override
  public void resetDocumentIndex() {
    in.resetDocumentIndex();
  }
}
