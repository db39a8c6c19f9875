/** What the partner route tests share: a stack of their own, and the callers they try. */
import { afterAll, beforeAll } from 'vitest';
import type { OperatorRole } from '../../../contracts/auth';
import type { LocalStack } from '../../../lib/local/stack';
import { client, memberToken, operatorToken, startTestStack } from '../support/local-stack';

/** Tuesday 2026-11-24, 10:00 in Tokyo. */
export const NOW = '2026-11-24T10:00:00+09:00';

/** Starts a local stack for the file and stops it after; `api()` is its client once it runs. */
export function partnerStack() {
  let stack: LocalStack | undefined;
  let api: ReturnType<typeof client> | undefined;
  beforeAll(async () => {
    stack = await startTestStack(NOW);
    api = client(stack.url);
  });
  afterAll(async () => stack?.stop());
  return () => {
    if (!api) throw new Error('the stack is not running yet');
    return api;
  };
}

/** An operator of TIMEWORK渋谷 (the partner whose facility the tests edit), and of another partner (H1T). */
export const tw = (role: OperatorRole) => operatorToken(`op-tw-${role}`, 'partner-tw', role);
export const h1t = (role: OperatorRole) => operatorToken(`op-h1t-${role}`, 'partner-h1t', role);
export const member = memberToken('member-basic');
