/**
 * Visits, and every item a visit writes with them in one transaction: its number, the member's one visit in, the
 * partner's presence list, the space's occupancy, and the member's counters (written by the membership module's
 * repository). A change of a visit is conditioned on the version it was decided on.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Instant } from '../../../domain/model';
import { batchGetAll } from '../../../platform/dynamo/batch';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { fill, fillPrefix, indexAttributes, indexKey, isoUtc, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import { type TaggedItem, type TransactOutcome, transact } from '../../../platform/dynamo/transactions';
import { updateExpression } from '../../../platform/dynamo/update';
import { automaticEnd, guestsIn, type Visit, type VisitGuest } from '../rules/visit';

const [BY_MEMBER, IN_BY_END, BY_PARTNER] = ITEM_TYPES.visit.indexes;
const byMember = indexAttributes(BY_MEMBER);
const inByEnd = indexAttributes(IN_BY_END);
const byPartner = indexAttributes(BY_PARTNER);

export const visitKey = (visitId: string) => itemKey('visit', { visitId });
const numberKey = (number: string) => itemKey('visitNumber', { number });
const openVisitKey = (memberId: string) => itemKey('openVisit', { memberId });
const presenceKey = (v: Pick<Visit, 'partnerId' | 'facilityId' | 'spaceId' | 'visitId'>) =>
  itemKey('presence', { partnerId: v.partnerId, facilityId: v.facilityId, spaceId: v.spaceId, visitId: v.visitId });
const occupancyKey = (spaceId: string) => itemKey('spaceOccupancy', { spaceId });
const byMemberKey = (v: Pick<Visit, 'memberId' | 'checkedInAt' | 'visitId'>) =>
  indexKey(BY_MEMBER, { memberId: v.memberId, utcCheckedInAt: isoUtc(v.checkedInAt), visitId: v.visitId });
const byPartnerKey = (v: Pick<Visit, 'partnerId' | 'checkedInAt' | 'visitId'>) =>
  indexKey(BY_PARTNER, { partnerId: v.partnerId, utcCheckedInAt: isoUtc(v.checkedInAt), visitId: v.visitId });

/**
 * A stored visit's entry in the partners' usage index (GSI3), as its check-in writes it: for a backfill of items
 * written before the index (tools/migrations). Its check-in and id never change once written.
 */
export const visitUsageIndexKey = (item: Record<string, unknown>): Record<string, string> => {
  const visit = visitFromItem(item);
  if (typeof visit.partnerId !== 'string' || typeof visit.visitId !== 'string' || !Number.isFinite(visit.checkedInAt)) {
    throw new Error('A visit item without partnerId, visitId or checkedInAt has no usage index entry');
  }
  return byPartnerKey(visit);
};

type InstantField = 'checkedInAt' | 'checkedOutAt' | 'limitEndsAt' | 'closesAt';
const INSTANT_FIELDS: readonly InstantField[] = ['checkedInAt', 'checkedOutAt', 'limitEndsAt', 'closesAt'];

const guestToItem = (guest: VisitGuest) => ({
  ...guest,
  checkedInAt: instantToItem(guest.checkedInAt),
  checkedOutAt: instantToItem(guest.checkedOutAt),
});

/** The visit's attributes as stored (instants as ISO 8601 UTC), without its keys. */
function visitAttributes(visit: Visit): Record<string, unknown> {
  const item: Record<string, unknown> = { ...visit, guests: visit.guests.map(guestToItem) };
  for (const field of INSTANT_FIELDS) item[field] = instantToItem(visit[field]);
  return item;
}

export function visitFromItem(item: Record<string, unknown>): Visit {
  const stored = stripStorage<Record<string, unknown>>(item);
  for (const field of INSTANT_FIELDS) stored[field] = instantFromItem(stored[field]);
  stored.guests = ((stored.guests as Record<string, unknown>[] | undefined) ?? []).map((guest) => ({
    ...guest,
    checkedInAt: instantFromItem(guest.checkedInAt),
    checkedOutAt: instantFromItem(guest.checkedOutAt),
  }));
  return stored as unknown as Visit;
}

/** The sweeper's index entry of a visit in with an automatic end; none otherwise. */
function inByEndKey(visit: Visit): Record<string, string> {
  const end = automaticEnd(visit);
  return visit.status === 'in' && end !== null
    ? indexKey(IN_BY_END, { utcEndsAt: isoUtc(end.at), visitId: visit.visitId })
    : {};
}

