/**
 * The plan of a seed run: what each catalogue entry does to the table as it stands (create, unchanged, differs with
 * the fields), what is written for it, and the problems that refuse the whole catalogue, each naming its field.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogueFile } from '../../../contracts/catalogue';
import * as demo from '../../../lib/local/demo-data';
import { type Plan, planSeed, type Snapshot } from '../../../lib/seed/plan';
import { demoJson, demoSnapshot, demoSpacesWith, EMPTY, NOW, parsed } from './support';

type FacilityFile = NonNullable<NonNullable<CatalogueFile['partners']>[number]['facilities']>[number];
type SpaceFile = NonNullable<FacilityFile['spaces']>[number];

/** The demo catalogue with a change to its JSON. */
function demoWith(change: (json: CatalogueFile) => void): CatalogueFile {
  const json = demoJson();
  change(json);
  return json;
}
const facilityOf = (json: CatalogueFile, facilityId: string): FacilityFile => {
  const facility = json.partners?.flatMap((p) => p.facilities ?? []).find((f) => f.facilityId === facilityId);
  if (!facility) throw new Error(`no facility ${facilityId}`);
  return facility;
};
const spaceOf = (json: CatalogueFile, spaceId: string): SpaceFile => {
  const all = json.partners?.flatMap((p) => p.facilities ?? []).flatMap((f) => f.spaces ?? []);
  const space = all?.find((s) => s.spaceId === spaceId);
  if (!space) throw new Error(`no space ${spaceId}`);
  return space;
};

const plan = (json: CatalogueFile, snapshot: Snapshot, update = false) =>
  planSeed(parsed(json), snapshot, { now: NOW, update });
const stepOf = (p: Plan, entity: string, id: string) => p.steps.find((s) => s.entity === entity && s.id === id);
const changed = (p: Plan) => p.steps.filter((s) => s.outcome !== 'unchanged');

