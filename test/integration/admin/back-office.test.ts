/**
 * The back office (api.md "Back office", role admin): facilities for partners, open spaces with fresh QR values,
 * doors and the spaces they open, companies with corporate codes, and extensions agreed on site. Every refusal is
 * read back: nothing written.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { qrCodeKey } from '../../../lambdas/modules/catalog';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { itemKey } from '../../../lambdas/platform/dynamo/keys';
import { NEW_FACILITY } from '../contract/requests';
import { h1t, member, partnerStack, tw } from '../partner/support';
import { adminToken, memberToken } from '../support/local-stack';

const admin = adminToken();
const stackApi = partnerStack();
const at = (date: string, time: string) => `${date}T${time}:00+09:00`;

const stored = async (key: Record<string, string>) =>
  (await tableContext().doc.send(new GetCommand({ TableName: tableContext().tableName, Key: key }))).Item;
const operatorFacilityIds = async (token: string) =>
  ((await stackApi().get('/v1/operator/facilities', token)).body.items as Array<{ facilityId: string }>).map(
    (f) => f.facilityId,
  );

describe('facilities for partners', () => {
  it('creates one with the id given; its partner sees it, another does not; the id is then taken', async () => {
    const answer = await stackApi().post(
      '/v1/admin/partners/partner-tw/facilities',
      { ...NEW_FACILITY, facilityId: 'tw-shinjuku', dailyCheckInLimit: 3, stations: [] },
      admin,
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ facilityId: 'tw-shinjuku', partnerId: 'partner-tw', version: 1, spaces: [] });
    expect(answer.etag).toBe('"1"');
    expect(await operatorFacilityIds(tw('full'))).toContain('tw-shinjuku');
    expect(await operatorFacilityIds(h1t('full'))).not.toContain('tw-shinjuku');
    expect((await stored(itemKey('partner', { partnerId: 'partner-tw' })))?.facilityIds).toContain('tw-shinjuku');
    const again = await stackApi().post(
      '/v1/admin/partners/partner-tw/facilities',
      { ...NEW_FACILITY, facilityId: 'tw-shinjuku', name: '別の施設' },
      admin,
    );
    expect(again).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect((await stackApi().get('/v1/operator/facilities/tw-shinjuku', tw('full'))).body.name).toBe(NEW_FACILITY.name);
  });

  it.each([
    ['an unknown partner', '/v1/admin/partners/no-such-partner/facilities', {}, 404],
    [
      'a window that ends before it starts',
      '/v1/admin/partners/partner-tw/facilities',
      {
        publishFrom: at('2026-12-01', '00:00'),
        publishUntil: at('2026-11-30', '00:00'),
      },
      400,
    ],
    ['no address', '/v1/admin/partners/partner-tw/facilities', { address: undefined }, 400],
  ])('refuses %s, and writes nothing', async (_, path, change, status) => {
    const facilityId = `tw-refused-${status}-${Math.random().toString(36).slice(2, 8)}`;
    const answer = await stackApi().post(path, { ...NEW_FACILITY, facilityId, ...change }, admin);
    expect(answer.status).toBe(status);
    expect(await stored(itemKey('facility', { facilityId }))).toBeUndefined();
  });
});

describe('open spaces', () => {
  it('get a fresh QR value each, recorded for drop-in scans; the partner then sets their hours', async () => {
    const path = '/v1/admin/facilities/tw-shibuya/open-spaces';
    const first = await stackApi().post(
      path,
      { spaceId: 'tw-shibuya-lounge', name: 'ラウンジ', capacity: 12, price15: 200, guestLimit: 2 },
      admin,
    );
    const second = await stackApi().post(path, { name: 'ラウンジ2', capacity: 6, price15: 200 }, admin);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ spaceId: 'tw-shibuya-lounge', kind: 'openSpace', capacity: 12, guestLimit: 2 });
    expect(first.body.qrValue).toMatch(/^QR-[0-9A-F]{32}$/);
    expect(second.body.qrValue).toMatch(/^QR-[0-9A-F]{32}$/);
    expect(second.body.qrValue).not.toBe(first.body.qrValue);
    expect(await stored(qrCodeKey(first.body.qrValue))).toMatchObject({ spaceId: 'tw-shibuya-lounge' });
    // no business day until the partner registers them
    const calendar = await stackApi().get('/v1/operator/spaces/tw-shibuya-lounge/calendar', tw('full'));
    expect(Object.values(calendar.body.hours).every((h) => h === null)).toBe(true);
    // the facility now shows under the drop-in tab too
    const dropIn = await stackApi().get('/v1/facilities?kind=dropin', member);
    expect(dropIn.body.items.map((f: { facilityId: string }) => f.facilityId)).toContain('tw-shibuya');
  });

  it('refuses a capacity below 1 (422) and an id taken (409), writing nothing', async () => {
    const path = '/v1/admin/facilities/tw-shibuya/open-spaces';
    const zero = await stackApi().post(
      path,
      { spaceId: 'tw-shibuya-empty', name: '空', capacity: 0, price15: 0 },
      admin,
    );
    expect(zero).toMatchObject({ status: 422, body: { code: 'INVALID_SPACE_CONFIG' } });
    expect(await stored(itemKey('space', { spaceId: 'tw-shibuya-empty' }))).toBeUndefined();
    const taken = await stackApi().post(
      path,
      { spaceId: 'tw-shibuya-desk', name: '重複', capacity: 2, price15: 0 },
      admin,
    );
    expect(taken).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect((await stackApi().get('/v1/operator/spaces/tw-shibuya-desk', tw('full'))).body.name).not.toBe('重複');
  });
});

describe('doors', () => {
  const path = '/v1/admin/facilities/tw-shibuya/doors';
  const facility = () => stackApi().get('/v1/operator/facilities/tw-shibuya', tw('full'));
  const doorsOf = async (spaceId: string) =>
    (await stackApi().get(`/v1/operator/spaces/${spaceId}`, tw('full'))).body.doorIds as string[];

  it('sets every door and the spaces each opens, on the facility version read', async () => {
    const before = await facility();
    expect(await stackApi().put(path, { items: [] }, admin)).toMatchObject({
      status: 428,
      body: { code: 'PRECONDITION_REQUIRED' },
    });
    const answer = await stackApi().put(
      path,
      {
        items: [
          {
            doorId: 'tw-shibuya-door',
            name: '入口',
            keyType: 'smartLock',
            spaceIds: ['tw-shibuya-desk', 'tw-shibuya-room-a'],
          },
          { doorId: 'tw-shibuya-room-a-door', name: '会議室A', keyType: 'keypad', spaceIds: ['tw-shibuya-room-a'] },
        ],
      },
      admin,
      { 'if-match': String(before.etag) },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.version).toBe(before.body.version + 1);
    expect(await doorsOf('tw-shibuya-room-a')).toEqual(['tw-shibuya-door', 'tw-shibuya-room-a-door']);
    expect(await doorsOf('tw-shibuya-desk')).toEqual(['tw-shibuya-door']);
    expect(await stored(itemKey('door', { doorId: 'tw-shibuya-room-a-door' }))).toMatchObject({
      facilityId: 'tw-shibuya',
    });
    // a stale version is 412
    expect(await stackApi().put(path, { items: [] }, admin, { 'if-match': String(before.etag) })).toMatchObject({
      status: 412,
      body: { code: 'VERSION_MISMATCH' },
    });
    // giving a door up frees its id
    const now = await facility();
    const back = await stackApi().put(
      path,
      {
        items: [
          {
            doorId: 'tw-shibuya-door',
            name: '入口',
            keyType: 'smartLock',
            spaceIds: ['tw-shibuya-desk', 'tw-shibuya-room-a'],
          },
        ],
      },
      admin,
      { 'if-match': String(now.etag) },
    );
    expect(back.status).toBe(200);
    expect(await stored(itemKey('door', { doorId: 'tw-shibuya-room-a-door' }))).toBeUndefined();
    expect(await doorsOf('tw-shibuya-room-a')).toEqual(['tw-shibuya-door']);
  });

  it.each([
    ['a door of another facility', { doorId: 'h1t-kudanshita-front', keyType: 'smartLock', spaceIds: [] }, undefined],
    [
      'a space of another facility',
      { doorId: 'tw-x', keyType: 'smartLock', spaceIds: ['h1t-kudanshita-box'] },
      'body.items.0.spaceIds.0',
    ],
  ])('refuses %s with 422 INVALID_SPACE_CONFIG, and writes nothing', async (_, door, field) => {
    const before = await facility();
    const spacesBefore = await doorsOf('tw-shibuya-desk');
    const answer = await stackApi().put(path, { items: [door] }, admin, { 'if-match': String(before.etag) });
    expect(answer).toMatchObject({ status: 422, body: { code: 'INVALID_SPACE_CONFIG' } });
    if (field) expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await facility()).body).toEqual(before.body);
    expect(await doorsOf('tw-shibuya-desk')).toEqual(spacesBefore);
    expect(await stored(itemKey('door', { doorId: 'h1t-kudanshita-front' }))).toMatchObject({
      facilityId: 'h1t-kudanshita',
    });
  });
});

describe('companies', () => {
  it('get a unique 16-digit corporate code members link with, and a monthly cap set on the version read', async () => {
    const made = await stackApi().post('/v1/admin/companies', { name: '株式会社テスト', monthlyCap: 20 }, admin);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: '株式会社テスト', monthlyCap: 20, version: 1 });
    expect(made.body.corporateCode).toMatch(/^\d{16}$/);
    const other = await stackApi().post('/v1/admin/companies', { name: '別会社' }, admin);
    expect(other.body.corporateCode).not.toBe(made.body.corporateCode);
    expect(other.body.monthlyCap).toBeNull();
    // a member links the code and is corporate
    const memberId = `member-${made.body.companyId.slice(0, 8)}`;
    expect((await stackApi().post('/local/members', { memberId, plan: null })).status).toBe(201);
    const token = memberToken(memberId);
    const linked = await stackApi().post('/v1/me/corporate-code', { code: made.body.corporateCode }, token);
    expect(linked.status).toBe(200);
    expect((await stackApi().get('/v1/me', token)).body.plan).toBe('corporate');
    // the cap, with If-Match
    const path = `/v1/admin/companies/${made.body.companyId}`;
    expect((await stackApi().get(path, admin)).etag).toBe('"1"');
    expect(await stackApi().patch(path, { monthlyCap: 30 }, admin)).toMatchObject({ status: 428 });
    const capped = await stackApi().patch(path, { monthlyCap: 30 }, admin, { 'if-match': '"1"' });
    expect(capped).toMatchObject({ status: 200, body: { monthlyCap: 30, version: 2 } });
    expect(await stackApi().patch(path, { monthlyCap: 40 }, admin, { 'if-match': '"1"' })).toMatchObject({
      status: 412,
      body: { code: 'VERSION_MISMATCH' },
    });
    expect((await stackApi().get(path, admin)).body.monthlyCap).toBe(30);
    expect((await stackApi().get('/v1/admin/companies/no-such-company', admin)).status).toBe(404);
  });
});

describe('an extension agreed on site (004 p.22)', () => {
  it('moves the end where the app refuses to, within hours and capacity; refusals write nothing', async () => {
    const booked = await stackApi().post(
      '/v1/reservations',
      { spaceId: 'h1t-ryogoku-box', start: at('2026-11-24', '10:00'), end: at('2026-11-24', '11:00') },
      member,
    );
    expect(booked.status).toBe(201);
    const id = booked.body.id as string;
    // the space takes no in-app extension
    expect((await stackApi().post(`/v1/reservations/${id}/extend`, { minutes: 30 }, member)).body.code).toBe(
      'EXTENSION_NOT_ALLOWED',
    );
    const path = `/v1/admin/reservations/${id}/agreed-extension`;
    const view = async () => (await stackApi().get(`/v1/reservations/${id}`, member)).body;
    const before = await view();
    for (const [end, code] of [
      [at('2026-11-24', '11:10'), 'INVALID_DURATION'],
      [at('2026-11-24', '10:30'), 'INVALID_DURATION'],
      [at('2026-11-24', '21:15'), 'OUTSIDE_BUSINESS_HOURS'],
    ] as const) {
      const refused = await stackApi().post(path, { end }, admin);
      expect(refused.body.code, end).toBe(code);
      expect(await view()).toEqual(before);
    }
    const agreed = await stackApi().post(path, { end: at('2026-11-24', '11:30') }, admin);
    expect(agreed.status).toBe(200);
    expect(agreed.body.end).toBe(at('2026-11-24', '11:30'));
    expect((await view()).end).toBe(agreed.body.end);
    expect(agreed.body.uses).toBeGreaterThanOrEqual(before.uses);
    expect(agreed.body.price.amount).toBeGreaterThan(before.price.amount);
    // a cancelled booking is not extended
    const later = await stackApi().post(
      '/v1/reservations',
      { spaceId: 'h1t-ryogoku-box', start: at('2026-11-25', '14:00'), end: at('2026-11-25', '15:00') },
      member,
    );
    expect((await stackApi().post(`/v1/reservations/${later.body.id}/cancel`, {}, member)).status).toBe(200);
    const cancelled = await stackApi().post(
      `/v1/admin/reservations/${later.body.id}/agreed-extension`,
      { end: at('2026-11-25', '15:30') },
      admin,
    );
    expect(cancelled).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
  });
});