/** The stored item of a visit: its key, its entries by member and by partner, its sweeper entry while in. */
const visitItem = (visit: Visit): Record<string, unknown> => ({
  ...visitKey(visit.visitId),
  ...byMemberKey(visit),
  ...byPartnerKey(visit),
  ...inByEndKey(visit),
  entity: 'visit',
  ...visitAttributes(visit),
});

/** Where a listing of a member's visits stopped: the last one read. */
export interface VisitPosition {
  checkedInAt: Instant;
  visitId: string;
}

/** Where a listing of a partner's visits starts: after a visit read before, or at it (`inclusive`) to read it again. */
export interface PartnerVisitStart extends VisitPosition {
  inclusive?: boolean;
}

export class VisitRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(visitId: string): Promise<Visit | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: visitKey(visitId), ConsistentRead: true }),
    );
    return Item ? visitFromItem(Item) : undefined;
  }

  /** The id of the member's visit in now, if any (strongly consistent). */
  async openVisitOf(memberId: string): Promise<string | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: openVisitKey(memberId), ConsistentRead: true }),
    );
    return Item ? String(Item.visitId) : undefined;
  }

  /**
   * Writes a check-in: `first` (a ticket's single use) before anything, then the member's one visit in (INVALID_STATE
   * when they are in already), the visit and its number (stale when another visit has it), the partner's presence,
   * `counters` (the membership module's updates: uses and the day's check-ins, with their refusals), and a place in the
   * space within `capacity` (SPACE_FULL). The first condition that fails names the refusal; nothing is written then.
   */
  checkIn(
    visit: Visit,
    {
      capacity,
      counters,
      first = [],
    }: { capacity: number; counters: readonly TaggedItem[]; first?: readonly TaggedItem[] },
  ): Promise<TransactOutcome> {
    return transact(this.doc, [
      ...first,
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...openVisitKey(visit.memberId), entity: 'openVisit', visitId: visit.visitId },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: { code: 'INVALID_STATE', detail: 'You are checked in somewhere already: check out first.' },
      },
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: visitItem(visit),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: 'stale',
      },
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...numberKey(visit.number), entity: 'visitNumber', number: visit.number, visitId: visit.visitId },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: 'stale',
      },
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...presenceKey(visit), entity: 'presence', visitId: visit.visitId },
          },
        },
      },
      ...counters,
      this.occupy(visit.spaceId, 1, capacity),
    ]);
  }

  /** `n` more people in a space, within `capacity` (SPACE_FULL), or `n` fewer (no condition). */
  private occupy(spaceId: string, n: number, capacity: number): TaggedItem {
    const guarded = n > 0;
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: occupancyKey(spaceId),
          ...updateExpression(
            { add: { people: n } },
            guarded ? { names: { '#people': 'people' }, values: { ':max': capacity - n } } : {},
          ),
          ...(guarded ? { ConditionExpression: 'attribute_not_exists(#people) OR #people <= :max' } : {}),
        },
      },
      onConditionFailed: { code: 'SPACE_FULL', detail: 'The space is full.' },
    };
  }

  /** The visit as `after`, over the version `before` was read at (stale otherwise). */
  private replace(before: Visit, after: Visit): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: visitItem(after),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': before.version },
        },
      },
      onConditionFailed: 'stale',
    };
  }

  /**
   * Ends a visit (`after` is out): the member's visit in and their presence go, the space gets back the member and the
   * guests who were still in, and `extra` (its sales lines) is written with it. Stale when the visit moved since `before`.
   */
  end(before: Visit, after: Visit, extra: readonly TaggedItem[] = []): Promise<TransactOutcome> {
    return transact(this.doc, [
      this.replace(before, after),
      ...extra,
      {
        item: {
          Delete: {
            TableName: this.tableName,
            Key: openVisitKey(before.memberId),
            ConditionExpression: '#visitId = :visitId',
            ExpressionAttributeNames: { '#visitId': 'visitId' },
            ExpressionAttributeValues: { ':visitId': before.visitId },
          },
        },
        onConditionFailed: 'stale',
      },
      { item: { Delete: { TableName: this.tableName, Key: presenceKey(before) } } },
      this.occupy(before.spaceId, -(1 + guestsIn(before)), 0),
    ]);
  }

  /**
   * A correction of a visit that is over (`after`): the visit over the version `before` was read at (stale otherwise),
   * with `extra` (the period still open, the correction's sales record) in the same transaction. Nobody's presence or
   * place in the space changes: they left already.
   */
  correct(before: Visit, after: Visit, extra: readonly TaggedItem[]): Promise<TransactOutcome> {
    return transact(this.doc, [...extra, this.replace(before, after)]);
  }

  /** Guests came in or left (`after`): the space's people follow, within `capacity` for guests coming in. */
  changeGuests(before: Visit, after: Visit, capacity: number): Promise<TransactOutcome> {
    const delta = guestsIn(after) - guestsIn(before);
    return transact(this.doc, [this.replace(before, after), this.occupy(before.spaceId, delta, capacity)]);
  }

  /** One page of a member's visits, newest first, after `after` when given; `more` when the index holds further ones. */
  async pageOfMember(
    memberId: string,
    page: { limit: number; after?: VisitPosition },
  ): Promise<{ items: Visit[]; more: boolean }> {
    const pk = fill(BY_MEMBER.pk, { memberId });
    const { Items = [], LastEvaluatedKey } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: byMember.name,
        KeyConditionExpression: `${byMember.pk} = :pk`,
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: page.limit,
        ...(page.after
          ? {
              ExclusiveStartKey: { ...visitKey(page.after.visitId), ...byMemberKey({ memberId, ...page.after }) },
            }
          : {}),
      }),
    );
    return { items: Items.map(visitFromItem), more: LastEvaluatedKey !== undefined };
  }

  /**
   * One page of a partner's visits that checked in within `[from, to)`, newest first: at most `limit`, from `start` on
   * when given (after it, or at it when `inclusive`; it must lie in the range). One query on the partner index
   * (eventually consistent); `more` when it holds further ones in the range.
   */
  async pageOfPartner(
    partnerId: string,
    range: { from: Instant; to: Instant },
    page: { limit: number; start?: PartnerVisitStart },
  ): Promise<{ items: Visit[]; more: boolean }> {
    const { start } = page;
    const atStart = start && { partnerId, checkedInAt: start.checkedInAt, visitId: start.visitId };
    const { Items = [], LastEvaluatedKey } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: byPartner.name,
        KeyConditionExpression: `${byPartner.pk} = :pk AND ${byPartner.sk} BETWEEN :from AND :to`,
        ExpressionAttributeValues: {
          ':pk': fill(BY_PARTNER.pk, { partnerId }),
          ':from': isoUtc(range.from),
          // sort keys are `<check-in>#<id>`: a visit read again is the highest key; else the last before `to`
          ':to': atStart && start.inclusive ? byPartnerKey(atStart)[byPartner.sk] : `${isoUtc(range.to - 1)}#~`,
        },
        ScanIndexForward: false,
        Limit: page.limit,
        ...(atStart && !start.inclusive
          ? { ExclusiveStartKey: { ...visitKey(start.visitId), ...byPartnerKey(atStart) } }
          : {}),
      }),
    );
    return { items: Items.map(visitFromItem), more: LastEvaluatedKey !== undefined };
  }

  /** Visits still in whose automatic end is at or before `t` (the sweeper's; the index is eventually consistent). */
  async inEndedBy(t: Instant): Promise<{ visitId: string }[]> {
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: inByEnd.name,
      KeyConditionExpression: `${inByEnd.pk} = :pk AND ${inByEnd.sk} <= :upTo`,
      ExpressionAttributeValues: {
        ':pk': fill(IN_BY_END.pk, {}),
        // every key of an instant ≤ t sorts before `<iso(t)>#~`
        ':upTo': `${isoUtc(t)}#~`,
      },
      ProjectionExpression: 'visitId',
    });
    return items.map((item) => ({ visitId: String(item.visitId) }));
  }

  /**
   * The visits in the partner's open spaces now (of one facility when given): the presence list (strongly consistent),
   * then the visits it names.
   */
  async presentAt(partnerId: string, facilityId?: string): Promise<Visit[]> {
    const presence = await queryAll(this.doc, this.tableName, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': fill(ITEM_TYPES.presence.pk, { partnerId }),
        ':prefix': fillPrefix(ITEM_TYPES.presence.sk, facilityId ? { facilityId } : {}),
      },
      ConsistentRead: true,
    });
    const keys = presence.map((item) => visitKey(String(item.visitId)));
    const items = await batchGetAll(this.doc, this.tableName, keys, { consistentRead: true });
    const visits = items.map(visitFromItem);
    return visits.sort((a, b) => a.checkedInAt - b.checkedInAt || a.visitId.localeCompare(b.visitId));
  }
}
