/** What the notification tests share: a local stack of their own, its clock, and its SES mailbox. */
import { afterAll, beforeAll, expect } from 'vitest';
import type { LocalStack, LocalStackOptions } from '../../../lib/local/stack';
import { client, startTestStack } from '../support/local-stack';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a local stack at `now` for the file and stops it after; its client, clock and mailbox once it runs. */
export function mailStack(now: string, more: Pick<LocalStackOptions, 'streamRetry'> = {}) {
  let stack: LocalStack | undefined;
  let api: ReturnType<typeof client> | undefined;
  beforeAll(async () => {
    stack = await startTestStack(now, more);
    api = client(stack.url);
  });
  afterAll(async () => stack?.stop());
  const running = () => {
    if (!stack || !api) throw new Error('the stack is not running yet');
    return { stack, api };
  };
  return {
    stack: () => running().stack,
    api: () => running().api,
    async setClock(to: string) {
      const answer = await running().api.post('/local/clock', { now: to });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    },
    /**
     * The mails to `to` (with `subject`, when given) once at least `count` are there (the poller is asynchronous), and
     * a moment later.
     */
    async mailsTo(to: string, count: number, waitMs = 20_000, subject?: string) {
      const deadline = Date.now() + waitMs;
      const of = async () =>
        (await running().stack.ses.mails()).filter(
          (m) => m.destination.to.includes(to) && (subject === undefined || m.subject === subject),
        );
      while ((await of()).length < count && Date.now() < deadline) await sleep(100);
      await sleep(500);
      return of();
    },
    sleep,
  };
}
