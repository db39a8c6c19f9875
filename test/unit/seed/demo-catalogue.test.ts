/**
 * The demo catalogue (the default of `npm run seed`) and the local stack's demo data (lib/local/demo-data.ts) say
 * the same: planned over a table holding the demo data, every entry of the catalogue is unchanged, and the
 * catalogue names everything of the demo data it can say (members and operators are not the catalogue's).
 */
import { describe, expect, it } from 'vitest';
import * as demo from '../../../lib/local/demo-data';
import { parseCatalogue } from '../../../lib/seed/catalogue';
import { planSeed } from '../../../lib/seed/plan';
import { demoJson, demoSnapshot, NOW, parsed } from './support';

describe('the demo catalogue', () => {
  it('passes its contract', () => {
    expect(parseCatalogue(demoJson())).toMatchObject({ ok: true });
  });

  it('says only what the demo data says: over it, every entry is unchanged, also with --update', () => {
    for (const update of [false, true]) {
      const plan = planSeed(parsed(demoJson()), demoSnapshot(), { now: NOW, update });
      expect(plan.problems).toEqual([]);
      expect(plan.steps.filter((s) => s.outcome !== 'unchanged')).toEqual([]);
      expect(plan.steps.filter((s) => s.action)).toEqual([]);
    }
  });

  it('names every partner, facility, space, door and company of the demo data, each space with its hours', () => {
    const plan = planSeed(parsed(demoJson()), demoSnapshot(), { now: NOW, update: false });
    const ids = (entity: string) => plan.steps.filter((s) => s.entity === entity).map((s) => s.id);
    expect(ids('partner')).toEqual(demo.partners.map((p) => p.partnerId));
    expect(ids('facility').sort()).toEqual(demo.facilities.map((f) => f.facilityId).sort());
    expect(ids('doors').sort()).toEqual(demo.facilities.map((f) => f.facilityId).sort());
    expect(ids('space').sort()).toEqual(demo.spaces.map((s) => s.spaceId).sort());
    expect(ids('hours').sort()).toEqual(demo.spaces.map((s) => s.spaceId).sort());
    expect(ids('company')).toEqual(demo.companies.map((c) => c.companyId));
    const doors = demoJson().partners?.flatMap((p) => p.facilities?.flatMap((f) => f.doors ?? []) ?? []);
    expect(doors?.map((d) => d.doorId).sort()).toEqual(
      demo.facilities.flatMap((f) => f.doors.map((d) => d.doorId)).sort(),
    );
  });

  it('gives the demo corporate code', () => {
    expect(demoJson().companies).toContainEqual(expect.objectContaining({ corporateCode: '1234567890123456' }));
  });
});
