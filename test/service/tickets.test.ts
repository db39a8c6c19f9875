/**
 * The ticket flows with a fixed key (the signing keys port faked): issuing a member's ticket (a plan in force, the
 * current key, a fresh id each time, nothing written) and reading one reception scanned (TICKET_INVALID, a reload
 * of the keys for a key not seen yet); and the Secrets Manager adapter over a fake reader (read once, AWSPREVIOUS
 * when a rotation left one, reloads at most once a minute, a failed read not kept).
 */
import { describe, expect, it } from 'vitest';
import type { Member } from '../../lambdas/domain/model';
import {
  issueMemberTicket,
  keyringOf,
  readTicket,
  signingKey,
  TICKET_VALIDITY_MS,
  type TicketPorts,
  ticketView,
  verifyTicket,
} from '../../lambdas/modules/tickets';
import {
  EnvironmentSigningKeys,
  type SecretReader,
  SecretsManagerSigningKeys,
  SIGNING_KEYS_RELOAD_INTERVAL_MS,
} from '../../lambdas/platform/adapters/secrets-manager-signing-keys';
import type { Clock, SigningSecrets, TicketSigningKeys } from '../../lambdas/platform/ports';
import { ApiError } from '../../lambdas/platform/problems';
import { AwsServiceError } from '../../lambdas/platform/sdk/aws-http';
import { tokyo } from '../fixtures/domain';

const NOW = tokyo('2026-11-24T10:00');
const KEY = Buffer.alloc(32, 7);
const NEXT_KEY = Buffer.alloc(32, 8);

/** A fixed key, and a count of the reads and reloads; `rotateTo` makes the next reload answer another key. */
function fixedKeys(current: Uint8Array = KEY, previous: Uint8Array[] = []) {
  let secrets: SigningSecrets = { current, previous };
  let next: SigningSecrets | undefined;
  const counts = { reads: 0, reloads: 0 };
  const keys: TicketSigningKeys = {
    secrets: async () => {
      counts.reads++;
      return secrets;
    },
    reload: async () => {
      counts.reloads++;
      if (next) secrets = next;
      return secrets;
    },
  };
  return { keys, counts, rotateTo: (s: SigningSecrets) => (next = s) };
}

const member = (overrides: Partial<Member> = {}): Member => ({
  memberId: 'm-1',
  memberNumber: 'TW000001',
  plan: 'basic',
  contractStart: '2026-11-10',
  companyId: null,
  companyName: null,
  ...overrides,
});

/** Ticket ids `AAAA…01`, `AAAA…02`… (22 base64url characters). */
function ticketIds() {
  let n = 0;
  return { next: () => `${'A'.repeat(20)}${String(++n).padStart(2, '0')}` };
}

function world(stored: Member | undefined, keys = fixedKeys().keys) {
  let reads = 0;
  const deps: TicketPorts = {
    members: {
      getMember: async (id) => {
        reads++;
        return stored && id === stored.memberId ? { member: stored, holdsVersion: 0, planVersion: 0 } : undefined;
      },
    },
    keys,
    ticketIds: ticketIds(),
  };
  return { deps, reads: () => reads };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return { code: (error as ApiError).code, status: (error as ApiError).status, detail: (error as ApiError).detail };
};

describe('issueMemberTicket', () => {
  it('issues the member’s ticket with the current key, valid 60 seconds, reading the member once', async () => {
    const w = world(member());
    const issued = await issueMemberTicket(w.deps, 'm-1', NOW);
    expect(issued).toMatchObject({ memberId: 'm-1', ticketId: `${'A'.repeat(20)}01`, expiresAt: NOW + 60_000 });
    expect(verifyTicket(issued.ticket, keyringOf(KEY), NOW)).toMatchObject({ ok: true, ticket: { memberId: 'm-1' } });
    expect(w.reads()).toBe(1);
    expect(ticketView(issued)).toEqual({ ticket: issued.ticket, expiresAt: '2026-11-24T10:01:00+09:00' });
  });

  it('gives another ticket each time it is asked', async () => {
    const w = world(member());
    const first = await issueMemberTicket(w.deps, 'm-1', NOW);
    const second = await issueMemberTicket(w.deps, 'm-1', NOW);
    expect(second.ticketId).not.toBe(first.ticketId);
    expect(second.ticket).not.toBe(first.ticket);
  });

  it.each([
    ['a corporate member', member({ plan: 'corporate', companyId: 'example-corp' })],
    ['a plan set by staff', member({ plan: 'premium', paidUntil: null })],
  ])('issues to %s', async (_, who) => {
    await expect(issueMemberTicket(world(who).deps, 'm-1', NOW)).resolves.toMatchObject({ memberId: 'm-1' });
  });

  it.each([
    ['no plan yet', member({ plan: null, contractStart: null })],
    ['a bought plan that lapsed', member({ plan: 'basic', paidUntil: '2026-11-23' })],
  ])('refuses a member with %s: 403 PLAN_REQUIRED', async (_, who) => {
    expect(await refusal(issueMemberTicket(world(who).deps, 'm-1', NOW))).toMatchObject({
      code: 'PLAN_REQUIRED',
      status: 403,
    });
  });

  it('refuses a member who does not exist: 404', async () => {
    expect(await refusal(issueMemberTicket(world(undefined).deps, 'm-1', NOW))).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
  });
});

