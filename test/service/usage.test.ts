/**
 * The usage lists over in-memory fakes of the partner index (what the integration tests cannot easily make): pages
 * that end within a visit's guests, short pages when the search skips most of the index, the CSV limit at exactly
 * 10,000 lines, cursors of another list or search, and the reads each answer takes.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CSV_LINES } from '../../contracts/csv/spec';
import type { Instant, Reservation } from '../../lambdas/domain/model';
import type { Visit } from '../../lambdas/modules/dropin';
import type { SalesRecord } from '../../lambdas/modules/ledger';
import { listPage, MAX_PAGE_QUERIES } from '../../lambdas/modules/partner/usage/listing';
import {
  type UsagePorts,
  usageGuests,
  usageReservations,
  usageVisits,
} from '../../lambdas/modules/partner/usage/service';
import type { Identity } from '../../lambdas/platform/identity';
import { ApiError } from '../../lambdas/platform/problems';
import { makeFacility, makeSpace, tokyo } from '../fixtures/domain';
import { makeReservation } from './fakes';

const PARTNER = 'partner-1';
const operator: Identity = { role: 'operator', operatorId: 'op-1', partnerId: PARTNER, operatorRole: 'usage' };
const other: Identity = { role: 'operator', operatorId: 'op-2', partnerId: 'partner-2', operatorRole: 'full' };
const DAY = '2024-06-10';
const search = { from: DAY, to: DAY };

const facility = makeFacility({ facilityId: 'fac-1', partnerId: PARTNER, name: '施設1' });
const theirs = makeFacility({ facilityId: 'fac-9', partnerId: 'partner-2', name: '他社' });
const lounge = makeSpace({ spaceId: 'space-1', facilityId: 'fac-1', name: 'ラウンジ' });
const theirSpace = makeSpace({ spaceId: 'space-9', facilityId: 'fac-9', name: '他社の席' });

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A visit of the partner at 09:00 + `n` minutes, with `guests` guests (every odd one still in). */
function makeVisit(n: number, fields: Partial<Visit> = {}, guests = 0): Visit {
  const checkedInAt = tokyo(`${DAY}T09:00`) + n * 60_000;
  return {
    visitId: uuid(n),
    number: `V-0000-0000-${String(n).padStart(4, '0')}`,
    memberId: `member-${n}`,
    memberNumber: `TW${String(n).padStart(6, '0')}`,
    companyName: '株式会社サンプル',
    partnerId: PARTNER,
    facilityId: 'fac-1',
    spaceId: 'space-1',
    timeZone: 'Asia/Tokyo',
    status: 'out',
    checkedInAt,
    checkedOutAt: checkedInAt + 30 * 60_000,
    limitEndsAt: null,
    closesAt: null,
    uses: 1,
    guests: Array.from({ length: guests }, (_, i) => ({
      guestId: `g${i + 1}`,
      checkedInAt,
      checkedOutAt: i % 2 === 1 ? null : checkedInAt + 60_000,
      charge: null,
    })),
    charge: { amount: 500, tax: 50, total: 550 },
    ledger: { memberPeriod: DAY, companyId: null, companyMonth: null, dailyDate: DAY },
    via: 'qr',
    version: 1,
    ...fields,
  };
}

/** Items sorted as the index holds them, newest first: a page of it from a start, within a range. */
function indexPage<T>(
  all: readonly T[],
  at: (item: T) => Instant,
  id: (item: T) => string,
  range: { from: Instant; to: Instant },
  limit: number,
  start?: { at: Instant; id: string; inclusive: boolean },
) {
  const key = (item: T) => `${new Date(at(item)).toISOString()}#${id(item)}`;
  const startKey = start && `${new Date(start.at).toISOString()}#${start.id}`;
  const sorted = all
    .filter((item) => at(item) >= range.from && at(item) < range.to)
    .sort((a, b) => (key(a) < key(b) ? 1 : -1))
    .filter((item) => !startKey || (start?.inclusive ? key(item) <= startKey : key(item) < startKey));
  return { items: sorted.slice(0, limit), more: sorted.length > limit };
}

