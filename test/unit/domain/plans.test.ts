import { describe, expect, it } from 'vitest';
import type { Member } from '../../../lambdas/domain/model';
import {
  applyPurchase,
  checkPlanInForce,
  checkRenewable,
  effectivePlan,
  renewalOf,
} from '../../../lambdas/domain/plans';

const none: Member = {
  memberId: 'm',
  memberNumber: 'TW000001',
  plan: null,
  contractStart: null,
  companyId: null,
  companyName: null,
};
const bought = (plan: 'basic' | 'premium', contractStart: string, paidUntil: string): Member => ({
  ...none,
  plan,
  contractStart,
  paidUntil,
});

describe('effectivePlan (domain-rules §1)', () => {
  it.each([
    ['no plan yet', none, '2026-11-24', null],
    ['a company links it', { ...none, companyId: 'c1', plan: 'corporate' as const }, '2026-11-24', 'corporate'],
    ['a bought plan, paid month', bought('basic', '2026-11-10', '2026-12-09'), '2026-12-09', 'basic'],
    ['a bought plan, month over without a purchase', bought('basic', '2026-11-10', '2026-12-09'), '2026-12-10', null],
    [
      'a plan set by staff never lapses',
      { ...none, plan: 'premium' as const, contractStart: '2026-01-01' },
      '2030-01-01',
      'premium',
    ],
  ])('%s', (_, member, date, plan) => {
    expect(effectivePlan(member as Member, date)).toBe(plan);
  });

  it('refuses bookings without a plan with PLAN_REQUIRED', () => {
    expect(checkPlanInForce(none, '2026-11-24')).toMatchObject({ ok: false, code: 'PLAN_REQUIRED' });
    expect(checkPlanInForce(bought('premium', '2026-11-10', '2026-12-09'), '2026-11-24')).toEqual({ ok: true });
  });
});

describe('applyPurchase (003, §4 contract months)', () => {
  it.each([
    ['starts on its day: Oct 10 → Nov 9', none, '2026-10-10', { start: '2026-10-10', end: '2026-11-09' }],
    ['starts on its day: Oct 31 → Nov 29', none, '2026-10-31', { start: '2026-10-31', end: '2026-11-29' }],
    [
      'renews the next month while in force (Oct 31 → Nov 30 → Dec 30)',
      bought('basic', '2026-10-31', '2026-11-29'),
      '2026-11-29',
      { start: '2026-11-30', end: '2026-12-30' },
    ],
    [
      'after a lapse starts again on its day',
      bought('basic', '2026-10-10', '2026-11-09'),
      '2026-11-20',
      { start: '2026-11-20', end: '2026-12-19' },
    ],
  ])('%s', (_, member, paidOn, period) => {
    const applied = applyPurchase(member, { plan: 'basic', paidOn });
    expect(applied).toMatchObject({ ok: true, effect: { period, member: { paidUntil: period.end } } });
  });

  it('renews into the plan paid for, clearing a change and a stop', () => {
    const member = {
      ...bought('basic', '2026-10-10', '2026-11-09'),
      nextPlan: 'premium' as const,
      renewalStopped: true,
    };
    const applied = applyPurchase(member, { plan: 'premium', paidOn: '2026-11-09' });
    expect(applied).toMatchObject({
      ok: true,
      effect: { member: { plan: 'premium', contractStart: '2026-10-10', nextPlan: null, renewalStopped: false } },
    });
  });

  it('is refused for a member of a company', () => {
    expect(
      applyPurchase({ ...none, companyId: 'c1', plan: 'corporate' }, { plan: 'basic', paidOn: '2026-11-01' }),
    ).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });
});

describe('renewal', () => {
  const member = bought('basic', '2026-10-10', '2026-11-09');

  it('is the day after the paid month, in the next plan, stopping or not', () => {
    expect(renewalOf(member, '2026-11-01')).toEqual({ on: '2026-11-10', plan: 'basic', stops: false });
    expect(renewalOf({ ...member, nextPlan: 'premium', renewalStopped: true }, '2026-11-01')).toEqual({
      on: '2026-11-10',
      plan: 'premium',
      stops: true,
    });
  });

  it('exists only for a bought plan in force', () => {
    expect(renewalOf(member, '2026-11-10')).toBeNull();
    expect(renewalOf(none, '2026-11-01')).toBeNull();
    expect(renewalOf({ ...none, plan: 'premium', contractStart: '2026-01-01' }, '2026-11-01')).toBeNull();
    expect(checkRenewable(none, '2026-11-01')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(checkRenewable({ ...none, companyId: 'c1', plan: 'corporate' }, '2026-11-01')).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
    expect(checkRenewable(member, '2026-11-01')).toEqual({ ok: true });
  });
});