describe('over an empty table', () => {
  const empty = plan(demoJson(), EMPTY);

  it('creates everything, each partner before its facilities, a facility before its spaces, hours and doors', () => {
    expect(empty.problems).toEqual([]);
    const h1t = empty.steps.slice(0, 10).map((s) => `${s.outcome} ${s.entity} ${s.id}`);
    expect(h1t).toEqual([
      'create partner partner-h1t',
      'create facility h1t-kudanshita',
      'create space h1t-kudanshita-box',
      'create hours h1t-kudanshita-box',
      'create space h1t-kudanshita-room',
      'create hours h1t-kudanshita-room',
      'create space h1t-kudanshita-open',
      'create hours h1t-kudanshita-open',
      'create doors h1t-kudanshita',
      'create facility h1t-ryogoku',
    ]);
    expect(empty.steps.at(-1)).toMatchObject({ outcome: 'create', entity: 'company', id: 'example-corp' });
  });

  it('writes each through the call its route makes, with the ids and the corporate code the catalogue gives', () => {
    const action = (entity: string, id: string) => stepOf(empty, entity, id)?.action;
    expect(action('partner', 'partner-tw')).toEqual({
      kind: 'createPartner',
      partner: {
        partnerId: 'partner-tw',
        name: 'TIMEWORK渋谷',
        payoutRatePercent: 70,
        paymentNoticeEmails: ['billing@partner-tw.example.com'],
        facilityIds: [],
        version: 1,
      },
    });
    expect(action('facility', 'tw-shibuya')).toMatchObject({
      kind: 'createFacility',
      partnerId: 'partner-tw',
      body: { facilityId: 'tw-shibuya', brand: 'TIMEWORK', notificationEmails: ['ops@tw-shibuya.example'] },
    });
    expect(action('space', 'tw-shibuya-room-a')).toMatchObject({
      kind: 'createSpace',
      partnerId: 'partner-tw',
      facilityId: 'tw-shibuya',
      input: { kind: 'meetingRoom', spaceId: 'tw-shibuya-room-a', bookingType: 'request', minimumMinutes: 60 },
    });
    expect(action('space', 'regus-marunouchi-lounge')).toEqual({
      kind: 'createOpenSpace',
      facilityId: 'regus-marunouchi',
      body: {
        spaceId: 'regus-marunouchi-lounge',
        name: 'ラウンジ',
        capacity: 20,
        price15: 250,
        perCheckInLimitMinutes: 240,
        guestLimit: 2,
      },
    });
    expect(action('hours', 'tw-shibuya-desk')).toMatchObject({
      kind: 'setHours',
      spaceId: 'tw-shibuya-desk',
      calendarVersion: 1,
      hours: { mon: { open: '09:00', close: '21:00' } },
    });
    expect(action('doors', 'tw-shibuya')).toMatchObject({ kind: 'setDoors', facilityId: 'tw-shibuya', version: 1 });
    expect(action('company', 'example-corp')).toEqual({
      kind: 'createCompany',
      companyId: 'example-corp',
      corporateCode: '1234567890123456',
      body: { name: 'Example Corp', monthlyCap: null },
    });
  });

  it('writes nothing for what is already so: a new facility without doors, a space closed all week', () => {
    const json = demoWith((j) => {
      spaceOf(j, 'regus-marunouchi-lounge').hours = {};
    });
    const p = plan(json, EMPTY);
    expect(stepOf(p, 'doors', 'regus-marunouchi')).toMatchObject({ outcome: 'unchanged' });
    expect(stepOf(p, 'doors', 'regus-marunouchi')?.action).toBeUndefined();
    expect(stepOf(p, 'hours', 'regus-marunouchi-lounge')).toMatchObject({ outcome: 'unchanged' });
  });

  it('gives a company without a code none, so that the route draws a fresh one', () => {
    const json = demoWith((j) => {
      j.companies = [{ companyId: 'new-corp', name: 'New Corp' }];
    });
    expect(stepOf(plan(json, EMPTY), 'company', 'new-corp')?.action).toEqual({
      kind: 'createCompany',
      companyId: 'new-corp',
      body: { name: 'New Corp' },
    });
  });
});

