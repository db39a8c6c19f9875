/**
 * The identity step's check of operators' tokens against their accounts (api.md: a disabled account is refused at
 * once, its earlier tokens within 5 seconds), with a controllable clock and an account reader in memory; and the http
 * wrapper going by it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { API_SCOPE, CLAIMS, type OperatorRole, type OperatorStatus } from '../../contracts/auth';
import { httpHandler } from '../../lambdas/platform/http';
import {
  ACCOUNT_CACHE_MS,
  MAX_REMEMBERED_ACCOUNTS,
  OperatorAccess,
  type OperatorIdentity,
  useOperatorAccess,
} from '../../lambdas/platform/operator-access';
import type { Route } from '../../lambdas/platform/route';
import { lambdaContext } from '../../lib/local/lambda-context';

type Stored = { partnerId: string; operatorRole: OperatorRole; status: OperatorStatus };

function world() {
  const stored = new Map<string, Stored>([
    ['op-1', { partnerId: 'partner-a', operatorRole: 'staff', status: 'active' }],
  ]);
  let reads = 0;
  let now = 1_000_000;
  const reader = {
    get: async (operatorId: string) => {
      reads++;
      return stored.get(operatorId);
    },
  };
  const access = new OperatorAccess(reader, { now: () => now });
  return {
    stored,
    access,
    reads: () => reads,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const token = (operatorRole: OperatorRole = 'staff', partnerId = 'partner-a'): OperatorIdentity => ({
  role: 'operator',
  operatorId: 'op-1',
  partnerId,
  operatorRole,
});

describe('an operator’s token against its account', () => {
  it('admits an active account of the token’s partner', async () => {
    const { access } = world();
    expect(await access.admit(token())).toEqual(token());
  });

  it('goes by the account’s role as stored, not the token’s', async () => {
    const { access, stored } = world();
    stored.set('op-1', { partnerId: 'partner-a', operatorRole: 'full', status: 'active' });
    expect(await access.admit(token('usage'))).toEqual(token('full'));
  });

  it.each([
    ['an inactive account', { partnerId: 'partner-a', operatorRole: 'staff', status: 'inactive' } as Stored],
    ['an account of another partner', { partnerId: 'partner-b', operatorRole: 'staff', status: 'active' } as Stored],
    ['no account', undefined],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_, account) => {
    const { access, stored } = world();
    if (account) stored.set('op-1', account);
    else stored.delete('op-1');
    await expect(access.admit(token())).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it(`reads an account once per ${ACCOUNT_CACHE_MS} ms: a change elsewhere shows within that, no later`, async () => {
    const { access, stored, reads, advance } = world();
    await access.admit(token());
    stored.set('op-1', { partnerId: 'partner-a', operatorRole: 'staff', status: 'inactive' });
    advance(ACCOUNT_CACHE_MS - 1);
    expect(await access.admit(token())).toEqual(token());
    expect(reads()).toBe(1);
    advance(1);
    await expect(access.admit(token())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(reads()).toBe(2);
  });

  it('reads the account again at once after this process forgot it (an edit made here)', async () => {
    const { access, stored, reads } = world();
    await access.admit(token());
    stored.set('op-1', { partnerId: 'partner-a', operatorRole: 'staff', status: 'inactive' });
    access.forget('op-1');
    await expect(access.admit(token())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(reads()).toBe(2);
  });

  it(`remembers at most ${MAX_REMEMBERED_ACCOUNTS} accounts, forgetting the longest remembered first`, async () => {
    const { access, stored, reads } = world();
    for (let n = 0; n <= MAX_REMEMBERED_ACCOUNTS; n++) {
      stored.set(`op-${n}`, { partnerId: 'partner-a', operatorRole: 'staff', status: 'active' });
      await access.admit({ ...token(), operatorId: `op-${n}` });
    }
    const afterFilling = reads();
    // op-0 was pushed out; op-1 … op-1000 are still remembered
    await access.admit({ ...token(), operatorId: `op-${MAX_REMEMBERED_ACCOUNTS}` });
    expect(reads()).toBe(afterFilling);
    await access.admit({ ...token(), operatorId: 'op-0' });
    expect(reads()).toBe(afterFilling + 1);
  });
});

describe('the http wrapper', () => {
  afterEach(() => useOperatorAccess(undefined));
  const route: Route = {
    id: 'list-things',
    module: 'things',
    method: 'GET',
    path: '/v1/operator/things',
    caller: { role: 'operator', operatorRoles: ['full'] },
    tableActions: [],
    maxTableCommands: 0,
  };
  const event = (operatorRole: OperatorRole) =>
    ({
      headers: {},
      requestContext: {
        authorizer: {
          jwt: {
            claims: {
              sub: 'op-1',
              [CLAIMS.role]: 'operator',
              [CLAIMS.partnerId]: 'partner-a',
              [CLAIMS.operatorRole]: operatorRole,
            },
            scopes: [API_SCOPE],
          },
        },
      },
    }) as never;
  const schemas = { response: { status: 204 } } as const;

  it('authorizes an operator by the role of its account, and refuses a disabled one with 401', async () => {
    const { access, stored } = world();
    useOperatorAccess(access);
    let seen: unknown;
    const handler = httpHandler(route, schemas, async ({ identity }) => {
      seen = identity;
    });
    expect((await handler(event('full'), lambdaContext(route.id))).statusCode).toBe(403);
    stored.set('op-1', { partnerId: 'partner-a', operatorRole: 'full', status: 'active' });
    access.forget('op-1');
    expect((await handler(event('usage'), lambdaContext(route.id))).statusCode).toBe(204);
    expect(seen).toEqual({ ...token('full') });
    stored.set('op-1', { partnerId: 'partner-a', operatorRole: 'full', status: 'inactive' });
    access.forget('op-1');
    const refused = await handler(event('full'), lambdaContext(route.id));
    expect(refused.statusCode).toBe(401);
    expect(JSON.parse(String(refused.body))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
