/** Spaces: the seats and rooms of a facility, listed per facility and in one catalogue for search. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Congestion, Instant, Space, SpaceCalendar } from '../../../domain/model';
import { batchGetAll } from '../../../platform/dynamo/batch';
import { instantFromItem, instantToItem, stripStorage } from '../../../platform/dynamo/items';
import { fill, fillPrefix, indexAttributes, indexKey, isoUtc, itemKey } from '../../../platform/dynamo/keys';
import { queryAll } from '../../../platform/dynamo/query';
import {
  putIfAbsent,
  type TaggedItem,
  transact,
  writtenUnlessConditionFails,
} from '../../../platform/dynamo/transactions';
import { updateExpression } from '../../../platform/dynamo/update';

/**
 * What a space's calendar writes own (the calendar's own version), and its congestion (a status of its own): a
 * settings edit leaves them as stored.
 */
const OWN_WRITES_ATTRIBUTES = ['calendar', 'calendarVersion', 'calendarPending', 'congestion'] as const;

const [BY_FACILITY, CATALOGUE] = ITEM_TYPES.space.indexes;
const byFacility = indexAttributes(BY_FACILITY);
const catalogue = indexAttributes(CATALOGUE);

export const spaceKey = (spaceId: string) => itemKey('space', { spaceId });
/** The item of a QR value posted at an open space. */
export const qrCodeKey = (qrValue: string) => itemKey('qrCode', { qrValue });

/** A stored space: its bookable period as ISO UTC instants, like every stored instant. */
const spaceFromItem = (item: Record<string, unknown>): Space => {
  const stored = stripStorage<Space>(item);
  return {
    ...stored,
    bookableFrom: instantFromItem(stored.bookableFrom),
    bookableUntil: instantFromItem(stored.bookableUntil),
    calendarPending: stored.calendarPending
      ? { calendar: stored.calendarPending.calendar, since: instantFromItem(stored.calendarPending.since) ?? 0 }
      : null,
    ...(stored.congestion
      ? { congestion: { ...stored.congestion, updatedAt: instantFromItem(stored.congestion.updatedAt) ?? 0 } }
      : {}),
  };
};