describe('over a table that differs', () => {
  it('reports a space whose settings differ, as the partner route shows them, and changes it only with --update', () => {
    const snapshot = demoSnapshot({ spaces: demoSpacesWith('h1t-kudanshita-box', { price15: 250, version: 4 }) });
    const reported = plan(demoJson(), snapshot);
    expect(changed(reported)).toEqual([
      {
        entity: 'space',
        id: 'h1t-kudanshita-box',
        path: 'partners.0.facilities.0.spaces.0',
        outcome: 'differs',
        differences: [{ field: 'price15', stored: 250, catalogue: 200, updatable: true }],
      },
    ]);
    const updated = plan(demoJson(), snapshot, true);
    expect(stepOf(updated, 'space', 'h1t-kudanshita-box')?.action).toMatchObject({
      kind: 'editSpace',
      partnerId: 'partner-h1t',
      spaceId: 'h1t-kudanshita-box',
      settings: { price15: 200, capacity: 2 },
      version: 4,
    });
  });

  it("names a facility's fields as the partner route shows them; what only staff set at creation is kept", () => {
    const [first, ...rest] = demo.facilities;
    if (!first) throw new Error('no demo facility');
    const facilities = [
      { ...first, brand: 'H2T', address: { ...first.address, line: '九段北9-9-9' }, version: 3 },
      ...rest,
    ];
    const snapshot = demoSnapshot({ facilities });
    const [step] = changed(plan(demoJson(), snapshot));
    expect(step).toMatchObject({ entity: 'facility', id: 'h1t-kudanshita', outcome: 'differs' });
    expect(step?.differences).toEqual([
      { field: 'brand', stored: 'H2T', catalogue: 'H1T', updatable: false },
      {
        field: 'address',
        stored: { prefecture: '東京都', city: '千代田区', street: '九段北9-9-9' },
        catalogue: { prefecture: '東京都', city: '千代田区', street: '九段北1-3-3' },
        updatable: true,
      },
    ]);
    expect(step?.action).toBeUndefined();
    const json = demoWith((j) => {
      const [front] = facilityOf(j, 'h1t-kudanshita').doors ?? [];
      if (front) front.keyType = 'keypad';
    });
    const updated = plan(json, snapshot, true);
    expect(stepOf(updated, 'facility', 'h1t-kudanshita')?.action).toMatchObject({
      kind: 'editFacility',
      facilityId: 'h1t-kudanshita',
      patch: { address: { street: '九段北1-3-3' } },
      version: 3,
    });
    // the doors are then set on the version the edit makes
    expect(stepOf(updated, 'doors', 'h1t-kudanshita')?.action).toMatchObject({ kind: 'setDoors', version: 4 });
    // the brand alone: nothing a route changes
    const onlyBrand = demoSnapshot({ facilities: [{ ...first, brand: 'H2T' }, ...rest] });
    expect(stepOf(plan(demoJson(), onlyBrand, true), 'facility', 'h1t-kudanshita')?.action).toBeUndefined();
  });

  it('reports weekly hours that differ; with --update it changes them unless held bookings would fall outside', () => {
    const calendar = {
      regularHours: [{ weekday: 1, open: '10:00', close: '12:00' }],
      specialOpenDays: [],
      closures: [],
    };
    const snapshot = demoSnapshot({ spaces: demoSpacesWith('tw-shibuya-desk', { calendar, calendarVersion: 5 }) });
    const [step] = changed(plan(demoJson(), snapshot));
    expect(step).toMatchObject({
      entity: 'hours',
      id: 'tw-shibuya-desk',
      path: 'partners.5.facilities.0.spaces.1.hours',
    });
    // the weekdays that differ: the catalogue closes the weekend, as the space is
    const nineToNine = { open: '09:00', close: '21:00' };
    expect(step?.differences).toEqual([
      { field: 'hours.mon', stored: { open: '10:00', close: '12:00' }, catalogue: nineToNine, updatable: true },
      ...['tue', 'wed', 'thu', 'fri'].map((day) => ({
        field: `hours.${day}`,
        stored: null,
        catalogue: nineToNine,
        updatable: true,
      })),
    ]);
    expect(stepOf(plan(demoJson(), snapshot, true), 'hours', 'tw-shibuya-desk')?.action).toMatchObject({
      kind: 'setHours',
      calendarVersion: 5,
    });
    // a booking on a Sunday morning: the catalogue's hours close Sundays
    const sunday = { number: 'R-1111-2222-3333', start: Date.parse('2026-11-22T10:00:00+09:00') };
    const holds = new Map([['tw-shibuya-desk', [{ ...sunday, end: sunday.start + 3_600_000 }]]]);
    const stranded = plan(demoJson(), { ...snapshot, holds }, true);
    expect(stranded.problems).toEqual([
      {
        field: 'partners.5.facilities.0.spaces.1.hours',
        message: expect.stringContaining('R-1111-2222-3333'),
      },
    ]);
    // only reporting, it changes nothing and strands nothing
    expect(plan(demoJson(), { ...snapshot, holds }).problems).toEqual([]);
  });

  it('sets the doors of a new space of a stored facility as part of creating it', () => {
    const booth = { kind: 'seat' as const, spaceId: 'tw-shibuya-booth', name: 'ブース', capacity: 1, price15: 100 };
    const withBooth = (openedBy: string[]) =>
      demoWith((j) => {
        const tw = facilityOf(j, 'tw-shibuya');
        tw.spaces?.push(booth);
        tw.doors = [{ doorId: 'tw-shibuya-door', name: '入口', keyType: 'smartLock', spaceIds: openedBy }];
      });
    // the route opens a new space at every door of its facility: as the catalogue says
    const opened = plan(withBooth(['tw-shibuya-room-a', 'tw-shibuya-desk', 'tw-shibuya-booth']), demoSnapshot());
    expect(changed(opened).map((s) => `${s.outcome} ${s.entity} ${s.id}`)).toEqual(['create space tw-shibuya-booth']);
    // no door opens it: the doors are set after it is made, though nothing stored changes
    const closed = plan(withBooth(['tw-shibuya-room-a', 'tw-shibuya-desk']), demoSnapshot());
    expect(changed(closed).map((s) => `${s.outcome} ${s.entity} ${s.id}`)).toEqual([
      'create space tw-shibuya-booth',
      'create doors tw-shibuya',
    ]);
    expect(stepOf(closed, 'doors', 'tw-shibuya')?.action).toMatchObject({ kind: 'setDoors', version: 1 });
  });

  it('reports doors that differ, and a partner and company that differ where no route changes them', () => {
    const json = demoWith((j) => {
      facilityOf(j, 'solotime-shibuya').doors = [
        { doorId: 'solotime-shibuya-door', keyType: 'keypad', spaceIds: ['solotime-shibuya-room'] },
      ];
      const [partner] = j.partners ?? [];
      if (partner) partner.name = 'H1T株式会社';
      j.companies = [
        { companyId: 'example-corp', name: 'Example KK', corporateCode: '1234567890123456', monthlyCap: 50 },
      ];
    });
    const p = plan(json, demoSnapshot(), true);
    expect(stepOf(p, 'doors', 'solotime-shibuya')).toMatchObject({
      outcome: 'differs',
      differences: [
        {
          field: 'doors',
          catalogue: [{ doorId: 'solotime-shibuya-door', name: 'solotime-shibuya-door', keyType: 'keypad' }],
        },
        { field: 'solotime-shibuya-booth.doorIds', stored: ['solotime-shibuya-door'], catalogue: [] },
        { field: 'solotime-shibuya-open.doorIds', stored: ['solotime-shibuya-door'], catalogue: [] },
      ],
      action: { kind: 'setDoors', version: 1 },
    });
    expect(stepOf(p, 'partner', 'partner-h1t')).toMatchObject({
      outcome: 'differs',
      differences: [{ field: 'name', stored: 'H1T', catalogue: 'H1T株式会社', updatable: false }],
    });
    expect(stepOf(p, 'partner', 'partner-h1t')?.action).toBeUndefined();
    expect(stepOf(p, 'company', 'example-corp')).toMatchObject({
      outcome: 'differs',
      differences: [
        { field: 'name', updatable: false },
        { field: 'monthlyCap', stored: null, catalogue: 50, updatable: true },
      ],
      action: { kind: 'editCompany', companyId: 'example-corp', monthlyCap: 50, version: 1 },
    });
  });
});

