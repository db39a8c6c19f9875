import { describe, expect, it } from 'vitest';
import { applyFacilityPatch } from '../../../../lambdas/modules/partner/facilities/rules/patch';
import { makeFacility, tokyo } from '../../../fixtures/domain';

const facility = makeFacility({ version: 3, publishFrom: tokyo('2024-06-01T00:00'), publishUntil: null });

describe('applyFacilityPatch (a JSON merge patch of the listed fields)', () => {
  it('changes what it names, keeps the rest, moves the version', () => {
    const outcome = applyFacilityPatch(facility, { name: '両国ベース', contact: '03-1234-5678' });
    expect(outcome).toMatchObject({ ok: true, facility: { name: '両国ベース', contact: '03-1234-5678', version: 4 } });
    if (outcome.ok) expect(outcome.facility.address).toEqual(facility.address);
  });

  it('merges the address (street is the address line) and clears a field given null', () => {
    const outcome = applyFacilityPatch(
      { ...facility, url: 'https://example.com' },
      {
        address: { street: '両国2-2-2' },
        url: null,
      },
    );
    expect(outcome).toMatchObject({
      ok: true,
      facility: { address: { prefecture: '東京都', city: '墨田区', line: '両国2-2-2' }, url: null },
    });
  });

  it('takes stations with their walk, and shows their names to members', () => {
    const stations = [{ line: 'JR総武線', station: '両国', walkMinutes: 3, walkMeters: 240 }];
    const outcome = applyFacilityPatch(facility, { stations });
    expect(outcome).toMatchObject({ ok: true, facility: { stations, nearestStations: ['両国'] } });
  });

  it.each([
    ['ends before it starts', { publishUntil: tokyo('2024-05-31T00:00') }],
    ['ends when it starts', { publishUntil: tokyo('2024-06-01T00:00') }],
    [
      'starts after the end it keeps',
      { publishFrom: tokyo('2024-07-01T00:00'), publishUntil: tokyo('2024-06-30T00:00') },
    ],
  ])('refuses a publication window that %s, naming publishUntil', (_, patch) => {
    expect(applyFacilityPatch(facility, patch)).toMatchObject({ ok: false, field: 'body.publishUntil' });
  });

  it('opens the window at both ends with nulls', () => {
    expect(applyFacilityPatch(facility, { publishFrom: null })).toMatchObject({
      ok: true,
      facility: { publishFrom: null, publishUntil: null },
    });
  });
});
