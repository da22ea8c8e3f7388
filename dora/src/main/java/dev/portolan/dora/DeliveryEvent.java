package dev.portolan.dora;

/**
 * A delivery event: a deployment, a change (commit) or an incident. The same events are read from JSON Lines
 * ({@code {"type":"deployment",...}}) and produced by the adapters ({@link GitHubEvents}, {@link GitLabEvents},
 * {@link PagerDutyEvents}, {@link CsvEvents}).
 */
public sealed interface DeliveryEvent permits DeploymentEvent, ChangeEvent, IncidentEvent {}
