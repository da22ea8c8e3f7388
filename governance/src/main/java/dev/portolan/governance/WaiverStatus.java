package dev.portolan.governance;

import java.util.Optional;

/**
 * What became of a waiver in one evaluation.
 *
 * @param waiver the waiver
 * @param state whether it applied
 * @param reason why it did not apply, when it did not
 * @param covered how many findings it covered
 */
public record WaiverStatus(Waiver waiver, State state, Optional<String> reason, int covered) {

  /** The state of a waiver. */
  public enum State {
    /** Valid and covering at least one finding. */
    APPLIED,
    /** Valid but matching no finding. */
    UNUSED,
    /** Past its expiry date: the failures it covered count again. */
    EXPIRED,
    /** Unusable: non-waivable rule, unknown rule, a validity longer than the cap, or created in the future. */
    INVALID;

    /** @return the lower-case name used in reports */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
