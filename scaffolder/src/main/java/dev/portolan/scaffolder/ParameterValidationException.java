package dev.portolan.scaffolder;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The submitted values do not match the template's parameter schemas. Every violation is reported, one per
 * line, each as {@code <file>:<line>:<col>: <template ref>: parameters.<field>: expected <rule>, found
 * <value>}; the position is where that parameter is declared in the template. The getters of this exception
 * describe the first violation; {@link #problems()} gives each one with its own getters.
 */
public final class ParameterValidationException extends ScaffolderException {

  /** Serialization version. */
  private static final long serialVersionUID = 1L;

  /** The violations. */
  private final List<ScaffolderException> problems;

  /**
   * Creates the exception.
   *
   * @param problems the violations, at least one
   */
  public ParameterValidationException(List<ScaffolderException> problems) {
    super(problems.stream().map(ScaffolderException::getMessage).collect(Collectors.joining("\n")),
        first(problems).file(), first(problems).position(), first(problems).templateRef(),
        first(problems).fieldPath(), first(problems).detail());
    this.problems = List.copyOf(problems);
  }

  private static ScaffolderException first(List<ScaffolderException> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("at least one problem is needed");
    }
    return problems.get(0);
  }

  /**
   * Returns every violation.
   *
   * @return the violations in field path order, each with file, position, template ref, field path and detail
   */
  public List<ScaffolderException> problems() {
    return problems;
  }
}
