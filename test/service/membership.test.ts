import { describe, expect, it } from 'vitest';
import type { Member } from '../../lambdas/domain/model';
import type { PlanPorts } from '../../lambdas/modules/membership/service';
import { changePlan, recordPurchase } from '../../lambdas/modules/membership/service';
import type { TransactOutcome } from '../../lambdas/platform/dynamo/transactions';
import { STALE_RETRIES } from '../../lambdas/platform/retry';
import { tokyo } from '../fixtures/domain';
import { sequentialIds } from './fakes';

/** A member store in memory whose plan writes can be made to find the state moved. */
function world(member: Member) {
  let stored = { member, planVersion: 0 };
  const written: unknown[] = [];
  let writes = 0;
  let stale = false;
  const deps: PlanPorts = {
    members: {
      getMember: async (id) => (id === member.memberId ? { ...stored, holdsVersion: 0 } : undefined),
      changePlan: async (_id, version, set, extra = []): Promise<TransactOutcome> => {
        writes++;
        if (stale || version !== stored.planVersion) return { ok: false, failed: 'stale' };
        stored = { member: { ...stored.member, ...set }, planVersion: version + 1 };
        written.push(...extra);
        return { ok: true };
      },
    },
    purchases: { putItem: (p) => ({ item: { Put: { TableName: 'fake', Item: p } } }), ofMember: async () => [] },
    counters: {
      countersOf: async () => ({
        company: null,
        uses: { used: 0, held: 0 },
        companyUses: null,
        usedThatDay: 0,
        checkInsThatDay: 0,
      }),
    },
    ids: sequentialIds(),
  };
  return {
    deps,
    state: () => stored,
    written,
    writes: () => writes,
    goStale: () => {
      stale = true;
    },
  };
}

const newcomer: Member = {
  memberId: 'm-1',
  memberNumber: 'TW000001',
  plan: null,
  contractStart: null,
  companyId: null,
  companyName: null,
};

describe('recordPurchase', () => {
  it('writes the purchase with the plan it starts, in one write', async () => {
    const w = world(newcomer);
    const purchase = await recordPurchase(w.deps, 'm-1', {
      plan: 'basic',
      paidAt: tokyo('2026-10-31T09:00'),
      amount: 9800,
    });
    expect(purchase).toMatchObject({ period: { start: '2026-10-31', end: '2026-11-29' }, tax: 980, total: 10780 });
    expect(w.state().member).toMatchObject({ plan: 'basic', contractStart: '2026-10-31', paidUntil: '2026-11-29' });
    expect(w.written).toHaveLength(1);
    expect(w.writes()).toBe(1);
  });

  it('gives up after the stale retries with 409 INVALID_STATE and writes nothing', async () => {
    const w = world(newcomer);
    w.goStale();
    await expect(
      recordPurchase(w.deps, 'm-1', { plan: 'basic', paidAt: tokyo('2026-10-31T09:00'), amount: 9800 }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', status: 409 });
    expect(w.writes()).toBe(1 + STALE_RETRIES);
    expect(w.written).toEqual([]);
    expect(w.state().member).toEqual(newcomer);
  });
});

describe('changePlan', () => {
  it('sets the plan of the next renewal, and clears it when it is the current one', async () => {
    const w = world({ ...newcomer, plan: 'basic', contractStart: '2026-11-10', paidUntil: '2026-12-09' });
    const me = await changePlan(w.deps, 'm-1', 'premium', tokyo('2026-11-24T10:00'));
    expect(me.renewal).toEqual({ on: '2026-12-10', plan: 'premium', stops: false });
    expect(w.state().member.nextPlan).toBe('premium');
    await changePlan(w.deps, 'm-1', 'basic', tokyo('2026-11-24T10:00'));
    expect(w.state().member.nextPlan).toBeNull();
  });
});
