/**
 * A client generated from the OpenAPI document (openapi-typescript, at test time, not committed) drives a member
 * journey and an operator call against the local stack, through openapi-fetch; the client code
 * (test/contract-client/journey.ts) type-checks against the generated types with the project's TypeScript, and a
 * call the contract does not allow does not.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../lib/local/stack';
import { OPENAPI_FILE } from '../../../lib/openapi';
import { at, newMember } from '../booking/fixtures';
import { client, operatorToken, startTestStack } from '../support/local-stack';
import { NOW, TODAY } from './support';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const GENERATED = '.tmp/client/api.d.ts';

async function typecheck(project: string): Promise<{ ok: boolean; output: string }> {
  try {
    await run(`${ROOT}node_modules/.bin/tsc`, ['-p', project], { cwd: ROOT });
    return { ok: true, output: '' };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** What test/contract-client/journey.ts exports (typed there against the generated client). */
interface JourneyModule {
  memberJourney(
    baseUrl: string,
    token: string,
    booking: { facilityId: string; spaceId: string; date: string; start: string; end: string; doorId: string },
  ): Promise<{
    steps: Array<{ name: string; status: number }>;
    facilityIds: string[];
    slots: number;
    statuses: string[];
    unlockPurposes: string[];
    pastIds: string[];
    reservationId: string;
    refusal: string | undefined;
  }>;
  operatorCall(
    baseUrl: string,
    token: string,
    facilityId: string,
  ): Promise<{ steps: Array<{ name: string; status: number }>; requests: Array<{ status: string }> }>;
}

let stack: LocalStack;
beforeAll(async () => {
  mkdirSync(`${ROOT}.tmp/client`, { recursive: true });
  // openapi-typescript runs on TypeScript 5's compiler API, so it lives in its own workspace (tools/client-gen)
  await run(`${ROOT}tools/client-gen/node_modules/.bin/openapi-typescript`, [OPENAPI_FILE, '-o', GENERATED], {
    cwd: ROOT,
  });
  stack = await startTestStack(NOW);
}, 120_000);
afterAll(async () => stack?.stop());

describe('a client generated from the document', () => {
  it('type-checks the client code with the project’s TypeScript', { timeout: 120_000 }, async () => {
    const { ok, output } = await typecheck('test/contract-client/tsconfig.json');
    expect(output).toBe('');
    expect(ok).toBe(true);
  });

  it('refuses, at compile time, what the contract does not allow', { timeout: 120_000 }, async () => {
    const dir = `${ROOT}.tmp/client-misuse`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      `${dir}/misuse.ts`,
      [
        "import createClient from 'openapi-fetch';",
        "import type { paths } from '../client/api';",
        'const api = createClient<paths>({});',
        "export const a = api.GET('/v1/reservations', { params: { query: { limit: 'ten' } } });",
        "export const b = api.POST('/v1/reservations', { body: { spaceId: 'x', start: 1, end: 2 } });",
        "export const c = api.GET('/v1/nowhere');",
        '',
      ].join('\n'),
    );
    writeFileSync(
      `${dir}/tsconfig.json`,
      JSON.stringify({ extends: '../../tsconfig.json', include: ['misuse.ts', '../client/api.d.ts'] }),
    );
    const { ok, output } = await typecheck('.tmp/client-misuse/tsconfig.json');
    expect(ok).toBe(false);
    expect(output).toContain('misuse.ts(4,');
    expect(output).toContain('misuse.ts(5,');
    expect(output).toContain('misuse.ts(6,');
  });

  it('drives a member journey and an operator call against the local stack', { timeout: 60_000 }, async () => {
    // by a computed path: the project's own type check must not need the generated types (they exist only now)
    const journeyModule = '../../contract-client/journey';
    const { memberJourney, operatorCall } = (await import(/* @vite-ignore */ journeyModule)) as JourneyModule;
    const api = client(stack.url);
    const { token } = await newMember(api, 'premium');
    await api.post('/local/clock', { now: at(TODAY, '13:55') });
    const journey = await memberJourney(stack.url, token, {
      facilityId: 'h1t-kudanshita',
      spaceId: 'h1t-kudanshita-room',
      date: TODAY,
      start: at(TODAY, '14:00'),
      end: at(TODAY, '15:00'),
      doorId: 'h1t-kudanshita-front',
    });
    expect(journey.steps.map((s) => `${s.name} ${s.status}`)).toEqual([
      'search 200',
      'facility 200',
      'availability 200',
      'book 201',
      'check-in 200',
      'unlock 202',
      'checkout 200',
      'my reservations 200',
      'unlock after checkout 409',
    ]);
    expect(journey.facilityIds).toContain('h1t-kudanshita');
    expect(journey.slots).toBeGreaterThan(0);
    expect(journey.statuses).toEqual(['confirmed', 'checkedIn', 'checkedOut']);
    expect(journey.unlockPurposes).toEqual(['entry', 'reentry', 'exit']);
    expect(journey.pastIds).toContain(journey.reservationId);
    expect(journey.refusal).toBe('INVALID_STATE');

    const operator = await operatorCall(stack.url, operatorToken('op-tw-full', 'partner-tw', 'full'), 'tw-shibuya');
    expect(operator.steps).toEqual([{ name: 'booking requests', status: 200 }]);
    for (const request of operator.requests) expect(request.status).toBe('requested');
  });
});
