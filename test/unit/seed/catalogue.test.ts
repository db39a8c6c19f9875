/** A catalogue through its contract (contracts/catalogue.ts): the routes' bodies with their ids, each field named. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCatalogue, readJson } from '../../../lib/seed/catalogue';

describe('the catalogue contract', () => {
  const partner = (facility: Record<string, unknown>) => ({
    partners: [{ partnerId: 'p-1', name: 'P', payoutRatePercent: 70, facilities: [facility] }],
  });
  const facility = {
    facilityId: 'f-1',
    name: 'F',
    brand: 'B',
    kind: 'reservation',
    address: { prefecture: '東京都', city: '渋谷区', street: '1-1' },
    location: { lat: 35, lng: 139 },
  };
  const problems = (json: unknown) => {
    const outcome = parseCatalogue(json);
    return outcome.ok ? [] : outcome.problems;
  };

  it('takes the bodies of the routes with their ids, and fills in what may be left out', () => {
    const outcome = parseCatalogue(partner(facility));
    expect(outcome).toMatchObject({
      ok: true,
      catalogue: { partners: [{ facilities: [{ spaces: [] }] }], companies: [] },
    });
  });

  it.each([
    [
      'an unknown field',
      partner({ ...facility, floors: 3 }),
      [{ field: 'partners.0.facilities.0.floors', message: 'Unknown field' }],
    ],
    [
      'an unknown kind of space',
      partner({ ...facility, spaces: [{ kind: 'booth', spaceId: 's-1', name: 'S', capacity: 1, price15: 0 }] }),
      [
        {
          field: 'partners.0.facilities.0.spaces.0.kind',
          message: expect.stringContaining("'seat' | 'meetingRoom' | 'openSpace'"),
        },
      ],
    ],
    [
      'a field of a reservable space on an open one',
      partner({
        ...facility,
        spaces: [{ kind: 'openSpace', spaceId: 's-1', name: 'S', capacity: 1, price15: 0, bookingType: 'request' }],
      }),
      [{ field: 'partners.0.facilities.0.spaces.0.bookingType', message: 'Unknown field' }],
    ],
    [
      'a facility without its id',
      partner({ ...facility, facilityId: undefined }),
      [{ field: 'partners.0.facilities.0.facilityId', message: expect.any(String) }],
    ],
    [
      'a corporate code that is not 16 digits',
      { companies: [{ companyId: 'c-1', name: 'C', corporateCode: '1234' }] },
      [{ field: 'companies.0.corporateCode', message: 'Expected 16 digits' }],
    ],
    ['not an object', [], [{ field: '(catalogue)', message: expect.any(String) }]],
  ])('refuses %s, naming the field', (_, json, expected) => {
    expect(problems(json)).toEqual(expected);
  });

  const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file, naming a missing file or one that is not JSON', async () => {
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, '{"partners": []}');
    writeFileSync(bad, '{"partners": [');
    expect(await readJson(good)).toEqual({ ok: true, json: { partners: [] } });
    expect(await readJson(bad)).toMatchObject({
      ok: false,
      problems: [{ field: '(file)', message: expect.stringContaining('is not JSON') }],
    });
    expect(await readJson(join(dir, 'none.json'))).toMatchObject({
      ok: false,
      problems: [{ field: '(file)', message: expect.stringContaining('Cannot read') }],
    });
  });
});
