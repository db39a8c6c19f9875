import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { slotStarts } from '../../../domain/calendar';
import type { Instant, Reservation } from '../../../domain/model';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { isoUtc, keys } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import {
  type ConditionMeaning,
  type TaggedItem,
  type TransactOutcome,
  transact,
} from '../../../platform/dynamo/transactions';
import type { OwnHold } from '../rules/reservation';

type InstantField = 'start' | 'end' | 'checkedInAt' | 'checkedOutAt' | 'createdAt' | 'requestExpiresAt';
const INSTANT_FIELDS: readonly InstantField[] = [
  'start',
  'end',
  'checkedInAt',
  'checkedOutAt',
  'createdAt',
  'requestExpiresAt',
];

function reservationToItem(reservation: Reservation): Record<string, unknown> {
  const item: Record<string, unknown> = { ...reservation };
  for (const field of INSTANT_FIELDS) item[field] = instantToItem(reservation[field]);
  return item;
}

export function reservationFromItem(item: Record<string, unknown>): Reservation {
  const stored = stripStorage<Record<string, unknown>>(item);
  for (const field of INSTANT_FIELDS) stored[field] = instantFromItem(stored[field]);
  return stored as unknown as Reservation;
}

/** Fields a write changes on a reservation (instants as numbers; the repository stores them). */
export type ReservationChange = Partial<Omit<Reservation, 'reservationId' | 'memberId' | 'version'>>;

/** Limits the counters of a write must respect; `null` = no condition. */
export interface CounterLimits {
  member: number | null;
  company: number | null;
  daily: number | null;
}

const NO_LIMITS: CounterLimits = { member: null, company: null, daily: null };
const tickets = (detail: string): ConditionMeaning => ({ code: 'INSUFFICIENT_TICKETS', detail });

/** How a change moves a reservation's counters. */
interface CounterDelta {
  held: number;
  used: number;
  /** Counts toward limits: held + used. */
  total: number;
}

/** Reservations, the member's holds and every counter a booking touches; writes are single transactions. */
/** Which of a member's reservations to list, by start. */
export interface MemberReservationRange {
  from?: Instant;
  /** Exclusive; only with `from`. */
  to?: Instant;
  /** Newest first. */
  descending?: boolean;
}

/** Where a listing of a member's reservations stopped: the last one read. */
export interface MemberReservationPosition {
  start: Instant;
  reservationId: string;
}

