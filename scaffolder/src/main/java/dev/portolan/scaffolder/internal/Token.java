package dev.portolan.scaffolder.internal;

/** One lexical token of a template, with its 1-based position. */
record Token(Token.Type type, String value, int line, int column, String regexFlags) {

  enum Type {
    DATA, COMMENT, BLOCK_START, BLOCK_END, VARIABLE_START, VARIABLE_END,
    STRING, INT, FLOAT, BOOLEAN, NONE, SYMBOL, REGEX,
    LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, LEFT_CURLY, RIGHT_CURLY,
    COMMA, COLON, TILDE, PIPE, OPERATOR
  }

  Token(Type type, String value, int line, int column) {
    this(type, value, line, column, "");
  }
}
