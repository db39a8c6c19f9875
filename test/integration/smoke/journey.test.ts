/**
 * The smoke journey of `npm run smoke` against the local stack: every step passes on the demo data, and a step that
 * fails stops the journey naming the step, the request, the status and the answer (a booking made before it is
 * cancelled).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../lib/local/ports';
import type { LocalStack } from '../../../lib/local/stack';
import { runSmoke, SMOKE_STEPS, SmokeFailure, type SmokeStep, type SmokeTarget } from '../../../lib/smoke/journey';
import { client, memberToken, operatorToken, startTestStack } from '../support/local-stack';

// Tuesday 2026-11-24, 10:00 in Tokyo: the journey books from tomorrow on.
const NOW = '2026-11-24T10:00:00+09:00';

let stack: LocalStack;
let api: ReturnType<typeof client>;
const member = memberToken('member-basic');
const operator = operatorToken('op-h1t-full', 'partner-h1t', 'full');

beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = client(stack.url);
});
afterAll(async () => stack?.stop());

const target = (overrides: Partial<SmokeTarget> = {}): SmokeTarget => ({
  apiUrl: stack.url,
  memberToken: member,
  operatorToken: operator,
  now: Date.parse(NOW),
  ...overrides,
});

/** The journey's failure, which it must reject with. */
async function failureOf(journey: Promise<unknown>): Promise<SmokeFailure> {
  const error = await journey.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmokeFailure);
  return error as SmokeFailure;
}

describe('the smoke journey on the local stack', () => {
  it('passes every step, in order, each with the status it expects', async () => {
    const told: SmokeStep[] = [];
    const report = await runSmoke(target({ onStep: (step) => told.push(step) }));

    expect(report.steps.map((s) => s.name)).toEqual([...SMOKE_STEPS]);
    expect(told).toEqual(report.steps);
    const calls = Object.fromEntries(
      report.steps.map((s) => [s.name, s.calls.map((c) => `${c.method} ${c.path} ${c.status}`)]),
    );
    const { id } = report.reservation;
    expect(calls).toEqual({
      'read member': ['GET /v1/me 200'],
      'search facilities': ['GET /v1/facilities?kind=reservation 200'],
      'read facility': [`GET /v1/facilities/${report.facilityId} 200`],
      availability: [`GET /v1/spaces/${report.spaceId}/availability?date=2026-11-25 200`],
      'book a space': ['POST /v1/reservations 201'],
      'read the reservation': [`GET /v1/reservations/${id} 200`],
      'cancel it': [`POST /v1/reservations/${id}/cancel 200`],
      'operator read': ['GET /v1/operator/facilities 200'],
    });
    expect(report.steps.find((s) => s.name === 'read member')?.summary).toBe('TW000001, plan basic');
    expect(report.steps.find((s) => s.name === 'operator read')?.summary).toBe('2 facilities of the operator');

    // tomorrow's first free slot of the first facility the plan allows, of the space's minimum length
    const facility = (await api.get(`/v1/facilities/${report.facilityId}`, member)).body;
    const space = facility.spaces.find((s: { spaceId: string }) => s.spaceId === report.spaceId);
    expect(space).toMatchObject({ bookingType: 'instant', minBookingMinutes: 15 });
    expect(report.reservation.start).toMatch(/^2026-11-25T/);
    expect(Date.parse(report.reservation.end) - Date.parse(report.reservation.start)).toBe(15 * 60_000);

    // the booking is cancelled and the member holds no uses
    const reservation = await api.get(`/v1/reservations/${id}`, member);
    expect(reservation.body).toMatchObject({ status: 'cancelled', number: report.reservation.number });
    expect(reservation.body.cancellationFee ?? 0).toBe(0);
    expect((await api.get('/v1/me', member)).body.uses).toMatchObject({ held: 0, used: 0 });
  });

  it('books the pinned facility and space', async () => {
    const report = await runSmoke(target({ facilityId: 'tw-shibuya', spaceId: 'tw-shibuya-desk' }));
    expect(report).toMatchObject({ facilityId: 'tw-shibuya', spaceId: 'tw-shibuya-desk' });
    expect(report.reservation.start).toMatch(/^2026-11-25T/);
  });

  it('stops at a booking the member may not make, naming the step, the status and the problem', async () => {
    const created = await api.post('/local/members', { memberId: 'member-smoke-no-plan', plan: null });
    expect(created.status).toBe(201);

    const failure = await failureOf(runSmoke(target({ memberToken: memberToken('member-smoke-no-plan') })));

    expect(failure.step).toBe('book a space');
    expect(failure.passed.map((s) => s.name)).toEqual(SMOKE_STEPS.slice(0, 4));
    expect(failure.call).toMatchObject({ method: 'POST', path: '/v1/reservations', status: 403 });
    expect(failure.call?.body).toMatchObject({ status: 403, code: 'PLAN_REQUIRED' });
    expect(failure.cleanUp).toBeUndefined();
    const [first, answer, ...rest] = failure.message.split('\n');
    expect(first).toBe('smoke step "book a space" failed: POST /v1/reservations: answered 403, expected 201');
    expect(JSON.parse(answer?.replace(/^answer: /, '') ?? '')).toEqual(failure.call?.body);
    expect(rest).toEqual([]);
  });

  it('stops at a bad token with its 401, after the booking was cancelled', async () => {
    const failure = await failureOf(runSmoke(target({ operatorToken: 'not-a-token' })));

    expect(failure.step).toBe('operator read');
    expect(failure.passed.map((s) => s.name)).toEqual(SMOKE_STEPS.slice(0, 7));
    expect(failure.call).toMatchObject({ method: 'GET', path: '/v1/operator/facilities', status: 401 });
    expect(failure.message).toContain('smoke step "operator read" failed: GET /v1/operator/facilities: answered 401');
    expect(failure.message).toContain('"code":"UNAUTHENTICATED"');
    expect(failure.cleanUp).toBeUndefined();
  });

  it('stops at the first step when the member token is bad', async () => {
    const failure = await failureOf(runSmoke(target({ memberToken: 'not-a-token' })));
    expect(failure).toMatchObject({ step: 'read member', passed: [], call: { status: 401 } });
  });

  it('cancels the booking when a later step fails, and says so', async () => {
    let bookedId = '';
    // the reservation's read answers 500 once the booking is made: the journey then cancels it before failing
    const failing: typeof fetch = async (input, init) => {
      const url = String(input);
      if (init?.method === 'GET' && bookedId && url.endsWith(`/v1/reservations/${bookedId}`)) {
        return new Response(JSON.stringify({ code: 'BROKEN' }), { status: 500 });
      }
      const res = await fetch(input, init);
      if (init?.method === 'POST' && url.endsWith('/v1/reservations') && res.status === 201) {
        bookedId = ((await res.clone().json()) as { id: string }).id;
      }
      return res;
    };

    const failure = await failureOf(runSmoke(target({ fetch: failing })));

    expect(failure.step).toBe('read the reservation');
    expect(failure.call).toMatchObject({ status: 500, body: { code: 'BROKEN' } });
    const reservation = await api.get(`/v1/reservations/${bookedId}`, member);
    expect(reservation.body.status).toBe('cancelled');
    expect(failure.cleanUp).toBe(`reservation ${reservation.body.number} cancelled`);
    expect(failure.message.split('\n').at(-1)).toBe(`clean up: reservation ${reservation.body.number} cancelled`);
  });

  it('says when the API does not answer at all', async () => {
    const failure = await failureOf(runSmoke(target({ apiUrl: `http://127.0.0.1:${await freePort()}` })));
    expect(failure.step).toBe('read member');
    expect(failure.call?.status).toBeUndefined();
    expect(failure.message).toMatch(
      /^smoke step "read member" failed: GET \/v1\/me: no answer \(fetch failed: ECONNREFUSED\)$/,
    );
  });
});

