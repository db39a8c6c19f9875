/**
 * A visit's end through its timer (the visit-end state machine, run by the local runner from the same ASL): started at
 * check-in under the visit's name, retried when its task fails for a while, and backed by the sweeper when it fails
 * for good; run again, it ends nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as endVisit } from '../../../lambdas/modules/dropin/steps/end-visit';
import { lambdaContext } from '../../../lib/local/lambda-context';
import type { LocalStack } from '../../../lib/local/stack';
import { at, newMember } from '../booking/fixtures';
import { client, startTestStack } from '../support/local-stack';
import { ledger, peopleIn, REGUS_QR } from './support';

const DAY = '2026-11-24';
const LOUNGE = 'regus-marunouchi-lounge';
let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  stack = await startTestStack(at(DAY, '09:00'));
  api = client(stack.url);
});
afterAll(async () => stack?.stop());

const setClock = async (now: string) => expect((await api.post('/local/clock', { now })).status).toBe(200);

async function visitAt(time: string) {
  await setClock(at(DAY, time));
  const member = await newMember(api, 'premium');
  const visit = await api.post('/v1/visits', { qrValue: REGUS_QR }, member.token);
  expect(visit.status).toBe(201);
  return { ...member, id: visit.body.id as string };
}
const visitOf = async (token: string, id: string) => (await api.get(`/v1/visits/${id}`, token)).body;

describe('the visit-end timer', () => {
  it('is started at check-in under the visit’s name, due at its limit, and ends it then', async () => {
    const { token, id } = await visitAt('09:00');
    const execution = stack.timers.list().find((e) => e.name === `visit-${id}`);
    expect(execution).toMatchObject({ status: 'RUNNING' });
    expect(JSON.parse(execution?.input ?? '{}')).toEqual({ visitId: id, dueAt: '2026-11-24T04:00:00.000Z' });
    await setClock(at(DAY, '13:00'));
    expect(await visitOf(token, id)).toMatchObject({ status: 'out', checkedOutAt: '2026-11-24T13:00:00+09:00' });
    expect(stack.timers.list().find((e) => e.name === `visit-${id}`)?.status).toBe('SUCCEEDED');
  });

  it('is retried when its task fails for a while: the visit ends once', async () => {
    const { token, id } = await visitAt('10:00');
    const people = await peopleIn(LOUNGE);
    const used = (await api.get('/v1/me', token)).body.uses.used;
    stack.timers.injectFailures('EndVisit', 1);
    await setClock(at(DAY, '14:00'));
    expect(await visitOf(token, id)).toMatchObject({ status: 'out', checkedOutAt: '2026-11-24T14:00:00+09:00' });
    expect(stack.timers.list().find((e) => e.name === `visit-${id}`)?.status).toBe('SUCCEEDED');
    expect(await peopleIn(LOUNGE)).toBe(people - 1);
    expect((await api.get('/v1/me', token)).body.uses.used).toBe(used);
  });

  it('leaves the visit to the sweeper when it fails for good', async () => {
    const { token, id } = await visitAt('11:00');
    stack.timers.injectFailures('EndVisit', 100);
    await setClock(at(DAY, '15:00'));
    stack.timers.injectFailures('EndVisit', -100);
    const execution = stack.timers.list().find((e) => e.name === `visit-${id}`);
    expect(execution?.status).toBe('FAILED');
    expect(stack.timers.deadLetters).toContain(execution);
    // the sweeper ran at the same clock move, after the timer failed
    expect(await visitOf(token, id)).toMatchObject({ status: 'out', checkedOutAt: '2026-11-24T15:00:00+09:00' });
  });

  it('run again (a redelivery), ends nothing twice and charges once', async () => {
    const { token, id } = await visitAt('12:00');
    await setClock(at(DAY, '16:00'));
    const ended = await visitOf(token, id);
    const people = await peopleIn(LOUNGE);
    const total = await ledger().total('partner-regus', 'day', 'regus-marunouchi', DAY);
    const record = await ledger().get(`visit:${id}`);
    expect(record?.lines).toEqual([expect.objectContaining({ item: 'openSpace', quantity: 240, ...ended.charge })]);
    const again = await endVisit({ visitId: id, dueAt: '2026-11-24T07:00:00.000Z' }, lambdaContext('end-visit'));
    expect(again).toEqual({ action: 'done', outcome: 'nothing' });
    expect(await visitOf(token, id)).toEqual(ended);
    expect(await peopleIn(LOUNGE)).toBe(people);
    expect(await ledger().get(`visit:${id}`)).toEqual(record);
    expect(await ledger().total('partner-regus', 'day', 'regus-marunouchi', DAY)).toEqual(total);
  });
});
