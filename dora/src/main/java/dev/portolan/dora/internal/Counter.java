package dev.portolan.dora.internal;

/** The diagnostic counters, named as in the reference output. */
public enum Counter {
  CHANGE_RECORDS("change_records", false),
  CHANGES_NEVER_DEPLOYED("changes_never_deployed", true),
  CHANGES_UNIQUE("changes_unique", true),
  DELIVERED_CHANGES("delivered_changes", true),
  DELIVERED_CHANGES_NEGATIVE_LEAD_TIME("delivered_changes_negative_lead_time", true),
  DELIVERED_CHANGES_UNKNOWN_COMMIT_TIME("delivered_changes_unknown_commit_time", true),
  DEPLOYMENT_RECORDS("deployment_records", false),
  DEPLOYMENTS_COUNTED("deployments_counted", true),
  DEPLOYMENTS_COUNTED_WITHOUT_COMMITS("deployments_counted_without_commits", true),
  DEPLOYMENTS_FAILED("deployments_failed", true),
  DEPLOYMENTS_NON_PRODUCTION("deployments_non_production", false),
  DEPLOYMENTS_NOT_SUCCESS("deployments_not_success", false),
  DEPLOYMENTS_UNFINISHED("deployments_unfinished", false),
  DEPLOYMENTS_UNIQUE("deployments_unique", true),
  EVENTS_INVALID("events_invalid", false),
  EVENTS_UNKNOWN_TYPE("events_unknown_type", false),
  INCIDENT_RECORDS("incident_records", false),
  INCIDENTS_LINKED_BY_DEPLOYMENT_ID("incidents_linked_by_deployment_id", false),
  INCIDENTS_LINKED_BY_ROOT_CAUSE_SHA("incidents_linked_by_root_cause_sha", false),
  INCIDENTS_OPEN("incidents_open", false),
  INCIDENTS_UNIQUE("incidents_unique", true),
  INCIDENTS_UNLINKED("incidents_unlinked", false),
  LINES_BLANK("lines_blank", false),
  LINES_INVALID_JSON("lines_invalid_json", false),
  LINES_READ("lines_read", false),
  ROLLBACKS("rollbacks", false),
  ROLLBACKS_WITHOUT_TARGET("rollbacks_without_target", false),
  TIMESTAMPS_WITHOUT_OFFSET("timestamps_without_offset", false);

  private final String key;
  private final boolean always;

  Counter(String key, boolean always) {
    this.key = key;
    this.always = always;
  }

  /**
   * The name in the JSON output.
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * Whether the counter is reported even when zero.
   *
   * @return true for counters the reference always sets
   */
  public boolean always() {
    return always;
  }
}
