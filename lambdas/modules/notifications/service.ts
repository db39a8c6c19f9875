/**
 * Notifications (api.md "Notifications"): the outbox consumer. Each outbox INSERT on the table's stream is rendered
 * with its template and sent with SES, idempotently per outbox id (lambdas/platform/outbox.ts says how, and what window
 * is left); a record that fails is reported in `batchItemFailures`, so that only it (and what follows it in its shard)
 * is retried, and after the retries it goes to the dead-letter queue. The others of the batch are still sent.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { type OutboxMessage, outboxIdOf, outboxMessage } from '../../../contracts/events';
import { logger } from '../../platform/instrument';
import type { OutboxStore } from '../../platform/outbox';
import type { Clock, Ids, Mail, Mailer, MemberContacts } from '../../platform/ports';
import type { PartnerRepository } from '../catalog';
import type { RenderedMail } from './templates/mail';
import { paymentNoticeIssuedMail } from './templates/payment-notice-issued';
import { requestApprovedMail } from './templates/request-approved';
import { requestAutoCancelledMail } from './templates/request-auto-cancelled';
import { requestRejectedMail } from './templates/request-rejected';

export interface NotificationPorts {
  outbox: Pick<OutboxStore, 'get' | 'claim' | 'release' | 'markSent'>;
  partners: Pick<PartnerRepository, 'getPartner'>;
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

/** Who gets a message, and what it says: read at send time (recipients' addresses are as they are now). */
async function compose(deps: Pick<NotificationPorts, 'partners' | 'members'>, message: OutboxMessage): Promise<Mail> {
  switch (message.kind) {
    case 'paymentNoticeIssued': {
      const partner = await deps.partners.getPartner(message.partnerId);
      if (!partner) throw new PoisonRecord(`Partner ${message.partnerId} of ${message.noticeId} not found`);
      return mailTo(partner.paymentNoticeEmails, paymentNoticeIssuedMail(message, partner.name));
    }
    case 'requestApproved':
      return mailTo(await memberAddress(deps, message), requestApprovedMail(message));
    case 'requestRejected':
      return mailTo(await memberAddress(deps, message), requestRejectedMail(message));
    case 'requestAutoCancelled':
      return mailTo(await memberAddress(deps, message), requestAutoCancelledMail(message));
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

const mailTo = (to: readonly string[], rendered: RenderedMail): Mail => ({ to: [...new Set(to)], ...rendered });

/** The message an outbox item's new image holds, checked against its id; {@link PoisonRecord} when it is not one. */
export function messageOf(image: Record<string, unknown>): { outboxId: string; message: OutboxMessage } {
  const parsed = outboxMessage.safeParse(image.message);
  if (!parsed.success) throw new PoisonRecord(`Not an outbox message: ${parsed.error.message}`);
  const outboxId = outboxIdOf(parsed.data);
  if (image.outboxId !== outboxId) throw new PoisonRecord(`Outbox id ${String(image.outboxId)} is not ${outboxId}`);
  return { outboxId, message: parsed.data };
}

/**
 * Sends one outbox message once: claims it, renders and sends it, marks it sent. Sent before (a redelivered record):
 * nothing. A message with no recipients is marked sent without a mail. A failed send releases the claim and throws.
 */
export async function deliver(deps: NotificationPorts, outboxId: string, message: OutboxMessage): Promise<Delivery> {
  const claim = deps.claims.next();
  if (!(await deps.outbox.claim(outboxId, claim, deps.clock.now()))) {
    const state = await deps.outbox.get(outboxId);
    if (!state) return 'gone';
    if (state.sentAt) return 'alreadySent';
    throw new ClaimHeld(`Outbox ${outboxId} is being sent by another delivery`);
  }
  let sesMessageId: string;
  let outcome: Delivery;
  try {
    const mail = await compose(deps, message);
    if (mail.to.length === 0) {
      sesMessageId = 'none';
      outcome = 'noRecipients';
    } else {
      sesMessageId = (await deps.mailer.send(mail)).messageId;
      outcome = 'sent';
    }
  } catch (error) {
    await deps.outbox.release(outboxId, claim);
    throw error;
  }
  if (!(await deps.outbox.markSent(outboxId, claim, { at: deps.clock.now(), sesMessageId }))) {
    throw new ClaimHeld(`Outbox ${outboxId} was sent, but its claim ran out before it was marked`);
  }
  return outcome;
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
