/**
 * The outbox as the table and the stream see it, apart from the messages' schemas (events.ts): an item's id, its
 * `entity`, the stream filter and the consumer's settings. The functions that write messages import this (and the
 * messages' types only), so that building the consumer's parsers is not part of their cold start.
 */
import type { OutboxMessage } from './events';

/**
 * The outbox id of a message: its kind and the id of the change it tells of, so that a retried change writes the one
 * item (put only if absent) and the consumer sends it once.
 */
export function outboxIdOf(message: OutboxMessage): string {
  switch (message.kind) {
    case 'paymentNoticeIssued':
      return `paymentNoticeIssued:${message.noticeId}`;
    case 'bookingMade':
    case 'requestApproved':
    case 'requestRejected':
    case 'requestAutoCancelled':
    case 'forcedCheckout':
    case 'bookingReminder':
      return `${message.kind}:${message.reservationId}`;
    case 'reservationExtended':
      return `${message.kind}:${message.reservationId}:${message.version}`;
  }
}

/** The `entity` attribute of outbox items: what the event source mapping's filter (and the local poller) match. */
export const OUTBOX_ENTITY = 'outbox';

/**
 * The event source mapping's filter on the table's stream: outbox items' INSERTs only (a claim or sent marker is a
 * MODIFY, a TTL expiry a REMOVE). The CDK construct and the local poller both use it.
 */
export const OUTBOX_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: [OUTBOX_ENTITY] } } },
} as const;

/** The sender address of e-mail (the SES identity's), given to the outbox consumer. */
export const MAIL_FROM_ENV = 'MAIL_FROM';
/**
 * Set to `local` by the local stack, which has no user pool: members' addresses are their local member records' `email`
 * (in the cloud, the `email` attribute of the user pool's user whose `sub` is the member id).
 */
export const MEMBER_CONTACTS_ENV = 'MEMBER_CONTACTS';

/** The SES endpoint override (the local SES stand-in); unset in the cloud. */
export const SES_ENDPOINT_ENV = 'SES_ENDPOINT';
