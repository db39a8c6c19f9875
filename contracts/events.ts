/**
 * Outbox messages (api.md "Notifications"): what a change writes, in its own transaction, for the stream consumer to
 * render and send. A discriminated union on `kind`; each member carries the data its template needs that the change
 * knows, and names (not copies) what the consumer reads at send time (recipients' addresses: a partner's, a facility's,
 * a member's). One message may be several mails (a booking made: the member's and the facility's), each sent once.
 * What names an outbox item and finds it on the stream, without the schemas, is in `outbox.ts`.
 */
import * as z from './zod';

/** Text that is not empty. */
const text = z.string().check(z.minLength(1));
const localDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** A partner's payment notice for a period was issued (settlement job): to the partner's payment-notice addresses. */
export const paymentNoticeIssuedMessage = z.object({
  kind: z.literal('paymentNoticeIssued'),
  noticeId: text,
  partnerId: text,
  /** The settlement period (`YYYY-MM`) and its dates. */
  period: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  periodFrom: localDate,
  periodTo: localDate,
  /** What the partner is paid (yen): payout less offsets. */
  net: z.number().check(z.int()),
  dueDate: localDate,
});
export type PaymentNoticeIssuedMessage = z.infer<typeof paymentNoticeIssuedMessage>;

/**
 * What a mail about a reservation tells: the reservation, its facility and space by name (as the change knew them), and
 * its start and end in the facility's zone (ISO 8601 with the offset, as the member's views show them). The member,
 * facility and space are named by id: the consumer reads at send time the member's address, the facility's
 * notification addresses and description, and the space's booking-mail message (004 §2-1 ④ ⑦, §2-3 ④).
 */
const reservationFields = {
  reservationId: text,
  /** The reservation number (`R-XXXX-XXXX-XXXX`), or its id for a reservation stored before numbers. */
  reservationNumber: text,
  memberId: text,
  facilityId: text,
  spaceId: text,
  facilityName: text,
  spaceName: text,
  start: text,
  end: text,
};

/**
 * Who booked, as a facility's mail shows it (api.md: an operator never sees a member's name or id): the member number
 * and, for a corporate member, the company.
 */
const bookerFields = {
  memberNumber: text,
  companyName: z.nullable(text),
};

/**
 * A booking was made (an instant space: `confirmed`) or requested (a request space: `requested`, with the moment it
 * is cancelled unless answered): to the member and to the facility's notification addresses, at once.
 */
export const bookingMadeMessage = z.object({
  kind: z.literal('bookingMade'),
  status: z.enum(['confirmed', 'requested']),
  ...reservationFields,
  ...bookerFields,
  /** A request's automatic cancellation (zoned ISO), unless the partner answers before it. */
  requestExpiresAt: z.nullable(text),
});
export type BookingMadeMessage = z.infer<typeof bookingMadeMessage>;

/** The partner approved a booking request: to the member (the booking is confirmed). */
export const requestApprovedMessage = z.object({ kind: z.literal('requestApproved'), ...reservationFields });
export type RequestApprovedMessage = z.infer<typeof requestApprovedMessage>;

/** The partner rejected a booking request: to the member, with the reason when one was given. */
export const requestRejectedMessage = z.object({
  kind: z.literal('requestRejected'),
  ...reservationFields,
  reason: z.optional(text),
});
export type RequestRejectedMessage = z.infer<typeof requestRejectedMessage>;

/** A booking request was not answered in time and was cancelled automatically (its expiry timer): to the member. */
export const requestAutoCancelledMessage = z.object({
  kind: z.literal('requestAutoCancelled'),
  ...reservationFields,
});
export type RequestAutoCancelledMessage = z.infer<typeof requestAutoCancelledMessage>;

/** The answers to a booking request that the member is told of. */
export type RequestAnswerMessage = RequestApprovedMessage | RequestRejectedMessage | RequestAutoCancelledMessage;

/**
 * A booking was extended (by the member in the app, or as agreed on site and recorded by staff): to the facility's
 * notification addresses (004 p.21, 「スペースご予約延長のお知らせ」). `end` is the new end; one message per extension
 * (the reservation's version after it names it).
 */
export const reservationExtendedMessage = z.object({
  kind: z.literal('reservationExtended'),
  ...reservationFields,
  ...bookerFields,
  previousEnd: text,
  version: z.number().check(z.int(), z.positive()),
});
export type ReservationExtendedMessage = z.infer<typeof reservationExtendedMessage>;

/** A stay was closed by the forced checkout (5 minutes after its end, the member had not checked out): to the member. */
export const forcedCheckoutMessage = z.object({
  kind: z.literal('forcedCheckout'),
  ...reservationFields,
  /** When the stay was closed (zoned ISO). */
  closedAt: text,
});
export type ForcedCheckoutMessage = z.infer<typeof forcedCheckoutMessage>;

/**
 * A confirmed booking starts in an hour (its reminder timer, written only while it is still confirmed): to the member,
 * quoting the space's booking-mail message as it is at send time (004 §2-1 ④: 利用開始1時間前のリマインドメール).
 */
export const bookingReminderMessage = z.object({ kind: z.literal('bookingReminder'), ...reservationFields });
export type BookingReminderMessage = z.infer<typeof bookingReminderMessage>;

/** What every message about a reservation carries (a reminder carries nothing else). */
export type ReservationFields = Omit<BookingReminderMessage, 'kind'>;

/** The messages about one reservation, which share its fields. */
export type ReservationMessage =
  | BookingMadeMessage
  | RequestAnswerMessage
  | ReservationExtendedMessage
  | ForcedCheckoutMessage
  | BookingReminderMessage;

/** Every message an outbox item may hold. */
export const outboxMessage = z.discriminatedUnion('kind', [
  paymentNoticeIssuedMessage,
  bookingMadeMessage,
  requestApprovedMessage,
  requestRejectedMessage,
  requestAutoCancelledMessage,
  reservationExtendedMessage,
  forcedCheckoutMessage,
  bookingReminderMessage,
]);
export type OutboxMessage = z.infer<typeof outboxMessage>;
export type OutboxMessageKind = OutboxMessage['kind'];
