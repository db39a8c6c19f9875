/**
 * `npm run seed` against the local stack: a catalogue is loaded through the routes' rules and services and the
 * member, operator and admin routes see it; a second run writes nothing; a dry run of a changed catalogue writes
 * nothing; `update` changes what a route changes; a catalogue with a bad entry is refused naming the field, and
 * nothing of the run is written (a full scan of the table before and after, and the write commands counted).
 */
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CatalogueFile } from '../../../contracts/catalogue';
import { commandLog } from '../../../lambdas/platform/dynamo/client';
import { OperatorAccountRepository } from '../../../lambdas/platform/operator-accounts';
import { type LocalStack, startLocalStack } from '../../../lib/local/stack';
import { runSeed, type SeedResult } from '../../../lib/seed/run';
import { applyAction, seedPorts } from '../../../lib/seed/table';
import { documentClientOf, resolveTarget } from '../../../lib/seed/target';
import { writesIn } from '../contract/support';
import { adminToken, client, memberToken, operatorToken } from '../support/local-stack';

/** Friday 2026-11-20, 10:00 in Tokyo. */
const NOW = '2026-11-20T10:00:00+09:00';
const CODE = '9876543210987654';
const nineToSix = { open: '09:00', close: '18:00' };

/** A small catalogue: a new partner with a facility, its three kinds of space, hours and doors; two companies. */
function catalogue(): CatalogueFile {
  return {
    partners: [
      {
        partnerId: 'partner-seed',
        name: 'Seed Works',
        payoutRatePercent: 65,
        facilities: [
          {
            facilityId: 'seed-shinjuku',
            name: 'Seed新宿',
            brand: 'Seed',
            kind: 'reservation',
            address: { prefecture: '東京都', city: '新宿区', street: '西新宿2-2-2' },
            location: { lat: 35.69, lng: 139.69 },
            stations: [{ line: 'JR山手線', station: '新宿', walkMinutes: 6, walkMeters: 450 }],
            amenities: ['wifi'],
            dailyCheckInLimit: 3,
            spaces: [
              {
                kind: 'seat',
                spaceId: 'seed-shinjuku-desk',
                name: 'デスク',
                capacity: 4,
                price15: 120,
                windowDaysTo: 14,
                hours: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
              },
              {
                kind: 'meetingRoom',
                spaceId: 'seed-shinjuku-room',
                name: '会議室',
                capacity: 6,
                price15: 400,
                bookingType: 'request',
                windowDaysFrom: 1,
                minimumMinutes: 60,
                hours: { mon: nineToSix, sat: { open: '10:00', close: '16:00' } },
              },
              {
                kind: 'openSpace',
                spaceId: 'seed-shinjuku-lounge',
                name: 'ラウンジ',
                capacity: 10,
                price15: 0,
                perCheckInLimitMinutes: 120,
                hours: { mon: nineToSix, tue: nineToSix },
              },
            ],
            doors: [
              { doorId: 'seed-shinjuku-front', name: '正面', keyType: 'smartLock', spaceIds: ['seed-shinjuku-desk'] },
              {
                doorId: 'seed-shinjuku-room-door',
                keyType: 'keypad',
                spaceIds: ['seed-shinjuku-desk', 'seed-shinjuku-room'],
              },
            ],
          },
        ],
      },
    ],
    companies: [
      { companyId: 'seed-corp', name: 'Seed Corp', corporateCode: CODE, monthlyCap: 40 },
      { companyId: 'fresh-corp', name: 'Fresh Corp' },
    ],
  };
}

type FacilityFile = NonNullable<NonNullable<CatalogueFile['partners']>[number]['facilities']>[number];
/** The test catalogue's facility seed-shinjuku. */
const facilityIn = (json: CatalogueFile): FacilityFile => {
  const facility = json.partners?.find((p) => p.partnerId === 'partner-seed')?.facilities?.[0];
  if (!facility) throw new Error('no facility seed-shinjuku in the test catalogue');
  return facility;
};

