package dev.portolan.scaffolder;

import java.time.Duration;
import java.util.Objects;

/**
 * Budgets that bound every template rendering. Crossing one fails the rendering with a
 * {@link TemplateException} naming the budget; a template can never hang or exhaust memory.
 *
 * @param maxTemplateChars longest template source accepted
 * @param maxOutputChars longest rendered output, and longest string any expression may build
 * @param maxWork evaluation steps (expressions, statements, loop iterations, filter elements) per rendering
 * @param maxDepth deepest nesting of expressions, tags and macro calls
 * @param maxRenderTime longest time one rendering may take
 */
public record RenderLimits(
    int maxTemplateChars, int maxOutputChars, long maxWork, int maxDepth, Duration maxRenderTime) {

  /** Defaults: 4 Mi source chars, 16 Mi output chars, 1 M work units, depth 256, 10 seconds. */
  public static final RenderLimits DEFAULTS =
      new RenderLimits(4 * 1024 * 1024, 16 * 1024 * 1024, 1_000_000, 256, Duration.ofSeconds(10));

  /**
   * Validates the budgets.
   *
   * @param maxTemplateChars longest template source accepted
   * @param maxOutputChars longest rendered output, and longest string any expression may build
   * @param maxWork evaluation steps (expressions, statements, loop iterations, filter elements) per rendering
   * @param maxDepth deepest nesting of expressions, tags and macro calls
   * @param maxRenderTime longest time one rendering may take
   * @throws IllegalArgumentException if a budget is not positive
   */
  public RenderLimits {
    Objects.requireNonNull(maxRenderTime, "maxRenderTime");
    if (maxTemplateChars <= 0 || maxOutputChars <= 0 || maxWork <= 0 || maxDepth <= 0
        || maxRenderTime.isNegative() || maxRenderTime.isZero()) {
      throw new IllegalArgumentException("every render limit must be positive");
    }
  }
}
