/**
 * Notifications (api.md "Notifications"): the outbox consumer and the templates of the messages. What other modules may
 * use of it (they write messages through lambdas/platform/outbox.ts, not through this module).
 */
export { notificationDeps } from './deps';
export { compose, type NotificationPorts, type Part, sendOutboxRecords } from './service';
