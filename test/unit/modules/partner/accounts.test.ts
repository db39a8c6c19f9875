import { describe, expect, it } from 'vitest';
import {
  type AccountFields,
  keeperOfEdit,
  losesManagement,
  madePartnerId,
  managesPartner,
  patchedFields,
  unchanged,
} from '../../../../lambdas/modules/partner/accounts/rules/accounts';

type Account = AccountFields & { operatorId: string };
const account = (operatorId: string, operatorRole: Account['operatorRole'], status: Account['status'] = 'active') => ({
  operatorId,
  name: operatorId,
  operatorRole,
  status,
});

describe('patchedFields', () => {
  const staff = account('a', 'staff');

  it('changes what the patch names and keeps the rest', () => {
    expect(patchedFields(staff, { role: 'full' })).toEqual({ name: 'a', operatorRole: 'full', status: 'active' });
    expect(patchedFields(staff, { status: 'inactive', name: 'B' })).toEqual({
      name: 'B',
      operatorRole: 'staff',
      status: 'inactive',
    });
  });

  it('tells a patch that changes nothing', () => {
    expect(unchanged(staff, patchedFields(staff, { role: 'staff', status: 'active' }))).toBe(true);
    expect(unchanged(staff, patchedFields(staff, { name: 'b' }))).toBe(false);
  });
});

describe('who manages the partner', () => {
  it.each([
    ['full', 'active', true],
    ['full', 'inactive', false],
    ['staff', 'active', false],
    ['usage', 'active', false],
  ] as const)('a %s %s account: %s', (role, status, manages) => {
    expect(managesPartner({ operatorRole: role, status })).toBe(manages);
  });

  it.each([
    ['disabling an active full account', account('a', 'full'), { status: 'inactive' }, true],
    ['demoting an active full account', account('a', 'full'), { role: 'usage' }, true],
    ['renaming an active full account', account('a', 'full'), { name: 'x' }, false],
    ['promoting a staff account', account('a', 'staff'), { role: 'full' }, false],
    ['disabling an inactive full account again', account('a', 'full', 'inactive'), { status: 'inactive' }, false],
    ['disabling a staff account', account('a', 'staff'), { status: 'inactive' }, false],
  ] as const)('%s takes management away: %s', (_, before, patch, loses) => {
    expect(losesManagement(before, patchedFields(before, patch))).toBe(loses);
  });
});

describe('keeperOfEdit: a partner keeps an active full operator', () => {
  const admin = account('admin', 'full');
  const fields = (patch: Parameters<typeof patchedFields>[1]) => patchedFields(admin, patch);

  it('refuses to disable or demote the last active full operator', () => {
    const others = [admin, account('s', 'staff'), account('old', 'full', 'inactive')];
    for (const patch of [{ status: 'inactive' }, { role: 'staff' }] as const) {
      const outcome = keeperOfEdit(admin, fields(patch), others);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.problem).toContain('last active full operator');
    }
  });

  it('names another active full operator as the keeper when there is one', () => {
    const second = account('second', 'full');
    const outcome = keeperOfEdit(admin, fields({ status: 'inactive' }), [admin, account('s', 'staff'), second]);
    expect(outcome).toEqual({ ok: true, keeper: second });
  });

  it('needs no keeper when the edit leaves the account managing, or it did not manage', () => {
    expect(keeperOfEdit(admin, fields({ name: 'x' }), [admin])).toEqual({ ok: true });
    const staff = account('s', 'staff');
    expect(keeperOfEdit(staff, patchedFields(staff, { status: 'inactive' }), [staff])).toEqual({ ok: true });
  });
});

describe('madePartnerId', () => {
  it('is partner- and eight characters of the random hex, dashes dropped', () => {
    expect(madePartnerId('1f2e3d4c-5b6a-4789-8abc-def012345678')).toBe('partner-1f2e3d4c');
    expect(madePartnerId('ab-cd-ef-01-23')).toBe('partner-abcdef01');
  });
});