function world(setup: { visits?: Visit[]; reservations?: Reservation[]; records?: SalesRecord[] } = {}) {
  const calls: string[] = [];
  const facilities = [facility, theirs];
  const spaces = [lounge, theirSpace];
  const deps: UsagePorts = {
    facilities: {
      getFacility: async (id) => {
        calls.push(`getFacility ${id}`);
        return facilities.find((f) => f.facilityId === id);
      },
      listFacilities: async () => {
        calls.push('listFacilities');
        return facilities;
      },
    },
    spaces: {
      getSpace: async (id) => {
        calls.push(`getSpace ${id}`);
        return spaces.find((s) => s.spaceId === id);
      },
      getSpaces: async (ids) => {
        calls.push(`getSpaces ${ids.join(',')}`);
        return spaces.filter((s) => ids.includes(s.spaceId));
      },
    },
    visits: {
      presentAt: async () => [],
      pageOfPartner: async (partnerId, range, page) => {
        calls.push('query visits');
        const own = (setup.visits ?? []).filter((v) => v.partnerId === partnerId);
        const start = page.start && {
          at: page.start.checkedInAt,
          id: page.start.visitId,
          inclusive: page.start.inclusive === true,
        };
        return indexPage(
          own,
          (v) => v.checkedInAt,
          (v) => v.visitId,
          range,
          page.limit,
          start,
        );
      },
    },
    reservations: {
      pageOfPartner: async (partnerId, range, page) => {
        calls.push('query reservations');
        const own = (setup.reservations ?? []).filter((r) => r.partnerId === partnerId);
        const start = page.after && { at: page.after.start, id: page.after.reservationId, inclusive: false };
        return indexPage(
          own,
          (r) => r.start,
          (r) => r.reservationId,
          range,
          page.limit,
          start,
        );
      },
    },
    ledger: {
      getMany: async (ids) => {
        calls.push(`getMany ${ids.join(',')}`);
        return (setup.records ?? []).filter((r) => ids.includes(r.recordId));
      },
    },
  };
  return { deps, calls };
}

const page = (limit: number, cursor?: string) => listPage({ limit, ...(cursor ? { cursor } : {}) }, false);
const csv = listPage({}, true);

