package dev.portolan.scaffolder.internal;

/**
 * Delimiters and whitespace options of one rendering environment.
 *
 * @param variableStart output start delimiter, {@code ${{} or {@code {{}
 * @param variableEnd output end delimiter
 * @param trimBlocks remove the first newline after a block tag
 * @param lstripBlocks strip indentation before a block tag on its own line
 */
public record Syntax(String variableStart, String variableEnd, boolean trimBlocks, boolean lstripBlocks) {

  /** Backstage's delimiters: {@code ${{ }}}. */
  public static final Syntax BACKSTAGE = new Syntax("${{", "}}", false, false);

  /** Plain nunjucks and cookiecutter delimiters: {@code {{ }}}. */
  public static final Syntax NUNJUCKS = new Syntax("{{", "}}", false, false);

  /**
   * Returns this syntax with the given whitespace options.
   *
   * @param trim trimBlocks
   * @param lstrip lstripBlocks
   * @return a new syntax
   */
  public Syntax withBlocks(boolean trim, boolean lstrip) {
    return new Syntax(variableStart, variableEnd, trim, lstrip);
  }
}
