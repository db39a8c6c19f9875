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

/**
 * What a member's mail about their booking request tells: the reservation, its facility and space by name, and its
 * start and end in the facility's zone (ISO 8601 with the offset, as the member's views show them). The member is named
 * by id: the consumer reads the member's address at send time.
 */
const requestAnswerFields = {
  reservationId: z.string().min(1),
  /** The reservation number (`R-XXXX-XXXX-XXXX`), or its id for a reservation stored before numbers. */
  reservationNumber: z.string().min(1),
  memberId: z.string().min(1),
  facilityName: z.string().min(1),
  spaceName: z.string().min(1),
  start: z.string().min(1),
  end: z.string().min(1),
};

/** The partner approved a booking request: to the member. */
export const requestApprovedMessage = z.object({ kind: z.literal('requestApproved'), ...requestAnswerFields });
export type RequestApprovedMessage = z.infer<typeof requestApprovedMessage>;

/** The partner rejected a booking request: to the member, with the reason when one was given. */
export const requestRejectedMessage = z.object({
  kind: z.literal('requestRejected'),
  ...requestAnswerFields,
  reason: z.string().min(1).optional(),
});
export type RequestRejectedMessage = z.infer<typeof requestRejectedMessage>;

/** A booking request was not answered in time and was cancelled automatically (its expiry timer): to the member. */
export const requestAutoCancelledMessage = z.object({
  kind: z.literal('requestAutoCancelled'),
  ...requestAnswerFields,
});
export type RequestAutoCancelledMessage = z.infer<typeof requestAutoCancelledMessage>;

/** The answers to a booking request that the member is told of. */
export type RequestAnswerMessage = RequestApprovedMessage | RequestRejectedMessage | RequestAutoCancelledMessage;

/**
 * A confirmed booking starts in an hour (its reminder timer): to the member, quoting the space's booking-mail message
 * (004 §2-1 ④), which the consumer reads at send time by the space's id (the partner may change it after the booking).
 */
export const bookingReminderMessage = z.object({
  kind: z.literal('bookingReminder'),
  ...requestAnswerFields,
  facilityId: z.string().min(1),
  spaceId: z.string().min(1),
});
export type BookingReminderMessage = z.infer<typeof bookingReminderMessage>;

/** Every message an outbox item may hold. */
export const outboxMessage = z.discriminatedUnion('kind', [
  paymentNoticeIssuedMessage,
  requestApprovedMessage,
  requestRejectedMessage,
  requestAutoCancelledMessage,
  bookingReminderMessage,
]);
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
    case 'requestApproved':
    case 'requestRejected':
    case 'requestAutoCancelled':
    case 'bookingReminder':
      return `${message.kind}:${message.reservationId}`;
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