/** Every page of a list, following its cursors. */
async function allPages<T>(list: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string }>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const answer = await list(cursor);
    pages.push(answer.items);
    cursor = answer.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('the visits list', () => {
  it('pages newest first, with names, and ends without a cursor', async () => {
    const visits = [1, 2, 3, 4, 5].map((n) => makeVisit(n));
    const { deps } = world({ visits });
    const pages = await allPages((cursor) => usageVisits(deps, operator, search, page(2, cursor)));
    expect(pages.map((p) => p.map((v) => v.visit.visitId))).toEqual([
      [uuid(5), uuid(4)],
      [uuid(3), uuid(2)],
      [uuid(1)],
    ]);
    expect(pages[0]?.[0]).toMatchObject({ facilityName: '施設1', spaceName: 'ラウンジ' });
  });

  it('a last page that is exactly full has no cursor (one more item is read to know)', async () => {
    const { deps } = world({ visits: [1, 2].map((n) => makeVisit(n)) });
    const answer = await usageVisits(deps, operator, search, page(2));
    expect(answer.items).toHaveLength(2);
    expect(answer.nextCursor).toBeUndefined();
  });

  it('skips what the search does not hold, and answers a short page with a cursor after 3 queries', async () => {
    // 20 visits of another company, then one of the searched company at the oldest end
    const visits = [
      makeVisit(1, { companyName: '株式会社ねらい' }),
      ...Array.from({ length: 20 }, (_, i) => makeVisit(i + 2, { companyName: '株式会社ほか' })),
    ];
    const { deps, calls } = world({ visits });
    const first = await usageVisits(deps, operator, { ...search, companyName: '株式会社ねらい' }, page(2));
    expect(first.items).toEqual([]);
    expect(first.nextCursor).toBeDefined();
    expect(calls.filter((c) => c === 'query visits')).toHaveLength(MAX_PAGE_QUERIES);
    const pages = await allPages((cursor) =>
      usageVisits(deps, operator, { ...search, companyName: '株式会社ねらい' }, page(2, cursor)),
    );
    expect(pages.flat().map((v) => v.visit.visitId)).toEqual([uuid(1)]);
  });

  it('reads the names of the page once, and not again those the search named', async () => {
    const { deps, calls } = world({ visits: [1, 2, 3].map((n) => makeVisit(n)) });
    await usageVisits(deps, operator, search, page(10));
    expect(calls).toEqual(['listFacilities', 'query visits', 'getSpaces space-1']);
    calls.length = 0;
    await usageVisits(deps, operator, { ...search, facilityId: 'fac-1', spaceId: 'space-1' }, page(10));
    expect(calls).toEqual(['getFacility fac-1', 'getSpace space-1', 'query visits']);
  });

  it('404s a facility or space of another partner, an unknown one, or a space of another facility', async () => {
    const { deps, calls } = world({ visits: [makeVisit(1)] });
    for (const narrowed of [
      { facilityId: 'fac-9' },
      { facilityId: 'no-such' },
      { spaceId: 'space-9' },
      { spaceId: 'no-such' },
      { facilityId: 'fac-1', spaceId: 'space-9' },
    ]) {
      await expect(usageVisits(deps, operator, { ...search, ...narrowed }, page(10))).rejects.toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
      });
    }
    expect(calls).not.toContain('query visits');
    // the other partner sees its own (none here), never partner-1's
    expect((await usageVisits(deps, other, search, page(10))).items).toEqual([]);
  });

  it('lists nothing, reading no index, for a partner without facilities', async () => {
    const { deps, calls } = world({ visits: [makeVisit(1)] });
    const none: Identity = { ...operator, partnerId: 'partner-3' };
    expect(await usageVisits(deps, none, search, page(10))).toEqual({ items: [] });
    expect(calls).toEqual(['listFacilities']);
  });

  it('refuses a cursor of another list, of another search, or not of this API (400 naming query.cursor)', async () => {
    const { deps } = world({ visits: [1, 2, 3].map((n) => makeVisit(n)) });
    const { nextCursor } = await usageVisits(deps, operator, search, page(1));
    expect(nextCursor).toBeDefined();
    const refusals = [
      usageGuests(deps, operator, search, page(1, nextCursor)),
      usageVisits(deps, operator, { from: '2024-07-01', to: '2024-07-01' }, page(1, nextCursor)),
      usageVisits(deps, operator, search, page(1, 'bm90LWEtY3Vyc29y')),
      usageVisits(deps, operator, search, page(1, Buffer.from('["visits","x","y",""]').toString('base64url'))),
    ];
    for (const refusal of refusals) {
      const error = await refusal.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect((error as ApiError).errors?.[0]?.field).toBe('query.cursor');
    }
  });

  it('answers CSV with the whole search up to 9,999 rows (10,000 lines with the header), 422 beyond', async () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => makeVisit(i + 1, { checkedInAt: tokyo(`${DAY}T09:00`) + i }));
    const fits = await usageVisits(world({ visits: many(MAX_CSV_LINES - 1) }).deps, operator, search, csv);
    expect(fits.items).toHaveLength(MAX_CSV_LINES - 1);
    expect(fits.nextCursor).toBeUndefined();
    const { deps, calls } = world({ visits: many(MAX_CSV_LINES) });
    await expect(usageVisits(deps, operator, search, csv)).rejects.toMatchObject({
      status: 422,
      code: 'EXPORT_TOO_LARGE',
    });
    // refused before the spaces' names are read
    expect(calls.filter((c) => c.startsWith('getSpaces'))).toEqual([]);
  });
});

