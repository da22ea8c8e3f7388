package dev.portolan.cli;

/**
 * One step of {@code portolan demo}. Steps run in order on the same extracted sample; each prints its own
 * section and reports whether it found problems. A step that fails does not stop the later ones. To add a
 * step, implement this interface and append it to {@link DemoCommand#steps()}; the sample's files are found
 * through {@link DemoSample} ({@code catalogFiles()}, {@code TEMPLATES_DIR}, {@code DELIVERY_EVENTS}).
 */
interface DemoStep {

  /**
   * A short title, printed as the section heading.
   *
   * @return the title
   */
  String title();

  /**
   * Runs the step.
   *
   * @param context the sample and the output streams
   * @return {@code true} if the step found no problems
   */
  boolean run(DemoContext context);
}
