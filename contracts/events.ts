/**
 * Outbox messages (api.md "Notifications"): what a change writes, in its own transaction, for the stream consumer to
 * render and send. A discriminated union on `kind`; each member carries the data its template needs that the change
 * knows, and names (not copies) what the consumer reads at send time (recipients' addresses: a partner's, a facility's,
 * a member's). The other messages of api.md's table are added as new members: booking made / requested, request
 * approved / rejected / auto-cancelled, reminder, extension, forced checkout.
 */
import * as z from 'zod';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A partner's payment notice for a period was issued (settlement job): to the partner's payment-notice addresses. */
export const paymentNoticeIssuedMessage = z.object({
  kind: z.literal('paymentNoticeIssued'),
  noticeId: z.string().min(1),
  partnerId: z.string().min(1),
  /** The settlement period (`YYYY-MM`) and its dates. */
  period: z.string().regex(/^\d{4}-\d{2}$/),
  periodFrom: localDate,
  periodTo: localDate,
  /** What the partner is paid (yen): payout less offsets. */
  net: z.number().int(),
  dueDate: localDate,
});
export type PaymentNoticeIssuedMessage = z.infer<typeof paymentNoticeIssuedMessage>;

/** Every message an outbox item may hold. */
export const outboxMessage = z.discriminatedUnion('kind', [paymentNoticeIssuedMessage]);
export type OutboxMessage = z.infer<typeof outboxMessage>;
export type OutboxMessageKind = OutboxMessage['kind'];

/**
 * The outbox id of a message: its kind and the id of the change it tells of, so that a retried change writes the one
 * item (put only if absent) and the consumer sends it once.
 */
export function outboxIdOf(message: OutboxMessage): string {
  switch (message.kind) {
    case 'paymentNoticeIssued':
      return `paymentNoticeIssued:${message.noticeId}`;
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
/** The SES endpoint override (the local SES stand-in); unset in the cloud. */
export const SES_ENDPOINT_ENV = 'SES_ENDPOINT';
