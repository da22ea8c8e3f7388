package dev.portolan.scaffolder.internal;

/**
 * Delimiters and whitespace options of one rendering environment.
 *
 * @param variableStart output start delimiter, <code>${{</code> or <code>{{</code>
 * @param variableEnd output end delimiter
 * @param trimBlocks remove the first newline after a block tag
 * @param lstripBlocks strip indentation before a block tag on its own line
 * @param jinjaCompat nunjucks' jinja compatibility: {@code True}/{@code False}/{@code None}, Python list and
 *     dict methods, the {@code jsonify} filter
 */
public record Syntax(String variableStart, String variableEnd, boolean trimBlocks, boolean lstripBlocks,
    boolean jinjaCompat) {

  /** Backstage's delimiters: {@code ${{ }}}. */
  public static final Syntax BACKSTAGE = new Syntax("${{", "}}", false, false, false);

  /** Plain nunjucks delimiters: {@code {{ }}}. */
  public static final Syntax NUNJUCKS = new Syntax("{{", "}}", false, false, false);

  /** Backstage's cookiecutter compatibility: {@code {{ }}} with jinja compatibility. */
  public static final Syntax COOKIECUTTER = new Syntax("{{", "}}", false, false, true);

  /**
   * Returns this syntax with the given whitespace options.
   *
   * @param trim trimBlocks
   * @param lstrip lstripBlocks
   * @return a new syntax
   */
  public Syntax withBlocks(boolean trim, boolean lstrip) {
    return new Syntax(variableStart, variableEnd, trim, lstrip, jinjaCompat);
  }
}
