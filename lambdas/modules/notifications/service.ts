/**
 * Notifications (api.md "Notifications"): the outbox consumer. Each outbox INSERT on the table's stream is rendered
 * with its templates (one mail per recipient group: a booking's to the member and to the facility) and sent with SES,
 * idempotently per outbox id and part (lambdas/platform/outbox.ts says how, and what window
 * is left); a record that fails is reported in `batchItemFailures`, so that only it (and what follows it in its shard)
 * is retried, and after the retries it goes to the dead-letter queue. The others of the batch are still sent.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { type OutboxMessage, outboxMessage } from '../../../contracts/events';
import { outboxIdOf } from '../../../contracts/outbox';
import { logger } from '../../platform/instrument';
import type { OutboxStore } from '../../platform/outbox';
import type { Clock, Ids, Mail, Mailer, MemberContacts } from '../../platform/ports';
import type { ReservationRepository } from '../booking';
import type { FacilityRepository, PartnerRepository, SpaceRepository } from '../catalog';
import { facilityBookingMadeMail, memberBookingMadeMail } from './templates/booking-made';
import { bookingReminderMail } from './templates/booking-reminder';
import { forcedCheckoutMail } from './templates/forced-checkout';
import type { RenderedMail } from './templates/mail';
import { paymentNoticeIssuedMail } from './templates/payment-notice-issued';
import { requestApprovedMail } from './templates/request-approved';
import { requestAutoCancelledMail } from './templates/request-auto-cancelled';
import { requestRejectedMail } from './templates/request-rejected';
import { reservationExtendedMail } from './templates/reservation-extended';

export interface NotificationPorts {
  outbox: Pick<OutboxStore, 'get' | 'claim' | 'release' | 'markSent'>;
  partners: Pick<PartnerRepository, 'getPartner'>;
  /** Facilities' notification addresses and descriptions, spaces' booking-mail messages: read at send time. */
  facilities: Pick<FacilityRepository, 'getFacility'>;
  spaces: Pick<SpaceRepository, 'getSpace'>;
  /** Reservations, read when a reminder is sent: one cancelled since it was written is not mailed. */
  reservations: Pick<ReservationRepository, 'get'>;
  /** Members' addresses (the identity's), read at send time. */
  members: MemberContacts;
  mailer: Mailer;
  clock: Clock;
  /** A new claim per delivery. */
  claims: Ids;
}

/** A record that no retry can send (not a message this consumer knows, or what it names is missing). */
export class PoisonRecord extends Error {
  override name = 'PoisonRecord';
}

/** The outbox item is claimed by another delivery that has not finished: try again later. */
export class ClaimHeld extends Error {
  override name = 'ClaimHeld';
}

/** What became of one record. */
export type Delivery = 'sent' | 'alreadySent' | 'noRecipients' | 'gone';

/** One mail of a message, named within it (`member`, `facility`, `partner`) so that each is sent once. */
export interface Part {
  part: string;
  mail: Mail;
}

const part = (name: string, to: readonly string[], rendered: RenderedMail): Part => ({
  part: name,
  mail: { to: [...new Set(to)], ...rendered },
});

/**
 * Who gets a message, and what it says: read at send time (recipients' addresses, the facility's description and the
 * space's booking-mail message are as they are now). A facility or space gone since is passed over: its texts are
 * left out, and a facility's mail has no recipients. A reminder goes only to a booking still confirmed when it is sent
 * (cancelled, or checked in early, after the reminder was written: no recipients).
 */
export async function compose(
  deps: Pick<NotificationPorts, 'partners' | 'members' | 'facilities' | 'spaces' | 'reservations'>,
  message: OutboxMessage,
): Promise<Part[]> {
  switch (message.kind) {
    case 'paymentNoticeIssued': {
      const partner = await deps.partners.getPartner(message.partnerId);
      if (!partner) throw new PoisonRecord(`Partner ${message.partnerId} of ${message.noticeId} not found`);
      return [part('partner', partner.paymentNoticeEmails, paymentNoticeIssuedMail(message, partner.name))];
    }
    case 'bookingMade': {
      const [facility, space, member] = await Promise.all([
        deps.facilities.getFacility(message.facilityId),
        deps.spaces.getSpace(message.spaceId),
        memberAddress(deps, message),
      ]);
      const texts = { facilityDescription: facility?.description, bookingMailMessage: space?.bookingMailMessage };
      return [
        part('member', member, memberBookingMadeMail(message, texts)),
        part('facility', facility?.notificationEmails ?? [], facilityBookingMadeMail(message)),
      ];
    }
    case 'requestApproved': {
      const [space, member] = await Promise.all([deps.spaces.getSpace(message.spaceId), memberAddress(deps, message)]);
      return [part('member', member, requestApprovedMail(message, space?.bookingMailMessage))];
    }
    case 'requestRejected':
      return [part('member', await memberAddress(deps, message), requestRejectedMail(message))];
    case 'requestAutoCancelled':
      return [part('member', await memberAddress(deps, message), requestAutoCancelledMail(message))];
    case 'reservationExtended': {
      const facility = await deps.facilities.getFacility(message.facilityId);
      return [part('facility', facility?.notificationEmails ?? [], reservationExtendedMail(message))];
    }
    case 'forcedCheckout':
      return [part('member', await memberAddress(deps, message), forcedCheckoutMail(message))];
    case 'bookingReminder': {
      const [reservation, space, member] = await Promise.all([
        deps.reservations.get(message.reservationId),
        deps.spaces.getSpace(message.spaceId),
        memberAddress(deps, message),
      ]);
      if (reservation?.status !== 'confirmed') {
        logger.info('Reminder not mailed: the booking is no longer confirmed', {
          reservationId: message.reservationId,
          status: reservation?.status ?? 'gone',
        });
      }
      const to = reservation?.status === 'confirmed' ? member : [];
      return [part('member', to, bookingReminderMail(message, space?.bookingMailMessage))];
    }
  }
}