export class ReservationRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(reservationId: string): Promise<Reservation | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.reservation(reservationId), ConsistentRead: true }),
    );
    return Item ? reservationFromItem(Item) : undefined;
  }

  /**
   * One page of a member's reservations by start, in `[from, to)` where given, newest first when `descending`:
   * at most `limit`, after `after` (a reservation of this member read before). One query; `more` when the
   * index holds further ones.
   */
  async pageOfMember(
    memberId: string,
    range: MemberReservationRange,
    page: { limit: number; after?: MemberReservationPosition },
  ): Promise<{ items: Reservation[]; more: boolean }> {
    const conditions = ['GSI1PK = :pk'];
    const values: Record<string, unknown> = { ':pk': keys.reservationsOfMember(memberId).GSI1PK };
    if (range.from !== undefined && range.to !== undefined) {
      conditions.push('GSI1SK BETWEEN :from AND :to');
      values[':from'] = isoUtc(range.from);
      // Sort keys are `<start>#<id>`: the last key starting before `to` is below `<to − 1 ms>#~`.
      values[':to'] = `${isoUtc(range.to - 1)}#~`;
    } else if (range.from !== undefined) {
      conditions.push('GSI1SK >= :from');
      values[':from'] = isoUtc(range.from);
    }
    const { after } = page;
    const { Items, LastEvaluatedKey } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: conditions.join(' AND '),
        ExpressionAttributeValues: values,
        ScanIndexForward: !range.descending,
        Limit: page.limit,
        ...(after
          ? {
              ExclusiveStartKey: {
                ...keys.reservation(after.reservationId),
                ...keys.reservationByMember(memberId, after.start, after.reservationId),
              },
            }
          : {}),
      }),
    );
    return { items: (Items ?? []).map(reservationFromItem), more: LastEvaluatedKey !== undefined };
  }

  /** The member's holds (requested, confirmed, checked in) that end after `t`: strongly consistent. */
  async holdsOf(memberId: string, endingAfter: Instant): Promise<OwnHold[]> {
    const range = keys.memberHoldsEndingAfter(memberId, endingAfter);
    const items = await queryAll(this.doc, this.tableName, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': range.PK, ':from': range.from, ':to': range.to },
      ConsistentRead: true,
    });
    return items.map((item) => ({
      reservationId: String(item.reservationId),
      start: Date.parse(String(item.start)),
      end: Date.parse(String(item.end)),
    }));
  }

  /** Creates a reservation with its slot counters, hold and use counters in one transaction. */
  create(
    reservation: Reservation,
    slots: readonly Instant[],
    capacity: number,
    holdsVersion: number,
    limits: CounterLimits,
  ): Promise<TransactOutcome> {
    const request = reservation.status === 'requested';
    return transact(this.doc, [
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.reservation(reservation.reservationId),
              ...keys.reservationByMember(reservation.memberId, reservation.start, reservation.reservationId),
              ...(request
                ? keys.bookingRequest(reservation.partnerId, reservation.facilityId, reservation.createdAt)
                : {}),
              entity: 'reservation',
              ...reservationToItem(reservation),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: 'stale',
      },
      this.guard(reservation.memberId, holdsVersion),
      this.putHold(reservation, reservation.end),
      ...slots.map((slot) =>
        this.takeSlot(reservation.spaceId, slot, capacity, {
          code: 'SLOT_UNAVAILABLE',
          detail: 'The space is fully booked for some of that time.',
        }),
      ),
      ...this.counters(
        reservation,
        { held: reservation.uses, used: 0, total: reservation.uses },
        reservation.uses,
        limits,
      ),
    ]);
  }

  /** Moves the checkout deadline of a reservation by an extension, in one transaction. */
  extend(
    reservation: Reservation,
    change: { newEnd: Instant; extraUses: number; slots: readonly Instant[]; price: Reservation['price'] },
    capacity: number,
    holdsVersion: number,
    limits: CounterLimits,
  ): Promise<TransactOutcome> {
    const extended: Reservation = {
      ...reservation,
      end: change.newEnd,
      uses: reservation.uses + change.extraUses,
      price: change.price,
    };
    return transact(this.doc, [
      this.updateReservation(
        reservation,
        { end: change.newEnd, uses: extended.uses, price: extended.price },
        reservation.status === 'checkedIn' ? { put: keys.checkedInStay(change.newEnd, reservation.reservationId) } : {},
      ),
      this.guard(reservation.memberId, holdsVersion),
      {
        item: {
          Delete: {
            TableName: this.tableName,
            Key: keys.memberHold(reservation.memberId, reservation.end, reservation.reservationId),
          },
        },
      },
      this.putHold(extended, change.newEnd),
      ...change.slots.map((slot) =>
        this.takeSlot(reservation.spaceId, slot, capacity, {
          code: 'EXTENSION_NOT_ALLOWED',
          detail: 'The seat is booked by someone else right after your reservation.',
        }),
      ),
      ...this.counters(
        reservation,
        { held: change.extraUses, used: 0, total: change.extraUses },
        change.extraUses,
        limits,
      ),
    ]);
  }

  /**
   * Ends a holding reservation (cancelled, rejected, checked out…): sets its new status and fields, frees
   * its slots from `releaseFrom` on, drops the member's hold, and releases or consumes its uses; `extra`
   * items (an exit unlock command) are written in the same transaction.
   */
  release(
    reservation: Reservation,
    change: { set: ReservationChange; releaseFrom: Instant; consumeUses: boolean; extra?: readonly TaggedItem[] },
  ): Promise<TransactOutcome> {
    const delta: CounterDelta = change.consumeUses
      ? { held: -reservation.uses, used: reservation.uses, total: 0 }
      : { held: -reservation.uses, used: 0, total: -reservation.uses };
    const slots = slotStarts(reservation.start, reservation.end).filter((slot) => slot >= change.releaseFrom);
    return transact(this.doc, [
      this.updateReservation(reservation, change.set, { remove: ['GSI2PK', 'GSI2SK'] }),
      ...(change.extra ?? []),
      {
        item: {
          Delete: {
            TableName: this.tableName,
            Key: keys.memberHold(reservation.memberId, reservation.end, reservation.reservationId),
          },
        },
      },
      ...slots.map((slot) => ({
        item: {
          Update: {
            TableName: this.tableName,
            Key: keys.slot(reservation.spaceId, slot),
            UpdateExpression: 'ADD held :minusOne',
            ExpressionAttributeValues: { ':minusOne': -1 },
          },
        },
      })),
      ...this.counters(reservation, delta, 0, NO_LIMITS),
    ]);
  }

  /**
   * Changes a reservation's fields (conditioned on its version) together with `extra` items, and keeps
   * its sparse index entry right for the status it gets: a request is listed for its partner, a stay
   * checked in is listed for the sweeper, anything else in neither.
   */
  change(
    reservation: Reservation,
    set: ReservationChange,
    extra: readonly TaggedItem[] = [],
  ): Promise<TransactOutcome> {
    const status = set.status ?? reservation.status;
    const end = set.end ?? reservation.end;
    const index =
      status === 'checkedIn'
        ? { put: keys.checkedInStay(end, reservation.reservationId) }
        : status === 'requested'
          ? {}
          : { remove: ['GSI2PK', 'GSI2SK'] };
    return transact(this.doc, [this.updateReservation(reservation, set, index), ...extra]);
  }

  /** Stays still checked in whose deadline is before `t` (the sweeper's query; sparse index). */
  async checkedInBefore(t: Instant): Promise<Array<{ reservationId: string }>> {
    const index = keys.checkedInStaysBefore(t);
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK < :before',
      ExpressionAttributeValues: { ':pk': index.GSI2PK, ':before': index.before },
      ProjectionExpression: 'reservationId',
    });
    return items.map((item) => ({ reservationId: String(item.reservationId) }));
  }

  /** Requests waiting for an answer from a partner, optionally of one facility; oldest first. */
  async requestsOfPartner(partnerId: string, facilityId?: string): Promise<Reservation[]> {
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: 'GSI2',
      KeyConditionExpression: facilityId ? 'GSI2PK = :pk AND begins_with(GSI2SK, :facility)' : 'GSI2PK = :pk',
      ExpressionAttributeValues: {
        ':pk': keys.bookingRequestsOf(partnerId),
        ...(facilityId ? { ':facility': `${facilityId}#` } : {}),
      },
    });
    return items.map(reservationFromItem);
  }

  /** Writes `extra` only while the reservation is still in `status` (a door opens only for a live stay). */
  whileInStatus(
    reservation: Reservation,
    status: Reservation['status'],
    extra: readonly TaggedItem[],
  ): Promise<TransactOutcome> {
    return transact(this.doc, [
      {
        item: {
          ConditionCheck: {
            TableName: this.tableName,
            Key: keys.reservation(reservation.reservationId),
            ConditionExpression: '#status = :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': status },
          },
        },
        onConditionFailed: 'stale',
      },
      ...extra,
    ]);
  }

  /** Changes fields of a reservation, conditioned on its version (a concurrent change makes it stale). */
  private updateReservation(
    reservation: Reservation,
    set: ReservationChange,
    index: { remove?: readonly string[]; put?: Record<string, string> } = {},
  ): TaggedItem {
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':version': reservation.version, ':next': reservation.version + 1 };
    const assignments = ['#version = :next'];
    for (const [i, [attribute, value]] of Object.entries(index.put ?? {}).entries()) {
      names[`#k${i}`] = attribute;
      values[`:k${i}`] = value;
      assignments.push(`#k${i} = :k${i}`);
    }
    const remove = index.remove ?? [];
    for (const [i, [field, value]] of Object.entries(set).entries()) {
      names[`#f${i}`] = field;
      values[`:v${i}`] = (INSTANT_FIELDS as readonly string[]).includes(field)
        ? instantToItem(value as Instant | null)
        : value;
      assignments.push(`#f${i} = :v${i}`);
    }
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.reservation(reservation.reservationId),
          UpdateExpression: `SET ${assignments.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      onConditionFailed: 'stale',
    };
  }

  /** Serializes a member's bookings: each one moves the holds version it read. */
  private guard(memberId: string, holdsVersion: number): TaggedItem {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.member(memberId),
          UpdateExpression: 'SET holdsVersion = :next',
          ConditionExpression:
            holdsVersion === 0
              ? 'attribute_exists(PK) AND (attribute_not_exists(holdsVersion) OR holdsVersion = :version)'
              : 'holdsVersion = :version',
          ExpressionAttributeValues: { ':version': holdsVersion, ':next': holdsVersion + 1 },
        },
      },
      onConditionFailed: 'stale',
    };
  }

  private putHold(reservation: Reservation, end: Instant): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.memberHold(reservation.memberId, end, reservation.reservationId),
            entity: 'hold',
            reservationId: reservation.reservationId,
            start: isoUtc(reservation.start),
            end: isoUtc(end),
          },
        },
      },
    };
  }

  /** One more hold on a slot, only while it stays within capacity. */
  private takeSlot(spaceId: string, slot: Instant, capacity: number, meaning: ConditionMeaning): TaggedItem {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: keys.slot(spaceId, slot),
          UpdateExpression: 'ADD held :one',
          ConditionExpression: 'attribute_not_exists(held) OR held < :capacity',
          ExpressionAttributeValues: { ':one': 1, ':capacity': capacity },
        },
      },
      onConditionFailed: meaning,
    };
  }

  /** Updates of the member's, company's and day's counters; adding `adding` uses stays within the limits. */
  private counters(
    { memberId, facilityId, ledger }: Pick<Reservation, 'memberId' | 'facilityId' | 'ledger'>,
    delta: CounterDelta,
    adding: number,
    limits: CounterLimits,
  ) {
    const update = (
      key: { PK: string; SK: string },
      fields: Partial<CounterDelta>,
      limit: number | null,
      meaning: ConditionMeaning,
    ): TaggedItem => {
      const entries = Object.entries(fields).filter(([, v]) => v !== 0);
      const names = Object.fromEntries(entries.map(([f]) => [`#${f}`, f]));
      const values: Record<string, unknown> = Object.fromEntries(entries.map(([f, v]) => [`:${f}`, v]));
      const guarded = limit !== null && adding > 0;
      if (guarded) {
        names['#total'] = 'total';
        values[':max'] = limit - adding;
      }
      return {
        item: {
          Update: {
            TableName: this.tableName,
            Key: key,
            UpdateExpression: `ADD ${entries.map(([f]) => `#${f} :${f}`).join(', ')}`,
            ...(guarded ? { ConditionExpression: 'attribute_not_exists(#total) OR #total <= :max' } : {}),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        onConditionFailed: meaning,
      };
    };
    const items: TaggedItem[] = [];
    if (delta.held !== 0 || delta.used !== 0 || delta.total !== 0) {
      items.push(
        update(
          keys.memberUses(memberId, ledger.memberPeriod),
          delta,
          limits.member,
          tickets('Your plan has not enough uses left.'),
        ),
      );
      if (ledger.companyId && ledger.companyMonth) {
        items.push(
          update(
            keys.companyUses(ledger.companyId, ledger.companyMonth),
            delta,
            limits.company,
            tickets('Your company has used its monthly uses.'),
          ),
        );
      }
    }
    if (ledger.dailyDate && delta.total !== 0) {
      const daily = keys.memberDailyUses(memberId, facilityId, ledger.dailyDate);
      items.push(
        update(daily, { total: delta.total }, limits.daily, {
          code: 'DAILY_LIMIT_REACHED',
          detail: 'The daily limit of this facility would be passed.',
        }),
      );
    }
    return items;
  }
}
