/**
 * Logging, alerting and monitoring: the plan's "Logging Strategy", "Metrics and Monitoring",
 * "Alerting Strategy" and "Incident Response".
 *
 * <p>Wiring, in dependency order: {@link infra.observability.LogGroups} first (services write into
 * its groups and must not create their own); {@link infra.observability.Alerting} once the
 * messaging key exists; {@link infra.observability.Alarms} and {@link infra.observability.Dashboard}
 * last, fed the other components' outputs through {@link infra.observability.MonitoredResources}.
 * The logs and messaging keys must carry the grants in {@link infra.security.KeyPolicies} (checked on the rendered stack by AppStackTest).
 *
 * <p>P1 paging: alarms are data ({@link infra.observability.AlarmCatalog}); every alarm notifies
 * the infrastructure alerts topic on ALARM and OK (e-mail, Slack). Only prod has a third topic,
 * {@code order-processing-paging-alerts-prod}, which only P1 alarms notify and only PagerDuty
 * subscribes to. PagerDuty therefore never sees P2/P3 and never sees dev or staging, and it gets
 * the OK transition to resolve the incident. The PagerDuty URL stays a secret end to end.
 *
 * <p>{@link infra.observability.LogGroupReferences} checks a rendered stack for log groups that
 * something writes to but nothing declares; {@link infra.observability.Runbooks} writes the
 * incident procedures with a stack's real names from {@link infra.observability.RunbookFacts}.
 */
package infra.observability;