/** `npm run smoke -- …` as a child process. */
function smokeCommand(args: string[], env: Record<string, string> = {}) {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['bin/smoke.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('npm run smoke -- --local', () => {
  it('prints a line per step and exits 0', async () => {
    const { code, stdout, stderr } = await smokeCommand(['--local', '--api-url', stack.url]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(`smoke against ${stack.url} (2026-11-24T01:00:00.000Z)`);
    expect(lines.slice(1, -1).map((l) => l.slice(2, 22).trim())).toEqual([...SMOKE_STEPS]);
    expect(lines.at(-1)).toMatch(/^smoke passed: 8 steps, booked and cancelled R-\d{4}-\d{4}-\d{4}$/);
  });

  it('fails loudly: exit 1, the step, the status and the answer on stderr', async () => {
    const { code, stdout, stderr } = await smokeCommand(['--local', '--api-url', stack.url], {
      COWORKING_OPERATOR_TOKEN: 'not-a-token',
    });
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(1 + 7);
    const [first, answer] = stderr.trim().split('\n');
    expect(first).toBe('✗ smoke step "operator read" failed: GET /v1/operator/facilities: answered 401, expected 200');
    expect(answer).toMatch(/^answer: \{.*"status":401,"code":"UNAUTHENTICATED"/);
  });

  it('refuses a command line it cannot run with exit 2 and the usage', async () => {
    const { code, stderr } = await smokeCommand(['--stage', 'dev', '--local']);
    expect(code).toBe(2);
    expect(stderr).toContain('say either --stage <stage> or --local');
    expect(stderr).toContain('usage: npm run smoke -- --stage <dev|prod>');
  });
});