describe('readTicket', () => {
  const ticketOf = (secret: Uint8Array, now = NOW) =>
    issueMemberTicket(world(member(), fixedKeys(secret).keys).deps, 'm-1', now).then((t) => t.ticket);

  it('answers whose ticket it is, its id and expiry, without reloading the keys', async () => {
    const { keys, counts } = fixedKeys();
    const ticket = await ticketOf(KEY);
    expect(await readTicket({ keys }, ticket, NOW + 59_999)).toEqual({
      memberId: 'm-1',
      ticketId: `${'A'.repeat(20)}01`,
      expiresAt: NOW + TICKET_VALIDITY_MS,
    });
    expect(counts.reloads).toBe(0);
  });

  it.each([
    ['expired', KEY, TICKET_VALIDITY_MS, 'This ticket expired; ask the member to show a new one.'],
    ['signed with a key it never had', NEXT_KEY, 0, 'This ticket is not genuine.'],
  ])('refuses a ticket %s: 422 TICKET_INVALID', async (_, secret, after, detail) => {
    const { keys } = fixedKeys();
    expect(await refusal(readTicket({ keys }, await ticketOf(secret), NOW + after))).toEqual({
      code: 'TICKET_INVALID',
      status: 422,
      detail,
    });
  });

  it('refuses a string that is not a ticket without reloading the keys', async () => {
    const { keys, counts } = fixedKeys();
    expect(await refusal(readTicket({ keys }, 'hello', NOW))).toMatchObject({ code: 'TICKET_INVALID' });
    expect(counts.reloads).toBe(0);
  });

  it('reads the keys again for a ticket of a key not seen yet (signed after a rotation), and admits it', async () => {
    const { keys, counts, rotateTo } = fixedKeys();
    rotateTo({ current: NEXT_KEY, previous: [KEY] });
    const ticket = await ticketOf(NEXT_KEY);
    expect(await readTicket({ keys }, ticket, NOW)).toMatchObject({ memberId: 'm-1' });
    expect(counts.reloads).toBe(1);
    // and a ticket of the previous key still admits within its minute
    expect(await readTicket({ keys }, await ticketOf(KEY), NOW)).toMatchObject({ memberId: 'm-1' });
  });
});

/** A fake Secrets Manager: a value per version stage, with the calls it got (a missing version as the service says it). */
function fakeClient(values: Partial<Record<'AWSCURRENT' | 'AWSPREVIOUS', string>>) {
  const calls: string[] = [];
  let failing = false;
  const client: SecretReader = {
    secretString: async (secretId, versionStage) => {
      const stage = versionStage as 'AWSCURRENT' | 'AWSPREVIOUS';
      calls.push(`${secretId}:${stage}`);
      if (failing) throw new Error('throttled');
      const value = values[stage];
      if (value === undefined) {
        throw new AwsServiceError('ResourceNotFoundException', 'no such version', 400, undefined, 1);
      }
      return value;
    },
  };
  return {
    client,
    calls,
    fail: (on: boolean) => {
      failing = on;
    },
  };
}

const ARN = 'arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:TicketSigningKey-abc123';
const CURRENT = 'c'.repeat(64);
const PREVIOUS = 'p'.repeat(64);

describe('SecretsManagerSigningKeys', () => {
  const clockAt = (t: { now: number }): Clock => ({ now: () => t.now });

  it('reads the current and previous versions once, and keeps them', async () => {
    const fake = fakeClient({ AWSCURRENT: CURRENT, AWSPREVIOUS: PREVIOUS });
    const keys = new SecretsManagerSigningKeys(ARN, clockAt({ now: NOW }), fake.client);
    const first = await keys.secrets();
    expect(Buffer.from(first.current).toString('utf8')).toBe(CURRENT);
    expect(first.previous.map((p) => Buffer.from(p).toString('utf8'))).toEqual([PREVIOUS]);
    await keys.secrets();
    expect(fake.calls.sort()).toEqual([`${ARN}:AWSCURRENT`, `${ARN}:AWSPREVIOUS`]);
    // the secret string is a signing key of enough bytes
    expect(signingKey(first.current).secret.byteLength).toBe(64);
  });

  it('has no previous key before the first rotation', async () => {
    const keys = new SecretsManagerSigningKeys(ARN, clockAt({ now: NOW }), fakeClient({ AWSCURRENT: CURRENT }).client);
    expect((await keys.secrets()).previous).toEqual([]);
  });

  it('fails without a current value', async () => {
    const keys = new SecretsManagerSigningKeys(ARN, clockAt({ now: NOW }), fakeClient({}).client);
    await expect(keys.secrets()).rejects.toThrow();
  });

  it('reloads at most once a minute', async () => {
    const t = { now: NOW };
    const fake = fakeClient({ AWSCURRENT: CURRENT });
    const keys = new SecretsManagerSigningKeys(ARN, clockAt(t), fake.client);
    await keys.secrets();
    await keys.reload();
    expect(fake.calls).toHaveLength(2);
    t.now += SIGNING_KEYS_RELOAD_INTERVAL_MS;
    await keys.reload();
    await keys.reload();
    expect(fake.calls).toHaveLength(4);
  });

  it('does not keep a failed read: the next call reads again', async () => {
    const fake = fakeClient({ AWSCURRENT: CURRENT });
    const keys = new SecretsManagerSigningKeys(ARN, clockAt({ now: NOW }), fake.client);
    fake.fail(true);
    await expect(keys.secrets()).rejects.toThrow('throttled');
    fake.fail(false);
    expect(Buffer.from((await keys.secrets()).current).toString('utf8')).toBe(CURRENT);
  });
});

describe('EnvironmentSigningKeys', () => {
  it('reads the key, base64url, at every call', async () => {
    let value: string | undefined = KEY.toString('base64url');
    const keys = new EnvironmentSigningKeys(() => value);
    expect(Buffer.from((await keys.secrets()).current)).toEqual(KEY);
    value = NEXT_KEY.toString('base64url');
    expect(Buffer.from((await keys.reload()).current)).toEqual(NEXT_KEY);
    value = undefined;
    await expect(keys.secrets()).rejects.toThrow();
  });
});
