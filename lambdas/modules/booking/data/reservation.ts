import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import { slotStarts } from '../../../domain/calendar';
import type { Instant, KeypadCode, Reservation, Space } from '../../../domain/model';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { fill, fillPrefix, indexAttributes, indexKey, isoUtc, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import {
  type ConditionMeaning,
  type TaggedItem,
  type TransactOutcome,
  transact,
} from '../../../platform/dynamo/transactions';
import { updateExpression } from '../../../platform/dynamo/update';
import { SpaceRepository } from '../../catalog';
import {
  type CounterDelta,
  type CounterLimits,
  MemberRepository,
  NO_LIMITS,
  UseCounterRepository,
} from '../../membership';
import { HoldRepository } from './hold';
import { ReservationNumberRepository } from './reservation-number';
import { SlotCounterRepository } from './slot-counter';

const [BY_MEMBER, REQUESTS, CHECKED_IN, BY_PARTNER] = ITEM_TYPES.reservation.indexes;
const byMember = indexAttributes(BY_MEMBER);
const sparse = indexAttributes(REQUESTS);
const byPartner = indexAttributes(BY_PARTNER);

export const reservationKey = (reservationId: string) => itemKey('reservation', { reservationId });
const byMemberKey = (memberId: string, start: Instant, reservationId: string) =>
  indexKey(BY_MEMBER, { memberId, utcStart: isoUtc(start), reservationId });
const byPartnerKey = (partnerId: string, start: Instant, reservationId: string) =>
  indexKey(BY_PARTNER, { partnerId, utcStart: isoUtc(start), reservationId });
/**
 * A stored reservation's entry in the partners' usage index (GSI3), as its booking writes it: for a backfill of items
 * written before the index (tools/migrations). Its start and id never change once written.
 */
export const reservationUsageIndexKey = (item: Record<string, unknown>): Record<string, string> => {
  const { partnerId, start, reservationId } = reservationFromItem(item);
  if (typeof partnerId !== 'string' || typeof reservationId !== 'string' || !Number.isFinite(start)) {
    throw new Error('A reservation item without partnerId, reservationId or start has no usage index entry');
  }
  return byPartnerKey(partnerId, start, reservationId);
};
const requestKey = (r: Pick<Reservation, 'partnerId' | 'facilityId' | 'createdAt'>) =>
  indexKey(REQUESTS, { partnerId: r.partnerId, facilityId: r.facilityId, utcCreatedAt: isoUtc(r.createdAt) });
const checkedInKey = (end: Instant, reservationId: string) =>
  indexKey(CHECKED_IN, { utcEnd: isoUtc(end), reservationId });

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

/** Which of a member's reservations to list, by start. */
export interface MemberReservationRange {
  from?: Instant;
  /** Exclusive; only with `from`. */
  to?: Instant;
  /** Newest first. */
  descending?: boolean;
}

/** What a booking takes of its space: room within capacity, on the calendar it was decided on. */
export type SpaceTaken = Pick<Space, 'capacity' | 'calendarVersion'>;

/** Where a listing of reservations (a member's, a partner's) stopped: the last one read. */
export interface ReservationPosition {
  start: Instant;
  reservationId: string;
}
export type MemberReservationPosition = ReservationPosition;

/** Reservations, and every item a booking writes with them (holds, slot counters, use counters), in one transaction. */
export class ReservationRepository {
  private readonly holds: HoldRepository;
  private readonly numbers: ReservationNumberRepository;
  private readonly slots: SlotCounterRepository;
  private readonly members: MemberRepository;
  private readonly counters: UseCounterRepository;
  private readonly spaces: SpaceRepository;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.holds = new HoldRepository(doc, tableName);
    this.numbers = new ReservationNumberRepository(doc, tableName);
    this.slots = new SlotCounterRepository(doc, tableName);
    this.members = new MemberRepository(doc, tableName);
    this.counters = new UseCounterRepository(doc, tableName);
    this.spaces = new SpaceRepository(doc, tableName);
  }

  async get(reservationId: string): Promise<Reservation | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: reservationKey(reservationId), ConsistentRead: true }),
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
    const conditions = [`${byMember.pk} = :pk`];
    const values: Record<string, unknown> = { ':pk': fill(BY_MEMBER.pk, { memberId }) };
    if (range.from !== undefined && range.to !== undefined) {
      conditions.push(`${byMember.sk} BETWEEN :from AND :to`);
      values[':from'] = isoUtc(range.from);
      // Sort keys are `<start>#<id>`: the last key starting before `to` is below `<to − 1 ms>#~`.
      values[':to'] = `${isoUtc(range.to - 1)}#~`;
    } else if (range.from !== undefined) {
      conditions.push(`${byMember.sk} >= :from`);
      values[':from'] = isoUtc(range.from);
    }
    const { after } = page;
    const { Items, LastEvaluatedKey } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: byMember.name,
        KeyConditionExpression: conditions.join(' AND '),
        ExpressionAttributeValues: values,
        ScanIndexForward: !range.descending,
        Limit: page.limit,
        ...(after
          ? {
              ExclusiveStartKey: {
                ...reservationKey(after.reservationId),
                ...byMemberKey(memberId, after.start, after.reservationId),
              },
            }
          : {}),
      }),
    );
    return { items: (Items ?? []).map(reservationFromItem), more: LastEvaluatedKey !== undefined };
  }

  /**
   * One page of a partner's reservations that start within `[from, to)`, latest start first: at most `limit`, after
   * `after` (one of the partner's read before, in the range). One query on the partner index (eventually consistent);
   * `more` when it holds further ones in the range.
   */
  async pageOfPartner(
    partnerId: string,
    range: { from: Instant; to: Instant },
    page: { limit: number; after?: ReservationPosition },
  ): Promise<{ items: Reservation[]; more: boolean }> {
    const { after } = page;
    const { Items = [], LastEvaluatedKey } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: byPartner.name,
        KeyConditionExpression: `${byPartner.pk} = :pk AND ${byPartner.sk} BETWEEN :from AND :to`,
        ExpressionAttributeValues: {
          ':pk': fill(BY_PARTNER.pk, { partnerId }),
          ':from': isoUtc(range.from),
          // sort keys are `<start>#<id>`: the last key starting before `to` is below `<to − 1 ms>#~`
          ':to': `${isoUtc(range.to - 1)}#~`,
        },
        ScanIndexForward: false,
        Limit: page.limit,
        ...(after
          ? {
              ExclusiveStartKey: {
                ...reservationKey(after.reservationId),
                ...byPartnerKey(partnerId, after.start, after.reservationId),
              },
            }
          : {}),
      }),
    );
    return { items: Items.map(reservationFromItem), more: LastEvaluatedKey !== undefined };
  }

  /** The member's holds (requested, confirmed, checked in) that end after `t`: strongly consistent. */
  holdsOf(memberId: string, endingAfter: Instant) {
    return this.holds.holdsOf(memberId, endingAfter);
  }

  /** The space's holds (requested, confirmed, checked in) that end after `t`: strongly consistent. */
  holdsOfSpace(spaceId: string, endingAfter: Instant) {
    return this.holds.holdsOfSpace(spaceId, endingAfter);
  }

  /**
   * Creates a reservation with its number, slot counters, hold and use counters in one transaction, with `extra` items
   * (its outbox message). A number another reservation has makes the write stale (decide again with a new number). At
   * most 99 items of its own (the reservation, its number, 2 holds, 2 guards, MAX_SLOTS_PER_BOOKING slots, 3 counters):
   * one extra fits DynamoDB's 100.
   */
  create(
    reservation: Reservation,
    slots: readonly Instant[],
    space: SpaceTaken,
    holdsVersion: number,
    limits: CounterLimits,
    extra: readonly TaggedItem[] = [],
  ): Promise<TransactOutcome> {
    const request = reservation.status === 'requested';
    return transact(this.doc, [
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...reservationKey(reservation.reservationId),
              ...byMemberKey(reservation.memberId, reservation.start, reservation.reservationId),
              ...byPartnerKey(reservation.partnerId, reservation.start, reservation.reservationId),
              ...(request ? requestKey(reservation) : {}),
              entity: 'reservation',
              ...reservationToItem(reservation),
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: 'stale',
      },
      ...(reservation.number ? [this.numbers.take(reservation.number, reservation.reservationId)] : []),
      ...this.holds.put(reservation),
      ...this.taking(reservation, {
        holdsVersion,
        slots,
        space,
        full: { code: 'SLOT_UNAVAILABLE', detail: 'The space is fully booked for some of that time.' },
        uses: reservation.uses,
        limits,
      }),
      ...extra,
    ]);
  }

  /**
   * Moves the checkout deadline of a reservation by an extension, in one transaction with `extra` items (its outbox
   * message): at most 9 items and the extension's slots (at most MAX_SLOTS_PER_BOOKING) of its own.
   */
  extend(
    reservation: Reservation,
    change: {
      newEnd: Instant;
      extraUses: number;
      slots: readonly Instant[];
      price: Reservation['price'];
      /** A live keypad code, valid to the new forced-checkout instant. */
      keypad?: KeypadCode | null;
    },
    space: SpaceTaken,
    holdsVersion: number,
    limits: CounterLimits,
    extra: readonly TaggedItem[] = [],
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
        {
          end: change.newEnd,
          uses: extended.uses,
          price: extended.price,
          ...(change.keypad ? { keypad: change.keypad } : {}),
        },
        reservation.status === 'checkedIn' ? { put: checkedInKey(change.newEnd, reservation.reservationId) } : {},
      ),
      ...this.holds.moveEnd(reservation, change.newEnd),
      ...this.taking(reservation, {
        holdsVersion,
        slots: change.slots,
        space,
        full: {
          code: 'EXTENSION_NOT_ALLOWED',
          detail: 'The seat is booked by someone else right after your reservation.',
        },
        uses: change.extraUses,
        limits,
      }),
      ...extra,
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
      this.updateReservation(reservation, change.set, { remove: [sparse.pk, sparse.sk] }),
      ...(change.extra ?? []),
      ...this.holds.delete(reservation),
      ...slots.map((slot) => this.slots.release(reservation.spaceId, slot)),
      ...this.counters.updates(reservation, delta, 0, NO_LIMITS),
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
        ? { put: checkedInKey(end, reservation.reservationId) }
        : status === 'requested'
          ? {}
          : { remove: [sparse.pk, sparse.sk] };
    return transact(this.doc, [this.updateReservation(reservation, set, index), ...extra]);
  }

  /** Stays still checked in whose deadline is before `t` (the sweeper's query; sparse index). */
  async checkedInBefore(t: Instant): Promise<Array<{ reservationId: string }>> {
    const index = indexAttributes(CHECKED_IN);
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: index.name,
      KeyConditionExpression: `${index.pk} = :pk AND ${index.sk} < :before`,
      ExpressionAttributeValues: { ':pk': fill(CHECKED_IN.pk, {}), ':before': isoUtc(t) },
      ProjectionExpression: 'reservationId',
    });
    return items.map((item) => ({ reservationId: String(item.reservationId) }));
  }

  /**
   * Requests waiting for an answer from a partner, optionally of one facility (key condition: the sort key
   * starts with it) and of one space (filter expression); oldest first.
   */
  async requestsOfPartner(
    partnerId: string,
    only: { facilityId?: string; spaceId?: string } = {},
  ): Promise<Reservation[]> {
    const { facilityId, spaceId } = only;
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: sparse.name,
      KeyConditionExpression: `${sparse.pk} = :pk${facilityId ? ` AND begins_with(${sparse.sk}, :facility)` : ''}`,
      ...(spaceId ? { FilterExpression: 'spaceId = :space' } : {}),
      ExpressionAttributeValues: {
        ':pk': fill(REQUESTS.pk, { partnerId }),
        ...(facilityId ? { ':facility': fillPrefix(REQUESTS.sk, { facilityId }) } : {}),
        ...(spaceId ? { ':space': spaceId } : {}),
      },
    });
    return items.map(reservationFromItem);
  }

  /**
   * Writes `extra` only while the reservation is still in `status` (a door opens only for a live stay) and, when
   * given, still has the same `checkedOutAt` (an exit unlock after checkout belongs to that checkout) or is still at
   * the same `version` (a reminder tells of the reservation as read). The reservation itself is not changed: its
   * version stays, and a change of it at the same moment is not made stale by this write.
   */
  whileInStatus(
    reservation: Reservation,
    status: Reservation['status'],
    extra: readonly TaggedItem[],
    same: { checkedOutAt?: Instant; version?: number } = {},
  ): Promise<TransactOutcome> {
    const checkedOut = same.checkedOutAt === undefined ? null : instantToItem(same.checkedOutAt);
    const conditions = ['#status = :status'];
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':status': status };
    if (checkedOut !== null) {
      conditions.push('checkedOutAt = :checkedOutAt');
      values[':checkedOutAt'] = checkedOut;
    }
    if (same.version !== undefined) {
      conditions.push('#version = :version');
      names['#version'] = 'version';
      values[':version'] = same.version;
    }
    return transact(this.doc, [
      {
        item: {
          ConditionCheck: {
            TableName: this.tableName,
            Key: reservationKey(reservation.reservationId),
            ConditionExpression: conditions.join(' AND '),
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        onConditionFailed: 'stale',
      },
      ...extra,
    ]);
  }

  /**
   * What a booking or an extension takes with it: the member's guard (bookings of one member one at a time), the
   * space's calendar guard (decided on the calendar still in force), one more hold on each slot within capacity
   * (`full` when one is not), and the uses within the limits.
   */
  private taking(
    reservation: Reservation,
    take: {
      holdsVersion: number;
      slots: readonly Instant[];
      space: SpaceTaken;
      full: ConditionMeaning;
      uses: number;
      limits: CounterLimits;
    },
  ): TaggedItem[] {
    return [
      this.members.guard(reservation.memberId, take.holdsVersion),
      this.spaces.calendarGuard(reservation.spaceId, take.space.calendarVersion),
      ...take.slots.map((slot) => this.slots.take(reservation.spaceId, slot, take.space.capacity, take.full)),
      ...this.counters.updates(reservation, { held: take.uses, used: 0, total: take.uses }, take.uses, take.limits),
    ];
  }

  /** Changes fields of a reservation, conditioned on its version (a concurrent change makes it stale). */
  private updateReservation(
    reservation: Reservation,
    set: ReservationChange,
    index: { remove?: readonly string[]; put?: Record<string, string> } = {},
  ): TaggedItem {
    const fields = Object.fromEntries(
      Object.entries(set).map(([field, value]) => [
        field,
        (INSTANT_FIELDS as readonly string[]).includes(field) ? instantToItem(value as Instant | null) : value,
      ]),
    );
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: reservationKey(reservation.reservationId),
          ...updateExpression(
            { set: { version: reservation.version + 1, ...index.put, ...fields }, remove: index.remove },
            { names: { '#version': 'version' }, values: { ':version': reservation.version } },
          ),
          ConditionExpression: '#version = :version',
        },
      },
      onConditionFailed: 'stale',
    };
  }
}
