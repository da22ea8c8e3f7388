package dev.portolan.dora.internal;

/** The diagnostic counters, named as in the reference output. */
public enum Counter {
  /** Change records read (before merging). */
  CHANGE_RECORDS("change_records", false),
  /** Distinct changes no counted non-rollback deployment delivered. */
  CHANGES_NEVER_DEPLOYED("changes_never_deployed", true),
  /** Distinct change shas. */
  CHANGES_UNIQUE("changes_unique", true),
  /** Delivered (service, sha) pairs. */
  DELIVERED_CHANGES("delivered_changes", true),
  /** Delivered changes left out because the commit is after the delivery. */
  DELIVERED_CHANGES_NEGATIVE_LEAD_TIME("delivered_changes_negative_lead_time", true),
  /** Delivered changes left out because the commit time is unknown. */
  DELIVERED_CHANGES_UNKNOWN_COMMIT_TIME("delivered_changes_unknown_commit_time", true),
  /** Deployment records read (before merging). */
  DEPLOYMENT_RECORDS("deployment_records", false),
  /** Finished successful production deployments, the ones the metrics count. */
  DEPLOYMENTS_COUNTED("deployments_counted", true),
  /** Counted deployments that list no commit. */
  DEPLOYMENTS_COUNTED_WITHOUT_COMMITS("deployments_counted_without_commits", true),
  /** Counted deployments failed by a linked incident or a rollback. */
  DEPLOYMENTS_FAILED("deployments_failed", true),
  /** Finished successful deployments to another environment than production. */
  DEPLOYMENTS_NON_PRODUCTION("deployments_non_production", false),
  /** Finished deployments whose status is not success. */
  DEPLOYMENTS_NOT_SUCCESS("deployments_not_success", false),
  /** Deployments without a finish time. */
  DEPLOYMENTS_UNFINISHED("deployments_unfinished", false),
  /** Distinct deployment ids. */
  DEPLOYMENTS_UNIQUE("deployments_unique", true),
  /** Events skipped for a missing or malformed field. */
  EVENTS_INVALID("events_invalid", false),
  /** Events skipped for an unknown or missing type. */
  EVENTS_UNKNOWN_TYPE("events_unknown_type", false),
  /** Incident records read (before merging). */
  INCIDENT_RECORDS("incident_records", false),
  /** Incidents linked through caused_by_deployment. */
  INCIDENTS_LINKED_BY_DEPLOYMENT_ID("incidents_linked_by_deployment_id", false),
  /** Incidents linked through root_cause_sha. */
  INCIDENTS_LINKED_BY_ROOT_CAUSE_SHA("incidents_linked_by_root_cause_sha", false),
  /** Incidents not resolved. */
  INCIDENTS_OPEN("incidents_open", false),
  /** Distinct incident ids. */
  INCIDENTS_UNIQUE("incidents_unique", true),
  /** Incidents linked to no counted deployment. */
  INCIDENTS_UNLINKED("incidents_unlinked", false),
  /** Empty or whitespace-only lines. */
  LINES_BLANK("lines_blank", false),
  /** Lines that are not one JSON object. */
  LINES_INVALID_JSON("lines_invalid_json", false),
  /** Lines read. */
  LINES_READ("lines_read", false),
  /** Counted rollback deployments. */
  ROLLBACKS("rollbacks", false),
  /** Rollbacks with no earlier deployment of their service to roll back. */
  ROLLBACKS_WITHOUT_TARGET("rollbacks_without_target", false),
  /** Timestamps without an offset, read as UTC. */
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