/** The test catalogue, changed: a price, hours, a new space, a company's cap (and a brand no route changes). */
function changedCatalogue(): CatalogueFile {
  const json = catalogue();
  const facility = facilityIn(json);
  facility.brand = 'Seed+';
  const [desk, room] = facility.spaces ?? [];
  if (desk) desk.price15 = 150;
  if (room) room.hours = { mon: nineToSix };
  facility.spaces?.push({ kind: 'seat', spaceId: 'seed-shinjuku-booth', name: 'ブース', capacity: 1, price15: 90 });
  json.companies = [{ companyId: 'seed-corp', name: 'Seed Corp', corporateCode: CODE, monthlyCap: 80 }];
  return json;
}

let stack: LocalStack;
let api: ReturnType<typeof client>;
let target: Awaited<ReturnType<typeof resolveTarget>>;
beforeAll(async () => {
  stack = await startLocalStack({
    port: 0,
    mqttPort: 0,
    doors: false,
    seed: false,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    s3Endpoint: inject('s3Endpoint'),
    photosBucket: inject('photosBucket'),
    tableName: `it-seed-${randomUUID()}`,
    frozenAt: Date.parse(NOW),
  });
  api = client(stack.url);
  target = await resolveTarget({ stage: 'local', endpoint: stack.dynamodbEndpoint, table: stack.tableName });
  // the operators the tests sign in as: accounts are made by the routes, never by a catalogue
  const accounts = new OperatorAccountRepository(documentClientOf(target), target.tableName);
  for (const [operatorId, partnerId] of [
    ['op-seed-full', 'partner-seed'],
    ['op-later', 'partner-later'],
  ] as const) {
    await accounts.put({
      operatorId,
      partnerId,
      email: `${operatorId}@example.com`,
      name: operatorId,
      operatorRole: 'full',
      status: 'active',
      version: 1,
      createdAt: Date.parse(NOW),
    });
  }
});
afterAll(async () => stack?.stop());

/** Runs the seed over the stack's table, and counts the write commands it sends. */
async function seed(json: unknown, options: { dryRun?: boolean; update?: boolean } = {}) {
  const before = commandLog.length;
  const result = await runSeed({
    doc: documentClientOf(target),
    tableName: target.tableName,
    catalogue: json,
    now: stack.clock.now(),
    ...options,
  });
  return { result, writes: writesIn(commandLog.slice(before)).length };
}
/** Every item of the table, in key order. */
async function scan(): Promise<unknown[]> {
  const doc = documentClientOf(target);
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: target.tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const key = (item: Record<string, unknown>) => `${item.PK}\n${item.SK}`;
  return items.sort((a, b) => key(a).localeCompare(key(b)));
}
const outcomes = (result: SeedResult) =>
  'plan' in result && result.plan ? result.plan.steps.map((s) => `${s.outcome} ${s.entity} ${s.id}`) : [];
/** The steps that create or differ. */
const changes = (result: SeedResult) => outcomes(result).filter((line) => !line.startsWith('unchanged '));

const operator = operatorToken('op-seed-full', 'partner-seed', 'full');
const admin = adminToken();

