/**
 * The outbox on the local stack's real parts: the settlement job issues a notice (its outbox item in the notice's
 * transaction) → DynamoDB Local's stream → the stream poller → the outbox consumer → the local SES, whose mailbox the
 * test reads. Exactly one mail per notice, also when the job runs again; SES down for a while → the mail arrives later,
 * once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { handler as settlePeriodsHandler } from '../../../lambdas/modules/settlement/steps/settle-periods';
import { lambdaContext } from '../../../lib/local/lambda-context';
import { startLocalSes } from '../../../lib/local/ses';
import { at, newMember } from '../booking/fixtures';
import { mailStack } from './support';

const DAY = '2026-11-24';
const TW_BILLING = 'billing@partner-tw.example.com';
const H1T_BILLING = 'billing@partner-h1t.example.com';
const { stack, api, setClock, mailsTo, sleep } = mailStack(at(DAY, '09:00'));

async function noShow(spaceId: string, from: string, to: string) {
  const member = await newMember(api(), 'premium');
  const answer = await api().post(
    '/v1/reservations',
    { spaceId, start: at(DAY, from), end: at(DAY, to) },
    member.token,
  );
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
}

let restarted: Awaited<ReturnType<typeof startLocalSes>> | undefined;
afterAll(async () => restarted?.stop());

describe('the payment notices issued by the settlement job', () => {
  it('while SES is down: each partner’s mail arrives once SES is back, once', async () => {
    await noShow('tw-shibuya-desk', '10:00', '11:00');
    await noShow('h1t-kudanshita-box', '11:00', '12:00');
    await setClock(at(DAY, '12:10'));
    const port = stack().ses.port;
    await stack().ses.stop();
    // the notices of 2026-12 are issued with their outbox items; the consumer's sends fail and are retried
    await setClock('2027-02-01T00:10:00+09:00');
    await sleep(1_500);
    restarted = await startLocalSes({ port });
    expect(await mailsTo(TW_BILLING, 1)).toHaveLength(1);
    expect(await mailsTo(H1T_BILLING, 1)).toHaveLength(1);
    expect(stack().streamPoller.deadLetters).toEqual([]);
  });

  it('go to the partner’s payment-notice addresses with the period, amount and due date', async () => {
    const [mail] = await mailsTo(TW_BILLING, 1);
    expect(mail?.from).toBe('no-reply@coworking.local');
    expect(mail?.destination.to).toEqual([TW_BILLING]);
    expect(mail?.subject).toContain('支払通知書発行のお知らせ（2026年12月分）');
    expect(mail?.body.text).toContain('対象期間：2026年11月21日〜2026年12月20日');
    expect(mail?.body.text).toMatch(/お支払金額：¥[\d,]+/);
    expect(mail?.body.text).toContain('お支払予定日：2027年2月26日');
    expect(mail?.body.text).toContain('通知書番号：partner-tw:2026-12');
  });

  it('send nothing more when the job runs again', async () => {
    await settlePeriodsHandler({}, lambdaContext('settle-periods'));
    await setClock('2027-02-01T01:10:00+09:00');
    // a second mail would have come within these two seconds (the poller reads every 100 ms)
    expect(await mailsTo(TW_BILLING, 2, 2_000)).toHaveLength(1);
    expect(await mailsTo(H1T_BILLING, 2, 0)).toHaveLength(1);
  });
});