describe('problems: the whole catalogue is refused, each field named', () => {
  const problemsOf = (change: (json: CatalogueFile) => void, snapshot: Snapshot = EMPTY) =>
    plan(demoWith(change), snapshot).problems;

  it.each<[string, (json: CatalogueFile) => void, Array<{ field: string; message: unknown }>]>([
    [
      'a space of capacity 0 (the rules of the route)',
      (j) => {
        spaceOf(j, 'h1t-ryogoku-box').capacity = 0;
      },
      [{ field: 'partners.0.facilities.1.spaces.0', message: 'Space h1t-ryogoku-box: capacity must be at least 1.' }],
    ],
    [
      'hours off the 15-minute grid',
      (j) => {
        spaceOf(j, 'tw-shibuya-desk').hours = { mon: { open: '09:10', close: '21:00' } };
      },
      [{ field: 'partners.5.facilities.0.spaces.1.hours.mon.open', message: 'Times are in 15-minute steps' }],
    ],
    [
      "a door that opens another facility's space",
      (j) => {
        facilityOf(j, 'h1t-ryogoku').doors?.[0]?.spaceIds.push('h1t-kudanshita-box');
      },
      [
        {
          field: 'partners.0.facilities.1.doors.0.spaceIds.1',
          message: 'No space h1t-kudanshita-box at this facility',
        },
      ],
    ],
    [
      'a publication window that ends before it starts',
      (j) => {
        Object.assign(facilityOf(j, 'tw-shibuya'), {
          publishFrom: '2026-12-01T00:00:00+09:00',
          publishUntil: '2026-11-01T00:00:00+09:00',
        });
      },
      [{ field: 'partners.5.facilities.0.publishUntil', message: expect.stringContaining('end after it starts') }],
    ],
    [
      'a space id given twice',
      (j) => {
        spaceOf(j, 'h1t-ryogoku-box').spaceId = 'h1t-kudanshita-box';
      },
      [
        {
          field: 'partners.0.facilities.1.spaces.0.spaceId',
          message: 'Space h1t-kudanshita-box is given twice (also at partners.0.facilities.0.spaces.0.spaceId)',
        },
        // the door still names the space by its old id
        { field: 'partners.0.facilities.1.doors.0.spaceIds.0', message: 'No space h1t-ryogoku-box at this facility' },
      ],
    ],
  ])('%s', (_, change, problems) => {
    expect(problemsOf(change)).toEqual(problems);
  });

  it('names a door listed twice once, by the rules of the doors route', () => {
    const problems = problemsOf((j) => {
      const tw = facilityOf(j, 'tw-shibuya');
      tw.doors = [...(tw.doors ?? []), ...(tw.doors ?? [])];
    });
    expect(problems).toEqual([{ field: 'partners.5.facilities.0.doors.1.doorId', message: 'Listed twice' }]);
  });

  it('finds every problem of the catalogue at once', () => {
    const problems = problemsOf((j) => {
      spaceOf(j, 'h1t-ryogoku-box').capacity = 0;
      Object.assign(spaceOf(j, 'tw-shibuya-desk'), { minimumMinutes: 20 });
    });
    expect(problems.map((p) => p.field)).toEqual([
      'partners.0.facilities.1.spaces.0',
      'partners.5.facilities.0.spaces.1',
    ]);
  });

  it('refuses a catalogue that contradicts the table', () => {
    const [kudanshita, ...rest] = demo.facilities;
    if (!kudanshita) throw new Error('no demo facility');
    const elsewhere = {
      ...kudanshita,
      facilityId: 'other-facility',
      doors: [{ doorId: 'other-door', name: '入口', keyType: 'smartLock' as const }],
    };
    const table = demoSnapshot({
      facilities: [{ ...kudanshita, partnerId: 'partner-other' }, ...rest, elsewhere],
      spaces: demoSpacesWith('tw-shibuya-desk', { type: 'meetingRoom' }),
      codeOwners: new Map([['1234567890123456', 'other-corp']]),
    });
    const json = demoWith((j) => {
      facilityOf(j, 'tw-shibuya').doors?.push({ doorId: 'other-door', keyType: 'smartLock', spaceIds: [] });
    });
    expect(plan(json, table).problems).toEqual([
      { field: 'partners.0.facilities.0.facilityId', message: "Facility h1t-kudanshita is partner partner-other's" },
      {
        field: 'partners.5.facilities.0.spaces.1.kind',
        message: "Space tw-shibuya-desk is a meetingRoom: no route changes a space's kind",
      },
      {
        field: 'partners.5.facilities.0.doors.1.doorId',
        message: 'Door other-door belongs to facility other-facility',
      },
      { field: 'companies.0.corporateCode', message: "Corporate code 1234567890123456 is company other-corp's" },
    ]);
  });

  it('refuses a space stored under another facility', () => {
    const table = demoSnapshot({ spaces: demoSpacesWith('h1t-ryogoku-box', { facilityId: 'h1t-kudanshita' }) });
    expect(plan(demoJson(), table).problems).toEqual([
      {
        field: 'partners.0.facilities.1.spaces.0.spaceId',
        message: 'Space h1t-ryogoku-box is of facility h1t-kudanshita',
      },
    ]);
  });
});
