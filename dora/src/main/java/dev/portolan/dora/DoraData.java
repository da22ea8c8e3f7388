package dev.portolan.dora;

import dev.portolan.dora.internal.Model;
import java.util.List;

/**
 * Delivery events merged and linked once, ready for reports over any window. Immutable and thread-safe; holds
 * arrays sized by distinct deployments, changes and incidents.
 */
public final class DoraData {

  private final Model model;
  private final Diagnostics diagnostics;

  DoraData(Model model, List<InputProblem> problems) {
    this.model = model;
    this.diagnostics = new Diagnostics(model.counters(), problems);
  }

  Model model() {
    return model;
  }

  /**
   * What happened to the input.
   *
   * @return counters and sample problems
   */
  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /**
   * The services seen in counted deployments and incidents, in code-point order.
   *
   * @return the service names
   */
  public List<String> services() {
    return model.services();
  }
}
