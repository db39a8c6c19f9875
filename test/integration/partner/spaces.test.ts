/**
 * Partners create and set their own spaces (api.md "Partner routes", "Edits"): rules as 422 INVALID_SPACE_CONFIG,
 * wrong types as 400, If-Match as for every edit, another partner's space 404, prices by use date, and every
 * change on the member routes at once.
 */
import { describe, expect, it } from 'vitest';
import { h1t, member, partnerStack, tw } from './support';

const FACILITY = 'tw-shibuya';
const SPACE = 'tw-shibuya-desk';
const PATH = `/v1/operator/spaces/${SPACE}`;

const stackApi = partnerStack();

const current = () => stackApi().get(PATH, tw('full'));
const memberSpace = async (spaceId: string) =>
  (await stackApi().get(`/v1/facilities/${FACILITY}`, member)).body.spaces.find(
    (s: { spaceId: string }) => s.spaceId === spaceId,
  );

describe('reading a space', () => {
  it('answers every field with its version as ETag, to full and staff; another partner gets 404', async () => {
    for (const role of ['full', 'staff'] as const) {
      const answer = await stackApi().get(PATH, tw(role));
      expect(answer.status, role).toBe(200);
      expect(answer.etag).toBe(`"${answer.body.version}"`);
      expect(answer.body).toMatchObject({
        spaceId: SPACE,
        facilityId: FACILITY,
        kind: 'seat',
        minimumMinutes: expect.any(Number),
      });
    }
    for (const role of ['full', 'staff'] as const) expect((await stackApi().get(PATH, h1t(role))).status).toBe(404);
    expect((await stackApi().get(PATH, tw('usage'))).status).toBe(403);
  });
});

describe('setting a space', () => {
  it('changes what it names, with If-Match, and the member routes show it at once', async () => {
    const before = await current();
    const answer = await stackApi().patch(PATH, { name: 'フリーデスク', capacity: 8 }, tw('full'), {
      'if-match': String(before.etag),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ name: 'フリーデスク', capacity: 8, version: before.body.version + 1 });
    expect(await memberSpace(SPACE)).toMatchObject({ name: 'フリーデスク', capacity: 8 });
  });

  it('records a price change from today; the member sees the new price', async () => {
    const before = await current();
    const answer = await stackApi().patch(PATH, { price15: before.body.price15 + 100 }, tw('full'), {
      'if-match': String(before.etag),
    });
    expect(answer.body.priceHistory).toEqual(
      expect.arrayContaining([
        { from: '2026-11-24', price15: before.body.price15 + 100, priceDay: before.body.priceDay },
      ]),
    );
    expect((await memberSpace(SPACE)).price15).toBe(before.body.price15 + 100);
  });

  it.each([
    ['capacity 0', { capacity: 0 }],
    ['a minimum of 20 minutes', { minimumMinutes: 20 }],
    ['a fee 8 days before', { cancellationFees: [{ daysBefore: 8, percent: 30 }] }],
    ['a request space bookable from today', { bookingType: 'request', windowDaysFrom: 0 }],
  ])('refuses %s with 422 INVALID_SPACE_CONFIG, and writes nothing', async (_, patch) => {
    const before = await current();
    const answer = await stackApi().patch(PATH, patch, tw('full'), { 'if-match': String(before.etag) });
    expect(answer).toMatchObject({ status: 422, body: { code: 'INVALID_SPACE_CONFIG' } });
    expect((await current()).body).toEqual(before.body);
  });

  it.each([
    ['a capacity in words', { capacity: 'eight' }, 'body.capacity'],
    ['an unknown field', { seats: 3 }, 'body.seats'],
    ['a bookable start without an offset', { bookableFrom: '2026-12-01T00:00:00' }, 'body.bookableFrom'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_, patch, field) => {
    const before = await current();
    const answer = await stackApi().patch(PATH, patch, tw('full'), { 'if-match': String(before.etag) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await current()).body).toEqual(before.body);
  });

  it('needs If-Match (428) on the current version (412), and is for full only (403)', async () => {
    const before = await current();
    expect((await stackApi().patch(PATH, { name: 'x' }, tw('full'))).status).toBe(428);
    expect((await stackApi().patch(PATH, { name: 'x' }, tw('full'), { 'if-match': '"999"' })).status).toBe(412);
    expect((await stackApi().patch(PATH, { name: 'x' }, tw('staff'), { 'if-match': String(before.etag) })).status).toBe(
      403,
    );
    expect((await stackApi().patch(PATH, { name: 'x' }, h1t('full'), { 'if-match': String(before.etag) })).status).toBe(
      404,
    );
    expect((await current()).body).toEqual(before.body);
  });
});

describe('creating a space', () => {
  it('creates a meeting room at the facility’s doors, bookable by members at once', async () => {
    const created = await stackApi().post(
      `/v1/operator/facilities/${FACILITY}/spaces`,
      {
        kind: 'meetingRoom',
        name: '会議室C',
        capacity: 6,
        price15: 500,
        options: [{ optionId: 'tea', name: 'お茶', unitPrice: 200, maxQuantity: null }],
      },
      tw('full'),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'meetingRoom',
      name: '会議室C',
      version: 1,
      doorIds: ['tw-shibuya-door'],
    });
    expect(await memberSpace(created.body.spaceId)).toMatchObject({ name: '会議室C', price15: 500 });
  });

  it('is refused for another partner’s facility (404) and for a rule broken (422), creating nothing', async () => {
    const spaces = async () =>
      (await stackApi().get(`/v1/operator/facilities/${FACILITY}`, tw('full'))).body.spaces.length;
    const before = await spaces();
    const other = await stackApi().post(
      `/v1/operator/facilities/${FACILITY}/spaces`,
      { kind: 'seat', name: 'x', capacity: 1, price15: 1 },
      h1t('full'),
    );
    expect(other.status).toBe(404);
    const broken = await stackApi().post(
      `/v1/operator/facilities/${FACILITY}/spaces`,
      { kind: 'seat', name: 'x', capacity: 0, price15: 1 },
      tw('full'),
    );
    expect(broken).toMatchObject({ status: 422, body: { code: 'INVALID_SPACE_CONFIG' } });
    expect(await spaces()).toBe(before);
  });
});