/**
 * The member's address as the identity has it now: none (logged) when the member has none or is gone — the message is
 * then marked sent with no mail, as no retry would find one.
 */
async function memberAddress(
  deps: Pick<NotificationPorts, 'members'>,
  message: { kind: string; memberId: string; reservationId: string },
): Promise<string[]> {
  const email = await deps.members.emailOf(message.memberId);
  if (email) return [email];
  logger.warn('Member has no e-mail address: message not mailed', {
    kind: message.kind,
    memberId: message.memberId,
    reservationId: message.reservationId,
  });
  return [];
}

/** The message an outbox item's new image holds, checked against its id; {@link PoisonRecord} when it is not one. */
export function messageOf(image: Record<string, unknown>): { outboxId: string; message: OutboxMessage } {
  const parsed = outboxMessage.safeParse(image.message);
  if (!parsed.success) throw new PoisonRecord(`Not an outbox message: ${parsed.error.message}`);
  const outboxId = outboxIdOf(parsed.data);
  if (image.outboxId !== outboxId) throw new PoisonRecord(`Outbox id ${String(image.outboxId)} is not ${outboxId}`);
  return { outboxId, message: parsed.data };
}

/**
 * Sends one outbox message once: claims it, renders it and sends each of its parts not sent before (a retry after a
 * part failed sends only the others), marking each sent as it goes and the message with its last. A redelivered record
 * of a sent message: nothing. A part with no recipients is marked without a mail. A failed send releases the claim and
 * throws.
 */
export async function deliver(deps: NotificationPorts, outboxId: string, message: OutboxMessage): Promise<Delivery> {
  const claim = deps.claims.next();
  const claimed = await deps.outbox.claim(outboxId, claim, deps.clock.now());
  if (!claimed) {
    const state = await deps.outbox.get(outboxId);
    if (!state) return 'gone';
    if (state.sentAt) return 'alreadySent';
    throw new ClaimHeld(`Outbox ${outboxId} is being sent by another delivery`);
  }
  let mailed = 0;
  try {
    const parts = await compose(deps, message);
    for (const [index, { part: name, mail }] of parts.entries()) {
      const last = index === parts.length - 1;
      let sesMessageId = claimed.sentParts?.[name];
      // a part sent before is marked again only when it is the last, which marks the message sent
      if (sesMessageId !== undefined && !last) continue;
      if (sesMessageId === undefined) {
        sesMessageId = mail.to.length === 0 ? 'none' : (await deps.mailer.send(mail)).messageId;
        if (mail.to.length > 0) mailed += 1;
      }
      if (!(await deps.outbox.markSent(outboxId, claim, { part: name, sesMessageId, at: deps.clock.now(), last }))) {
        throw new ClaimHeld(`Outbox ${outboxId} was sent, but its claim ran out before it was marked`);
      }
    }
  } catch (error) {
    await deps.outbox.release(outboxId, claim);
    throw error;
  }
  return mailed > 0 ? 'sent' : 'noRecipients';
}

/** What a batch did, for the handler's log and metrics. */
export interface BatchOutcome extends DynamoDBBatchResponse {
  outcomes: Array<{ outboxId?: string; delivery?: Delivery; error?: string; poison?: boolean }>;
}

/**
 * The consumer of a batch of stream records (Lambda's DynamoDB event, or the local poller's of the same shape): each
 * outbox INSERT in order; a record that fails is named by its sequence number in `batchItemFailures` and the rest go
 * on. Records that are not outbox INSERTs (the filter lets none through) are passed over.
 */
export async function sendOutboxRecords(deps: NotificationPorts, event: DynamoDBStreamEvent): Promise<BatchOutcome> {
  const result: BatchOutcome = { batchItemFailures: [], outcomes: [] };
  for (const record of event.Records) {
    const sequence = record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
    if (record.eventName !== 'INSERT') continue;
    let outboxId: string | undefined;
    try {
      const image = unmarshall((record.dynamodb?.NewImage ?? {}) as Parameters<typeof unmarshall>[0]);
      const parsed = messageOf(image);
      outboxId = parsed.outboxId;
      const delivery = await deliver(deps, parsed.outboxId, parsed.message);
      result.outcomes.push({ outboxId, delivery });
    } catch (error) {
      result.batchItemFailures.push({ itemIdentifier: sequence });
      result.outcomes.push({
        ...(outboxId ? { outboxId } : {}),
        error: error instanceof Error ? error.message : String(error),
        poison: error instanceof PoisonRecord,
      });
    }
  }
  return result;
}