describe('a catalogue loaded into the local stack', () => {
  it('is written through the routes: the member, operator and admin routes see it', async () => {
    const { result, writes } = await seed(catalogue());
    expect(result.status).toBe('done');
    expect(outcomes(result)).toEqual([
      'create partner partner-seed',
      'create facility seed-shinjuku',
      'create space seed-shinjuku-desk',
      'create hours seed-shinjuku-desk',
      'create space seed-shinjuku-room',
      'create hours seed-shinjuku-room',
      'create space seed-shinjuku-lounge',
      'create hours seed-shinjuku-lounge',
      'create doors seed-shinjuku',
      'create company seed-corp',
      'create company fresh-corp',
    ]);
    expect(writes).toBeGreaterThanOrEqual(11);

    const member = memberToken('member-seed');
    await api.post('/local/members', { memberId: 'member-seed', plan: 'basic', contractStart: '2026-11-01' });
    const facility = await api.get('/v1/facilities/seed-shinjuku', member);
    expect(facility.status).toBe(200);
    expect(facility.body).toMatchObject({ facilityId: 'seed-shinjuku', name: 'Seed新宿', nearestStations: ['新宿'] });
    expect(facility.body.spaces.map((s: { spaceId: string }) => s.spaceId).sort()).toEqual([
      'seed-shinjuku-desk',
      'seed-shinjuku-lounge',
      'seed-shinjuku-room',
    ]);
    const calendar = await api.get('/v1/operator/spaces/seed-shinjuku-room/calendar', operator);
    expect(calendar.body.hours).toMatchObject({ mon: nineToSix, tue: null, sat: { open: '10:00', close: '16:00' } });
    const desk = await api.get('/v1/operator/spaces/seed-shinjuku-desk', operator);
    expect(desk.body).toMatchObject({ kind: 'seat', price15: 120, windowDaysTo: 14 });
    expect(desk.body.doorIds).toEqual(['seed-shinjuku-front', 'seed-shinjuku-room-door']);
    const room = await api.get('/v1/operator/spaces/seed-shinjuku-room', operator);
    expect(room.body).toMatchObject({
      bookingType: 'request',
      minimumMinutes: 60,
      doorIds: ['seed-shinjuku-room-door'],
    });
    const lounge = await api.get('/v1/operator/spaces/seed-shinjuku-lounge', operator);
    expect(lounge.body).toMatchObject({ kind: 'openSpace', doorIds: [], perCheckInLimitMinutes: 120 });
    expect(lounge.body.qrValue).toMatch(/^QR-[0-9A-F]{32}$/);
    const own = await api.get('/v1/operator/facilities', operator);
    expect(own.body.items.map((f: { facilityId: string }) => f.facilityId)).toEqual(['seed-shinjuku']);
    expect(own.body.items[0]).toMatchObject({ dailyCheckInLimit: 3, brand: 'Seed' });

    const linked = await api.post('/v1/me/corporate-code', { code: CODE }, member);
    expect(linked.body).toMatchObject({ plan: 'corporate', companyName: 'Seed Corp' });
    expect((await api.get('/v1/admin/companies/seed-corp', admin)).body).toMatchObject({ monthlyCap: 40 });
    const fresh = await api.get('/v1/admin/companies/fresh-corp', admin);
    expect(fresh.body).toMatchObject({ name: 'Fresh Corp', monthlyCap: null });
    expect(fresh.body.corporateCode).toMatch(/^\d{16}$/);
  });

  it('a second run writes nothing: every entry is unchanged, the table is as it was', async () => {
    const before = await scan();
    const { result, writes } = await seed(catalogue());
    expect(result).toMatchObject({ status: 'done', applied: 0 });
    expect(outcomes(result).every((line) => line.startsWith('unchanged '))).toBe(true);
    expect(outcomes(result)).toHaveLength(11);
    expect(writes).toBe(0);
    expect(await scan()).toEqual(before);
  });

  it('a dry run of a changed catalogue prints the plan and writes nothing', async () => {
    const before = await scan();
    const { result, writes } = await seed(changedCatalogue(), { dryRun: true, update: true });
    expect(result.status).toBe('planned');
    expect(changes(result)).toEqual([
      'differs facility seed-shinjuku',
      'differs space seed-shinjuku-desk',
      'differs hours seed-shinjuku-room',
      'create space seed-shinjuku-booth',
      'create doors seed-shinjuku',
      'differs company seed-corp',
    ]);
    expect(writes).toBe(0);
    expect(await scan()).toEqual(before);
  });

  it('what differs is only reported unless --update; with it, what a route changes is changed, the rest kept', async () => {
    const reported = await seed(changedCatalogue());
    expect(reported.result.status).toBe('done');
    expect((await api.get('/v1/operator/spaces/seed-shinjuku-desk', operator)).body.price15).toBe(120);
    // the new space was made, and its doors set as the catalogue says
    expect((await api.get('/v1/operator/spaces/seed-shinjuku-booth', operator)).body.doorIds).toEqual([]);

    const before = await api.get('/v1/operator/spaces/seed-shinjuku-desk', operator);
    const { result } = await seed(changedCatalogue(), { update: true });
    expect(result.status).toBe('done');
    expect(changes(result)).toEqual([
      'differs facility seed-shinjuku',
      'differs space seed-shinjuku-desk',
      'differs hours seed-shinjuku-room',
      'differs company seed-corp',
    ]);
    const desk = await api.get('/v1/operator/spaces/seed-shinjuku-desk', operator);
    expect(desk.body.price15).toBe(150);
    expect(desk.etag).not.toBe(before.etag);
    const calendar = await api.get('/v1/operator/spaces/seed-shinjuku-room/calendar', operator);
    expect(calendar.body.hours).toMatchObject({ mon: nineToSix, sat: null });
    expect((await api.get('/v1/admin/companies/seed-corp', admin)).body.monthlyCap).toBe(80);
    // no route changes a facility's brand: still reported, never changed
    expect((await api.get('/v1/operator/facilities/seed-shinjuku', operator)).body.brand).toBe('Seed');
    const again = await seed(changedCatalogue(), { update: true });
    expect(changes(again.result)).toEqual(['differs facility seed-shinjuku']);
    expect(again.writes).toBe(0);
  });

  it('writes on the version it read: a space edited since is refused by the route, and kept', async () => {
    const desk = await api.get('/v1/operator/spaces/seed-shinjuku-desk', operator);
    const stale = { kind: 'editSpace' as const, partnerId: 'partner-seed', spaceId: 'seed-shinjuku-desk' };
    const ports = seedPorts(documentClientOf(target), target.tableName);
    await expect(
      applyAction(ports, { ...stale, settings: { price15: 999 }, version: desk.body.version - 1 }, stack.clock.now()),
    ).rejects.toMatchObject({ code: 'VERSION_MISMATCH' });
    expect((await api.get('/v1/operator/spaces/seed-shinjuku-desk', operator)).body.price15).toBe(desk.body.price15);
  });

  /** A changed catalogue with a new facility written before the bad entry, were the run not checked first. */
  function withBadEntry(change: (json: CatalogueFile) => void): CatalogueFile {
    const json = changedCatalogue();
    json.partners?.unshift({
      partnerId: 'partner-later',
      name: 'Later',
      payoutRatePercent: 60,
      facilities: [
        {
          ...facilityIn(catalogue()),
          facilityId: 'later-shibuya',
          spaces: [{ kind: 'seat', spaceId: 'later-shibuya-desk', name: 'デスク', capacity: 2, price15: 100 }],
          doors: [{ doorId: 'later-shibuya-door', keyType: 'smartLock', spaceIds: ['later-shibuya-desk'] }],
        },
      ],
    });
    change(json);
    return json;
  }

  it.each<[string, (json: CatalogueFile) => void, Array<{ field: string; message: unknown }>]>([
    [
      'a space of capacity 0',
      (json) => {
        facilityIn(json).spaces?.push({
          kind: 'seat',
          spaceId: 'seed-shinjuku-zero',
          name: '無',
          capacity: 0,
          price15: 0,
        });
      },
      [
        {
          field: 'partners.1.facilities.0.spaces.4',
          message: 'Space seed-shinjuku-zero: capacity must be at least 1.',
        },
      ],
    ],
    [
      'a door of another facility',
      (json) => {
        const later = json.partners?.[0]?.facilities?.[0];
        later?.doors?.push({ doorId: 'seed-shinjuku-front', keyType: 'smartLock', spaceIds: [] });
      },
      [
        {
          field: 'partners.0.facilities.0.doors.1.doorId',
          message: 'Door seed-shinjuku-front belongs to facility seed-shinjuku',
        },
        // the catalogue also gives it to its own facility
        {
          field: 'partners.1.facilities.0.doors.0.doorId',
          message: 'Door seed-shinjuku-front is given twice (also at partners.0.facilities.0.doors.1.doorId)',
        },
      ],
    ],
    [
      "a door that opens another facility's space",
      (json) => {
        json.partners?.[0]?.facilities?.[0]?.doors?.[0]?.spaceIds.push('seed-shinjuku-desk');
      },
      [
        {
          field: 'partners.0.facilities.0.doors.0.spaceIds.1',
          message: 'No space seed-shinjuku-desk at this facility',
        },
      ],
    ],
    [
      'an unknown field',
      (json) => {
        Object.assign(facilityIn(json), { floors: 12 });
      },
      [{ field: 'partners.1.facilities.0.floors', message: 'Unknown field' }],
    ],
  ])('refuses %s, naming the field, and writes nothing of the run', async (_, change, problems) => {
    const before = await scan();
    const { result, writes } = await seed(withBadEntry(change), { update: true });
    expect(result).toMatchObject({ status: 'refused', problems });
    expect(writes).toBe(0);
    expect(await scan()).toEqual(before);
    expect(
      (await api.get('/v1/operator/facilities/later-shibuya', operatorToken('op-later', 'partner-later', 'full')))
        .status,
    ).toBe(404);
  });
});
