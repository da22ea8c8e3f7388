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
  /** The key token put before the next value indicator, or null. */
  private Token key;
  /** Whether a value indicator coming next would have no key. */
  private boolean keyless;

  EmptyKeyScanner(Scanner in) {
    this.in = in;
  }

  /** Puts a key token before the next token when it is a value indicator without a key. */
  private boolean keyNext() {
    if (key == null && keyless && in.checkToken(Token.ID.Value)) {
      Token value = in.peekToken();
      key = new KeyToken(value.getStartMark(), value.getStartMark());
    }
    return key != null;
  }

  @Override
  public boolean checkToken(Token.ID... choices) {
    if (!keyNext()) {
      return in.checkToken(choices);
    }
    if (choices.length == 0) {
      return true;
    }
    for (Token.ID c : choices) {
      if (c == Token.ID.Key) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean checkToken(Token.ID choice) {
    return keyNext() ? choice == Token.ID.Key : in.checkToken(choice);
  }

  @Override
  public Token peekToken() {
    return keyNext() ? key : in.peekToken();
  }

  @Override
  public boolean hasNext() {
    return key != null || in.hasNext();
  }

  @Override
  public Token next() {
    Token t;
    if (keyNext()) {
      t = key;
      key = null;
    } else {
      t = in.next();
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
    Level top = levels.peek();
    Token.ID id = t.getTokenId();
    keyless = top != null && (top.blockMapping ? !top.keyed : top == FLOW && (id == Token.ID.FlowEntry
        || id == Token.ID.FlowMappingStart || id == Token.ID.FlowSequenceStart));
    return t;
  }

  @Override
  public void resetDocumentIndex() {
    in.resetDocumentIndex();
  }
}