describe('the guests list', () => {
  it('lists each guest once across pages that end within a visit’s guests', async () => {
    const visits = [makeVisit(1, {}, 3), makeVisit(2), makeVisit(3, {}, 2), makeVisit(4, {}, 1)];
    const { deps } = world({ visits });
    for (const limit of [1, 2, 3, 4, 100]) {
      const pages = await allPages((cursor) => usageGuests(deps, operator, search, page(limit, cursor)));
      const rows = pages.flat().map((g) => `${g.visit.number.slice(-1)}/${g.guest.guestId}`);
      expect(rows, `limit ${limit}`).toEqual(['4/g1', '3/g1', '3/g2', '1/g1', '1/g2', '1/g3']);
      expect(pages.every((p) => p.length <= limit)).toBe(true);
    }
  });

  it('narrows by the guest’s status and the visit’s search', async () => {
    const visits = [makeVisit(1, {}, 3), makeVisit(2, { spaceId: 'space-2' }, 2)];
    const { deps } = world({ visits });
    const rows = async (narrowed: object) =>
      (await usageGuests(deps, operator, { ...search, ...narrowed }, page(100))).items.map(
        (g) => `${g.visit.number.slice(-1)}/${g.guest.guestId}`,
      );
    expect(await rows({ status: 'in' })).toEqual(['2/g2', '1/g2']);
    expect(await rows({ status: 'out', spaceId: 'space-1' })).toEqual(['1/g1', '1/g3']);
  });
});

describe('the reservations list', () => {
  const reservation = (n: number, fields: Partial<Reservation>) =>
    makeReservation({
      reservationId: uuid(n),
      partnerId: PARTNER,
      start: tokyo(`${DAY}T10:00`) + n * 60_000,
      ...fields,
    });
  const record = (recordId: string, reservationId: string, amount: number): SalesRecord => ({
    recordId,
    reservationId,
    partnerId: PARTNER,
    companyId: null,
    companyName: null,
    memberNumber: 'TW000001',
    facilityId: 'fac-1',
    spaceId: 'space-1',
    useDate: DAY,
    recordedAt: tokyo(`${DAY}T12:00`),
    lines: [
      {
        lineId: 'use',
        item: 'reservedSpace',
        description: 'ラウンジ 60分',
        unitPrice: 300,
        quantity: 4,
        unit: '15分',
        amount,
        tax: amount / 10,
        total: amount * 1.1,
      },
    ],
  });

  it('carries each reservation’s own records, asking only for those of reservations that ended', async () => {
    const reservations = [
      reservation(1, { status: 'checkedOut' }),
      reservation(2, { status: 'cancelled', cancellationFee: 600 }),
      reservation(3, { status: 'confirmed' }),
      reservation(4, { status: 'requested', bookingType: 'request' }),
    ];
    const records = [
      record(`reservation:${uuid(1)}`, uuid(1), 1200),
      record(`fee:${uuid(2)}`, uuid(2), 600),
      record(`reservation:${uuid(9)}`, uuid(9), 100),
    ];
    const { deps, calls } = world({ reservations, records });
    const { items } = await usageReservations(deps, operator, search, page(100));
    expect(items.map((r) => [r.reservation.reservationId, r.records.map((x) => x.recordId)])).toEqual([
      [uuid(4), []],
      [uuid(3), []],
      [uuid(2), [`fee:${uuid(2)}`]],
      [uuid(1), [`reservation:${uuid(1)}`]],
    ]);
    expect(calls.find((c) => c.startsWith('getMany'))).toBe(
      `getMany reservation:${uuid(2)},fee:${uuid(2)},reservation:${uuid(1)},fee:${uuid(1)}`,
    );
  });

  it('asks the ledger nothing for a page of held reservations, and filters by status', async () => {
    const { deps, calls } = world({
      reservations: [reservation(1, { status: 'confirmed' }), reservation(2, { status: 'noShow' })],
    });
    const held = await usageReservations(deps, operator, { ...search, status: 'confirmed' }, page(100));
    expect(held.items.map((r) => r.reservation.reservationId)).toEqual([uuid(1)]);
    expect(calls.some((c) => c.startsWith('getMany'))).toBe(false);
  });
});
