/**
 * The use of a member ticket: one item per ticket id, written only if absent in the transaction of the check-in the
 * ticket admits (the visit module's), so a second scan of the same ticket cancels that whole transaction.
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Instant } from '../../../domain/model';
import { instantFromItem } from '../../../platform/dynamo/items';
import { isoUtc, itemKey } from '../../../platform/dynamo/keys';
import type { ConditionMeaning, TaggedItem } from '../../../platform/dynamo/transactions';
import type { VerifiedTicket } from '../rules/ticket';

export const ticketUseKey = (ticketId: string) => itemKey('ticketUse', { ticketId });

/**
 * How long past a ticket's expiry its use is kept before DynamoDB's TTL may delete it. Once the ticket has expired
 * the signature check refuses it, so the use only has to outlive the expiry; the margin covers clocks of different
 * functions that disagree by a little. (TTL deletes within days, never before `ttl`.)
 */
export const TICKET_USE_TTL_MARGIN_SECONDS = 300;

/** What a failed condition on a ticket's use means: it was used before (api.md `TICKET_INVALID`, 422). */
export const TICKET_ALREADY_USED: ConditionMeaning = {
  code: 'TICKET_INVALID',
  detail: 'This ticket was already used.',
};

export class TicketUseRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * The conditional Put of `ticket`'s use at `now` (`attribute_not_exists`), to add to the transaction of what the
   * ticket admits: when the ticket was used before, the transaction writes nothing and fails with
   * {@link TICKET_ALREADY_USED}.
   */
  useItem(ticket: VerifiedTicket, now: Instant): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...ticketUseKey(ticket.ticketId),
            entity: 'ticketUse',
            ticketId: ticket.ticketId,
            memberId: ticket.memberId,
            usedAt: isoUtc(now),
            expiresAt: isoUtc(ticket.expiresAt),
            ttl: Math.ceil(ticket.expiresAt / 1000) + TICKET_USE_TTL_MARGIN_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      onConditionFailed: TICKET_ALREADY_USED,
    };
  }

  /** When the ticket was used, or undefined when it was not (or its use has expired). */
  async usedAt(ticketId: string): Promise<Instant | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: ticketUseKey(ticketId), ConsistentRead: true }),
    );
    return instantFromItem(Item?.usedAt) ?? undefined;
  }
}