export class SpaceRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Writes a space's new settings over those of `expectedVersion`; false when another edit came first, and nothing
   * is written. Its calendar is not touched: it moves only through the calendar writes below, on its own version.
   */
  replaceSpace(space: Space, expectedVersion: number): Promise<boolean> {
    const { PK: _pk, SK: _sk, ...attributes } = this.itemOf(space);
    for (const attribute of OWN_WRITES_ATTRIBUTES) delete attributes[attribute];
    const set = Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
    return this.update(spaceKey(space.spaceId), { set }, 'version', expectedVersion);
  }

  /**
   * Begins a calendar change on the calendar of `expectedVersion`: `pending` is stored beside the calendar (new
   * bookings must fit both) and the calendar's version moves. False when the calendar is not of that version.
   */
  beginCalendarChange(
    spaceId: string,
    expectedVersion: number,
    pending: SpaceCalendar,
    now: Instant,
  ): Promise<boolean> {
    const set = { calendarPending: { calendar: pending, since: isoUtc(now) }, calendarVersion: expectedVersion + 1 };
    return this.update(spaceKey(spaceId), { set }, 'calendarVersion', expectedVersion);
  }

  /**
   * Ends the change begun at `beganVersion` (the version `beginCalendarChange` wrote) and drops the pending calendar.
   * When it passed, `calendar` is stored and the version moves on; when it was refused (`null`), the calendar is as
   * it was and so is its version (what a reader saw before is still true). False when another change began since,
   * and nothing is written.
   */
  endCalendarChange(spaceId: string, beganVersion: number, calendar: SpaceCalendar | null): Promise<boolean> {
    const set = calendar ? { calendar, calendarVersion: beganVersion + 1 } : { calendarVersion: beganVersion - 1 };
    return this.update(spaceKey(spaceId), { set, remove: ['calendarPending'] }, 'calendarVersion', beganVersion);
  }

  /**
   * Sets a space's congestion alone (a status: the last write wins); nothing else of the space, not its `version`.
   * False when there is no such space, and nothing is written.
   */
  setCongestion(spaceId: string, congestion: Congestion): Promise<boolean> {
    const set = { congestion: { ...congestion, updatedAt: isoUtc(congestion.updatedAt) } };
    return writtenUnlessConditionFails(
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: spaceKey(spaceId),
          ...updateExpression({ set }),
          ConditionExpression: 'attribute_exists(PK)',
        }),
      ),
    );
  }

  /**
   * In a booking's transaction: the space's calendar is still of `calendarVersion` (the one the booking was decided
   * on), else the booking is decided again on the new one.
   */
  calendarGuard(spaceId: string, calendarVersion: number): TaggedItem {
    return {
      item: {
        ConditionCheck: {
          TableName: this.tableName,
          Key: spaceKey(spaceId),
          ConditionExpression: '#calendarVersion = :calendarVersion',
          ExpressionAttributeNames: { '#calendarVersion': 'calendarVersion' },
          ExpressionAttributeValues: { ':calendarVersion': calendarVersion },
        },
      },
      onConditionFailed: 'stale',
    };
  }

  /** One conditional update of a stored space: `versionAttribute` must be `expected`. */
  private update(
    key: Record<string, string>,
    parts: Parameters<typeof updateExpression>[0],
    versionAttribute: 'version' | 'calendarVersion',
    expected: number,
  ): Promise<boolean> {
    return writtenUnlessConditionFails(
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          ...updateExpression(parts, { names: { '#v': versionAttribute }, values: { ':expected': expected } }),
          ConditionExpression: '#v = :expected',
        }),
      ),
    );
  }

  /** Writes a new space; false when its id is taken. */
  createSpace(space: Space): Promise<boolean> {
    return putIfAbsent(this.doc, this.tableName, this.itemOf(space));
  }

  /**
   * Writes a new open space with its QR value's item (unique) in one transaction: `taken` when the space id or the
   * QR value is another's, and nothing is written.
   */
  async createOpenSpace(space: Space & { qrValue: string }): Promise<'created' | 'taken'> {
    const outcome = await transact(this.doc, [
      {
        item: {
          Put: { TableName: this.tableName, Item: this.itemOf(space), ConditionExpression: 'attribute_not_exists(PK)' },
        },
        onConditionFailed: 'stale',
      },
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: {
              ...qrCodeKey(space.qrValue),
              entity: 'qrCode',
              spaceId: space.spaceId,
              facilityId: space.facilityId,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: 'stale',
      },
    ]);
    return outcome.ok ? 'created' : 'taken';
  }

  /** In a transaction: the space opened by these doors, one version on (stale when another edit came first). */
  doorsSet(space: Space, doorIds: readonly string[]): TaggedItem {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: spaceKey(space.spaceId),
          ...updateExpression(
            { set: { doorIds: [...doorIds], version: space.version + 1 } },
            { names: { '#v': 'version' }, values: { ':expected': space.version } },
          ),
          ConditionExpression: '#v = :expected',
        },
      },
      onConditionFailed: 'stale',
    };
  }

  /** Writes a space as it is loaded (the demo data), with its QR value's item when it has one. */
  async putSpace(space: Space): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: this.itemOf(space) }));
    if (space.qrValue) {
      const qr = {
        ...qrCodeKey(space.qrValue),
        entity: 'qrCode',
        spaceId: space.spaceId,
        facilityId: space.facilityId,
      };
      await this.doc.send(new PutCommand({ TableName: this.tableName, Item: qr }));
    }
  }

  /** The stored item of a space: its keys, its two index entries, instants as ISO UTC. */
  private itemOf(space: Space): Record<string, unknown> {
    const ids = { facilityId: space.facilityId, spaceId: space.spaceId };
    return {
      ...spaceKey(space.spaceId),
      ...indexKey(BY_FACILITY, ids),
      ...indexKey(CATALOGUE, ids),
      entity: 'space',
      ...space,
      bookableFrom: instantToItem(space.bookableFrom),
      bookableUntil: instantToItem(space.bookableUntil),
      ...(space.congestion
        ? { congestion: { ...space.congestion, updatedAt: isoUtc(space.congestion.updatedAt) } }
        : {}),
    };
  }

  /** The space a QR value is posted at, if any (what a drop-in scan looks up). */
  async spaceIdOfQr(qrValue: string): Promise<string | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: qrCodeKey(qrValue) }));
    return Item ? String(Item.spaceId) : undefined;
  }

  async getSpace(spaceId: string): Promise<Space | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: spaceKey(spaceId) }));
    return Item ? spaceFromItem(Item) : undefined;
  }

  /** The spaces of `spaceIds` that exist, in no particular order (BatchGetItem, 100 a request). */
  async getSpaces(spaceIds: readonly string[]): Promise<Space[]> {
    const items = await batchGetAll(this.doc, this.tableName, spaceIds.map(spaceKey));
    return items.map(spaceFromItem);
  }

  /** Every space of every facility (search filters that look at spaces); one query on the catalogue index. */
  async listAllSpaces(): Promise<Space[]> {
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: catalogue.name,
      KeyConditionExpression: `${catalogue.pk} = :pk`,
      ExpressionAttributeValues: { ':pk': fill(CATALOGUE.pk, {}) },
    });
    return items.map(spaceFromItem);
  }

  async spacesOfFacility(facilityId: string): Promise<Space[]> {
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: byFacility.name,
      KeyConditionExpression: `${byFacility.pk} = :pk AND begins_with(${byFacility.sk}, :prefix)`,
      ExpressionAttributeValues: {
        ':pk': fill(BY_FACILITY.pk, { facilityId }),
        ':prefix': fillPrefix(BY_FACILITY.sk, {}),
      },
    });
    return items.map(spaceFromItem);
  }

  /**
   * The names of the spaces of these ids that exist, by id: their names only, one read per 100 ids. An id
   * given many times (the space of every line of a CSV) is made a key once.
   */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const items = await batchGetAll(this.doc, this.tableName, [...new Set(ids)].map(spaceKey), {
      attributes: ['spaceId', 'name'],
    });
    return new Map(items.map((item) => [String(item.spaceId), String(item.name)]));
  }
}
