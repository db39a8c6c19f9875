/**
 * The member's reception ticket on the local stack (api.md "Drop-in visits": `GET /v1/me/ticket`; domain-rules §6):
 * a member with a plan gets a ticket signed with the stack's own key, valid 60 seconds of the stack's clock; a member
 * without a plan gets 403 PLAN_REQUIRED; operators and admins 403. Issuing writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyringOf, readTicket, ticketDeps, verifyTicket } from '../../../lambdas/modules/tickets';
import { commandLog } from '../../../lambdas/platform/dynamo/client';
import type { LocalStack } from '../../../lib/local/stack';
import { at, memberWithBoughtPlan, memberWithoutPlan } from '../booking/fixtures';
import { adminToken, client, memberToken, operatorToken, startTestStack } from '../support/local-stack';

// Tuesday 2026-11-24, 10:00 in Tokyo.
const NOW = '2026-11-24T10:00:00+09:00';
const T = Date.parse(NOW);

let stack: LocalStack;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = client(stack.url);
});
afterAll(async () => stack?.stop());

const WRITES = ['PutCommand', 'UpdateCommand', 'DeleteCommand', 'TransactWriteCommand', 'BatchWriteCommand'];

describe('GET /v1/me/ticket', () => {
  it('gives a member with a plan a ticket of the stack’s key, naming them, until 60 s from now; writing nothing', async () => {
    await api.post('/local/clock', { now: NOW });
    const before = commandLog.length;
    const answer = await api.get('/v1/me/ticket', memberToken('member-basic'));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ticket: expect.stringMatching(/^v1\./), expiresAt: '2026-11-24T10:01:00+09:00' });
    expect(commandLog.slice(before).filter((c) => WRITES.includes(c))).toEqual([]);
    const keys = keyringOf(stack.ticketSigningKey);
    expect(verifyTicket(answer.body.ticket, keys, T)).toMatchObject({
      ok: true,
      ticket: { memberId: 'member-basic', expiresAt: T + 60_000 },
    });
    expect(verifyTicket(answer.body.ticket, keys, T + 60_000)).toMatchObject({ ok: false, reason: 'expired' });
    // another stack's key does not admit it
    expect(verifyTicket(answer.body.ticket, keyringOf(Buffer.alloc(32, 1)), T)).toMatchObject({ ok: false });
  });

  it('reads back through the module as the check-in will, with the key the handlers have', async () => {
    const { body } = await api.get('/v1/me/ticket', memberToken('member-premium'));
    expect(await readTicket(ticketDeps(), body.ticket, T + 59_000)).toMatchObject({ memberId: 'member-premium' });
    await expect(readTicket(ticketDeps(), body.ticket, T + 60_000)).rejects.toMatchObject({
      code: 'TICKET_INVALID',
      status: 422,
    });
  });

  it('gives another ticket at every ask', async () => {
    const token = memberToken('member-corporate');
    const [first, second] = await Promise.all([api.get('/v1/me/ticket', token), api.get('/v1/me/ticket', token)]);
    expect(first.status).toBe(200);
    expect(second.body.ticket).not.toBe(first.body.ticket);
  });

  it('runs on the stack’s clock', async () => {
    await api.post('/local/clock', { advanceMinutes: 30 });
    const answer = await api.get('/v1/me/ticket', memberToken('member-basic'));
    expect(answer.body.expiresAt).toBe('2026-11-24T10:31:00+09:00');
    await api.post('/local/clock', { now: NOW });
  });

  it('gives a member who bought a plan a ticket', async () => {
    const { token, memberId } = await memberWithBoughtPlan(api, 'basic', at('2026-11-24', '09:00'));
    const answer = await api.get('/v1/me/ticket', token);
    expect(answer.status).toBe(200);
    expect(verifyTicket(answer.body.ticket, keyringOf(stack.ticketSigningKey), T)).toMatchObject({
      ok: true,
      ticket: { memberId },
    });
  });

  it('refuses a member without a plan: 403 PLAN_REQUIRED', async () => {
    const { token } = await memberWithoutPlan(api);
    const answer = await api.get('/v1/me/ticket', token);
    expect(answer.status).toBe(403);
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body.code).toBe('PLAN_REQUIRED');
  });

  it('refuses operators and admins: 403 FORBIDDEN', async () => {
    for (const token of [operatorToken('op-regus-staff', 'partner-regus', 'staff'), adminToken()]) {
      const answer = await api.get('/v1/me/ticket', token);
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('FORBIDDEN');
    }
  });

  it('takes no query: a memberId is a 400 naming it', async () => {
    const answer = await api.get('/v1/me/ticket?memberId=member-premium', memberToken('member-basic'));
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'query.memberId', message: 'Unknown field' }]);
  });
});
