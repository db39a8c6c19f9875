/**
 * The cost of one successful call of every route row: at least one and at most `tableCommandsOf` its row (its
 * `maxTableCommands`, and the read of an operator caller's account) DynamoDB commands, and never a Scan. Generated from `routes`: a row without a call here fails.
 *
 * `commandLog` is process-wide and the local stack runs in this process, so the commands between the
 * start and the end of a sequential call are that call's. One thing runs beside it: the stack's door
 * controllers answer unlock commands asynchronously, and the door-event handler records each answer with
 * one `UpdateItem`. For routes that publish unlocks, the test waits for the door's answer and for the
 * table to go quiet, then counts the call's window without those recordings (one per door event seen).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commandLog } from '../../../lambdas/platform/dynamo/client';
import { type Route, routes, tableCommandsOf } from '../../../lambdas/routes';
import type { LocalStack } from '../../../lib/local/stack';
import { memberWithBoughtPlan, memberWithoutPlan } from '../booking/fixtures';
import { adminToken, memberToken, operatorToken, startTestStack } from '../support/local-stack';
import {
  COMPANY,
  CONTRACT_EXPORT,
  CONTRACT_NOTICE,
  DOOR,
  issueContractExport,
  issueContractNotice,
  NEW_FACILITY,
  OPEN_PERIOD,
  OPEN_SPACE,
  OPEN_SPACE_PARTNER,
  OPEN_SPACE_QR,
  QUIET_CLOSURE,
  REQUEST_FACILITY,
  REQUEST_FACILITY_DOORS,
  REQUEST_PARTNER,
  REQUEST_SPACE,
  REQUEST_SPACE_HOURS,
  rows,
  SPECIAL_DAY,
} from './requests';
import {
  at,
  book,
  CORPORATE_CODE,
  FACILITY,
  type Http,
  http,
  NOW,
  newMember,
  type RouteRequest,
  SPACE,
  send,
  settle,
  TODAY,
  TOMORROW,
} from './support';

let stack: LocalStack;
let api: Http;
/** Command ids the door controllers have answered. */
const doorAnswers: string[] = [];

beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = http(stack.url);
  // the export job would run at once beside the request that starts it: its commands are not the route's
  stack.timers.hold('export');
  // so would the outbox consumer, sending the mails a booking wrote: its commands are not the route's either
  await stack.streamPoller.hold();
  for (const door of stack.doors.values()) door.on('event', (event) => doorAnswers.push(event.commandId));
});
afterAll(async () => stack?.stop());
afterEach(async () => {
  // Every case starts at the frozen now, whatever the last one did with the clock.
  await api.post('/local/clock', { now: NOW });
  await settle(api);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Books a stay of a new member that starts now, on the first H1T九段下 space with room, and checks in. */
async function stayNow(checkIn: boolean) {
  const member = await newMember(api, 'premium');
  let id: string | undefined;
  for (const spaceId of ['h1t-kudanshita-open', 'h1t-kudanshita-box', 'h1t-kudanshita-room']) {
    const answer = await api.post('/v1/reservations', { spaceId, start: NOW, end: at(TODAY, '10:30') }, member.token);
    if (answer.status === 201) {
      id = answer.body.id;
      break;
    }
  }
  if (!id) throw new Error('no H1T九段下 space has room at 10:00');
  let commandId: string | undefined;
  if (checkIn) {
    const answer = await api.post(`/v1/reservations/${id}/check-in`, { doorId: DOOR }, member.token);
    if (answer.status !== 200) throw new Error(`check-in failed: ${JSON.stringify(answer.body)}`);
    commandId = answer.body.unlock.commandId;
    await settle(api, member.token, commandId);
  }
  return { ...member, id, commandId };
}

/** A new member checked in at the open space now, with `guests` guests. */
async function visitNow(guests = 0) {
  const member = await newMember(api, 'premium');
  const visit = await api.post('/v1/visits', { qrValue: OPEN_SPACE_QR }, member.token);
  if (visit.status !== 201) throw new Error(`drop-in check-in failed: ${JSON.stringify(visit.body)}`);
  if (guests > 0) await api.post(`/v1/visits/${visit.body.id}/guests`, { count: guests }, member.token);
  return { ...member, id: visit.body.id as string };
}

/** TIMEWORK渋谷's desk (instant bookings, its door opens it). */
const SALES_SPACE = 'tw-shibuya-desk';

/** A stay at {@link SALES_SPACE} now, checked in and out at once: its sales line is written at the checkout. */
async function settledStay() {
  const { token } = await newMember(api, 'premium');
  const { id } = await book(api, token, SALES_SPACE, NOW, at(TODAY, '10:15'));
  for (const step of ['check-in', 'checkout']) {
    const answer = await api.post(`/v1/reservations/${id}/${step}`, { doorId: 'tw-shibuya-door' }, token);
    if (answer.status !== 200) throw new Error(`${step} failed: ${JSON.stringify(answer.body)}`);
    await settle(api, token, answer.body.unlock.commandId);
  }
}

/** A full operator of the request partner (TIMEWORK渋谷). */
const partnerOperator = operatorToken('op-tw-full', REQUEST_PARTNER, 'full');

/** A booking request of a new member to TIMEWORK渋谷 tomorrow, waiting for the partner's answer. */
async function bookingRequest(from: string, to: string): Promise<string> {
  const { token } = await newMember(api, 'premium');
  const request = await book(api, token, REQUEST_SPACE, at(TOMORROW, from), at(TOMORROW, to));
  expect(request.status).toBe('requested');
  return request.id;
}

interface Call {
  token: string;
  request: RouteRequest;
}

/** One successful call per route id, with what it needs set up first (not counted). */
const calls: Readonly<Record<string, () => Promise<Call>>> = {
  'list-facilities': async () => ({
    token: memberToken('member-basic'),
    // `noTimeLimit` also reads the space catalogue: the dearest search.
    request: { path: '/v1/facilities?noTimeLimit=true' },
  }),
  'get-facility': async () => ({ token: memberToken('member-basic'), request: { path: `/v1/facilities/${FACILITY}` } }),
  'get-availability': async () => ({
    token: memberToken('member-basic'),
    request: { path: `/v1/spaces/${SPACE}/availability?date=${TODAY}` },
  }),
  // A corporate member also reads its company.
  'get-me': async () => ({ token: memberToken('member-corporate'), request: { path: '/v1/me' } }),
  // The member (a plan in force); issuing writes nothing.
  'get-ticket': async () => ({ token: memberToken('member-basic'), request: { path: '/v1/me/ticket' } }),
  'create-reservation': async () => {
    const { token } = await newMember(api, 'basic');
    return {
      token,
      request: {
        path: '/v1/reservations',
        body: { spaceId: SPACE, start: at(TOMORROW, '14:00'), end: at(TOMORROW, '15:00') },
        headers: { 'idempotency-key': `cost-${Date.now()}` },
      },
    };
  },
  'list-reservations': async () => {
    const { token } = await newMember(api, 'premium');
    await book(api, token, SPACE, at(TOMORROW, '16:00'), at(TOMORROW, '17:00'));
    await book(api, token, SPACE, at('2026-11-26', '16:00'), at('2026-11-26', '17:00'));
    return { token, request: { path: '/v1/reservations?scope=upcoming' } };
  },
  'get-reservation': async () => {
    const { token } = await newMember(api, 'premium');
    const { id } = await book(api, token, SPACE, at(TOMORROW, '18:00'), at(TOMORROW, '19:00'));
    return { token, request: { path: `/v1/reservations/${id}` } };
  },
  'cancel-reservation': async () => {
    const { token } = await newMember(api, 'premium');
    const { id } = await book(api, token, SPACE, at('2026-11-26', '10:00'), at('2026-11-26', '11:00'));
    return { token, request: { path: `/v1/reservations/${id}/cancel`, body: {} } };
  },
  'extend-reservation': async () => {
    // 10:00–10:30 (start = now is allowed) at the TIMEWORK desk, which allows extension during the stay
    // (the demo H1T spaces allow none, as the current guide says).
    const { token } = await newMember(api, 'basic');
    const { id } = await book(api, token, 'tw-shibuya-desk', NOW, at(TODAY, '10:30'));
    const moved = await api.post('/local/clock', { now: at(TODAY, '10:20') });
    expect(moved.body.now).toBe(at(TODAY, '10:20'));
    return { token, request: { path: `/v1/reservations/${id}/extend`, body: { minutes: 15 } } };
  },
  'list-purchases': async () => {
    const { token } = await memberWithBoughtPlan(api, 'basic', NOW);
    return { token, request: { path: '/v1/me/purchases' } };
  },
  'change-plan': async () => {
    const { token } = await memberWithBoughtPlan(api, 'basic', NOW);
    return { token, request: { path: '/v1/me/plan/change', body: { plan: 'premium' } } };
  },
  'stop-renewal': async () => {
    const { token } = await memberWithBoughtPlan(api, 'basic', NOW);
    return { token, request: { path: '/v1/me/plan/stop-renewal', body: {} } };
  },
  'record-purchase': async () => {
    const { memberId } = await memberWithoutPlan(api);
    return {
      token: adminToken(),
      request: {
        path: `/v1/admin/members/${memberId}/purchases`,
        body: { plan: 'premium', paidAt: NOW, amount: 19800 },
      },
    };
  },
  'create-facility': async () => ({
    token: adminToken(),
    request: { path: `/v1/admin/partners/${REQUEST_PARTNER}/facilities`, body: NEW_FACILITY },
  }),
  'create-open-space': async () => ({
    token: adminToken(),
    request: {
      path: `/v1/admin/facilities/${REQUEST_FACILITY}/open-spaces`,
      body: { name: 'ラウンジ', capacity: 10, price15: 250 },
    },
  }),
  'set-doors': async () => {
    const facility = await api.get(`/v1/operator/facilities/${REQUEST_FACILITY}`, partnerOperator);
    return {
      token: adminToken(),
      request: {
        path: `/v1/admin/facilities/${REQUEST_FACILITY}/doors`,
        body: REQUEST_FACILITY_DOORS,
        headers: { 'if-match': String(facility.etag) },
      },
    };
  },
  'create-company': async () => ({
    token: adminToken(),
    request: { path: '/v1/admin/companies', body: { name: '株式会社コスト', monthlyCap: 10 } },
  }),
  'get-company': async () => ({ token: adminToken(), request: { path: `/v1/admin/companies/${COMPANY}` } }),
  'edit-company': async () => {
    const company = await api.get(`/v1/admin/companies/${COMPANY}`, adminToken());
    return {
      token: adminToken(),
      request: {
        path: `/v1/admin/companies/${COMPANY}`,
        body: { monthlyCap: null },
        headers: { 'if-match': String(company.etag) },
      },
    };
  },
  'record-agreed-extension': async () => {
    const { id } = await stayNow(true);
    return {
      token: adminToken(),
      request: { path: `/v1/admin/reservations/${id}/agreed-extension`, body: { end: at(TODAY, '10:45') } },
    };
  },
  'correct-visit': async () => {
    // a visit with a guest, out with the member at 10:30; the back office says they left at 10:20 (the afterEach
    // puts the clock back)
    const { token, id } = await visitNow(1);
    await api.post('/local/clock', { now: at(TODAY, '10:30') });
    const out = await api.post(`/v1/visits/${id}/checkout`, { qrValue: OPEN_SPACE_QR }, token);
    if (out.status !== 200) throw new Error(`drop-in checkout failed: ${JSON.stringify(out.body)}`);
    return {
      token: adminToken(),
      request: { path: `/v1/admin/visits/${id}/correction`, body: { checkedOutAt: at(TODAY, '10:20') } },
    };
  },
  'link-corporate-code': async () => {
    const { token } = await newMember(api, 'basic');
    return { token, request: { path: '/v1/me/corporate-code', body: { code: CORPORATE_CODE } } };
  },
  'check-in': async () => {
    const { token, id } = await stayNow(false);
    return { token, request: { path: `/v1/reservations/${id}/check-in`, body: { doorId: DOOR } } };
  },
  unlock: async () => {
    const { token, id } = await stayNow(true);
    return { token, request: { path: `/v1/reservations/${id}/unlock`, body: { doorId: DOOR } } };
  },
  checkout: async () => {
    const { token, id } = await stayNow(true);
    return { token, request: { path: `/v1/reservations/${id}/checkout`, body: { doorId: DOOR } } };
  },
  'get-unlock-command': async () => {
    const { token, commandId } = await stayNow(true);
    return { token, request: { path: `/v1/unlock-commands/${commandId}` } };
  },
  'list-booking-requests': async () => {
    await bookingRequest('10:00', '11:00');
    return {
      token: partnerOperator,
      request: { path: `/v1/operator/booking-requests?facilityId=${REQUEST_FACILITY}` },
    };
  },
  'approve-booking-request': async () => {
    const id = await bookingRequest('13:00', '14:00');
    return { token: partnerOperator, request: { path: `/v1/operator/booking-requests/${id}/approve`, body: {} } };
  },
  'reject-booking-request': async () => {
    const id = await bookingRequest('15:00', '16:00');
    return { token: partnerOperator, request: { path: `/v1/operator/booking-requests/${id}/reject`, body: {} } };
  },
  'list-operator-facilities': async () => ({ token: partnerOperator, request: { path: '/v1/operator/facilities' } }),
  'get-operator-facility': async () => ({
    token: partnerOperator,
    request: { path: `/v1/operator/facilities/${REQUEST_FACILITY}` },
  }),
  'get-operator-space': async () => ({
    token: partnerOperator,
    request: { path: `/v1/operator/spaces/${REQUEST_SPACE}` },
  }),
  'edit-space': async () => {
    const path = `/v1/operator/spaces/${REQUEST_SPACE}`;
    const current = await api.get(path, partnerOperator);
    return {
      token: partnerOperator,
      request: { path, body: { intro: '駅から近い' }, headers: { 'if-match': String(current.etag) } },
    };
  },
  'create-space': async () => ({
    token: partnerOperator,
    request: {
      path: `/v1/operator/facilities/${REQUEST_FACILITY}/spaces`,
      body: { kind: 'seat', name: 'デスクZ', capacity: 2, price15: 300 },
    },
  }),
  'new-photo': async () => ({
    token: partnerOperator,
    request: {
      path: `/v1/operator/facilities/${REQUEST_FACILITY}/photos`,
      body: { contentType: 'image/gif', bytes: 4096, top: true },
    },
  }),
  'get-space-calendar': async () => ({
    token: partnerOperator,
    request: { path: `/v1/operator/spaces/${REQUEST_SPACE}/calendar` },
  }),
  'set-space-hours': async () => {
    const path = `/v1/operator/spaces/${REQUEST_SPACE}/calendar`;
    const current = await api.get(path, partnerOperator);
    return {
      token: partnerOperator,
      request: { path: `${path}/hours`, body: REQUEST_SPACE_HOURS, headers: { 'if-match': String(current.etag) } },
    };
  },
  'put-special-day': async () => {
    const path = `/v1/operator/spaces/${REQUEST_SPACE}/calendar`;
    const current = await api.get(path, partnerOperator);
    return {
      token: partnerOperator,
      request: {
        path: `${path}/special-days/${SPECIAL_DAY}`,
        body: { open: '10:00', close: '17:00' },
        headers: { 'if-match': String(current.etag) },
      },
    };
  },
  'add-closure': async () => ({
    token: partnerOperator,
    request: { path: `/v1/operator/spaces/${REQUEST_SPACE}/calendar/closures`, body: QUIET_CLOSURE },
  }),
  'delete-special-day': async () => {
    const path = `/v1/operator/spaces/${REQUEST_SPACE}/calendar`;
    const made = await api.put(`${path}/special-days/2026-12-06`, { open: '10:00', close: '12:00' }, partnerOperator, {
      'if-match': String((await api.get(path, partnerOperator)).etag),
    });
    return {
      token: partnerOperator,
      request: { path: `${path}/special-days/2026-12-06`, headers: { 'if-match': String(made.etag) } },
    };
  },
  'delete-closure': async () => {
    const path = `/v1/operator/spaces/${REQUEST_SPACE}/calendar`;
    const made = await api.post(`${path}/closures`, { date: '2026-12-31' }, partnerOperator);
    return {
      token: partnerOperator,
      request: { path: `${path}/closures/${made.body.closureId}`, headers: { 'if-match': String(made.etag) } },
    };
  },
  'check-in-visit': async () => ({
    token: (await newMember(api, 'premium')).token,
    request: {
      path: '/v1/visits',
      body: { qrValue: OPEN_SPACE_QR },
      headers: { 'idempotency-key': `cost-visit-${Date.now()}` },
    },
  }),
  'list-visits': async () => {
    const { token, id } = await visitNow();
    expect(id).toBeDefined();
    return { token, request: { path: '/v1/visits?scope=current' } };
  },
  'get-visit': async () => {
    const { token, id } = await visitNow();
    return { token, request: { path: `/v1/visits/${id}` } };
  },
  'checkout-visit': async () => {
    const { token, id } = await visitNow(1);
    return { token, request: { path: `/v1/visits/${id}/checkout`, body: { qrValue: OPEN_SPACE_QR } } };
  },
  'add-guests': async () => {
    const { token, id } = await visitNow();
    return {
      token,
      request: {
        path: `/v1/visits/${id}/guests`,
        body: { count: 2 },
        headers: { 'idempotency-key': `cost-guests-${Date.now()}` },
      },
    };
  },
  'checkout-guest': async () => {
    const { token, id } = await visitNow(2);
    return { token, request: { path: `/v1/visits/${id}/guests/g1/checkout`, body: {} } };
  },
  'check-in-by-ticket': async () => {
    const { token } = await newMember(api, 'premium');
    const ticket = (await api.get('/v1/me/ticket', token)).body.ticket;
    return {
      token: operatorToken('op-regus-staff', OPEN_SPACE_PARTNER, 'staff'),
      request: {
        path: '/v1/operator/tickets/check-in',
        body: { ticket, spaceId: OPEN_SPACE },
        headers: { 'idempotency-key': `cost-ticket-${Date.now()}` },
      },
    };
  },
  'get-current-usage': async () => {
    await visitNow(1);
    return {
      token: operatorToken('op-regus-usage', OPEN_SPACE_PARTNER, 'usage'),
      // a facility named: its partner is read too
      request: { path: '/v1/operator/usage/current?facilityId=regus-marunouchi' },
    };
  },
  'list-usage-visits': async () => {
    await visitNow();
    return {
      token: operatorToken('op-regus-usage', OPEN_SPACE_PARTNER, 'usage'),
      // no facility named: the partner's facilities are picked from the facility index, the page's spaces read
      request: { path: `/v1/operator/usage/visits?from=${TODAY}&to=${TODAY}` },
    };
  },
  'list-usage-guests': async () => {
    await visitNow(2);
    return {
      token: operatorToken('op-regus-staff', OPEN_SPACE_PARTNER, 'staff'),
      request: { path: `/v1/operator/usage/guests?from=${TODAY}&to=${TODAY}` },
    };
  },
  'list-usage-reservations': async () => {
    // a cancelled reservation: one that ended, so its sales records are asked for
    const { token } = await newMember(api, 'premium');
    const { id } = await book(api, token, 'tw-shibuya-desk', at(TOMORROW, '10:00'), at(TOMORROW, '11:00'));
    const cancelled = await api.post(`/v1/reservations/${id}/cancel`, {}, token);
    if (cancelled.status !== 200) throw new Error(`cancel failed: ${JSON.stringify(cancelled.body)}`);
    return {
      token: operatorToken('op-tw-usage', REQUEST_PARTNER, 'usage'),
      // a facility named (its partner read), then the spaces of the page and the records of the ended ones
      request: { path: `/v1/operator/usage/reservations?from=${TODAY}&to=${TOMORROW}&facilityId=${REQUEST_FACILITY}` },
    };
  },
  'set-congestion': async () => ({
    token: operatorToken('op-regus-staff', OPEN_SPACE_PARTNER, 'staff'),
    request: { path: `/v1/operator/spaces/${OPEN_SPACE}/congestion`, body: { level: 'plenty' } },
  }),
  'get-qr-poster': async () => ({
    token: operatorToken('op-regus-staff', OPEN_SPACE_PARTNER, 'staff'),
    request: { path: `/v1/operator/spaces/${OPEN_SPACE}/qr` },
  }),
  'list-sales': async () => {
    await settledStay();
    return {
      token: operatorToken('op-tw-staff', REQUEST_PARTNER, 'staff'),
      // the dearest call: a facility and a space named (their partner read), the whole range as CSV with names
      request: {
        path: `/v1/operator/sales?from=${TODAY}&to=${TODAY}&facilityId=${REQUEST_FACILITY}&spaceId=${SALES_SPACE}`,
        headers: { accept: 'text/csv' },
      },
    };
  },
  'get-sales-summary': async () => {
    await settledStay();
    return {
      token: operatorToken('op-tw-staff', REQUEST_PARTNER, 'staff'),
      request: {
        path: `/v1/operator/sales/summary?unit=day&from=2026-11-01&to=${TODAY}&facilityId=${REQUEST_FACILITY}`,
      },
    };
  },
  'delete-photo': async () => {
    const photo = await api.post(
      `/v1/operator/facilities/${REQUEST_FACILITY}/photos`,
      { contentType: 'image/jpeg', bytes: 1024 },
      partnerOperator,
    );
    return { token: partnerOperator, request: { path: `/v1/operator/photos/${photo.body.photoId}` } };
  },
  'list-operator-accounts': async () => ({ token: partnerOperator, request: { path: '/v1/operator/accounts' } }),
  'create-operator-account': async () => ({
    token: partnerOperator,
    request: {
      path: '/v1/operator/accounts',
      body: { email: `cost-${Date.now()}@tw.example.com`, name: '受付', role: 'staff' },
    },
  }),
  'get-operator-account': async () => ({
    token: partnerOperator,
    request: { path: '/v1/operator/accounts/op-tw-staff' },
  }),
  'edit-operator-account': async () => {
    // the dearest edit: a full account disabled, with op-tw-full kept as the partner's full operator
    const made = await api.post(
      '/v1/operator/accounts',
      { email: `cost-full-${Date.now()}@tw.example.com`, name: '副管理者', role: 'full' },
      partnerOperator,
    );
    return {
      token: partnerOperator,
      request: {
        path: `/v1/operator/accounts/${made.body.operatorId}`,
        body: { status: 'inactive' },
        headers: { 'if-match': String(made.etag) },
      },
    };
  },
  'get-partner-profile': async () => ({ token: partnerOperator, request: { path: '/v1/operator/partner' } }),
  'edit-partner-profile': async () => {
    const current = await api.get('/v1/operator/partner', partnerOperator);
    return {
      token: partnerOperator,
      request: {
        path: '/v1/operator/partner',
        body: { paymentNoticeEmails: ['keiri@tw.example.com'] },
        headers: { 'if-match': String(current.etag) },
      },
    };
  },
  'create-partner': async () => ({
    token: adminToken(),
    request: {
      path: '/v1/admin/partners',
      body: {
        name: '新しい加盟店',
        payoutRatePercent: 70,
        paymentNoticeEmails: ['billing@new.example.com'],
        admin: { email: `cost-admin-${Date.now()}@new.example.com`, name: '管理者' },
      },
    },
  }),
  'record-company-payment': async () => ({
    token: adminToken(),
    request: {
      path: '/v1/admin/company-payments',
      body: { companyId: COMPANY, month: OPEN_PERIOD, amount: 12000 },
      headers: { 'idempotency-key': `cost-payment-${Date.now()}` },
    },
  }),
  'record-partner-offset': async () => ({
    token: adminToken(),
    request: {
      path: `/v1/admin/partners/${REQUEST_PARTNER}/offsets`,
      body: { month: OPEN_PERIOD, amount: 800, reason: '備品破損' },
      headers: { 'idempotency-key': `cost-offset-${Date.now()}` },
    },
  }),
  'mark-payment-notice-paid': async () => {
    // a notice of its own, still issued: the dearer call marks it
    const noticeId = await issueContractNotice('2026-09');
    return {
      token: adminToken(),
      request: {
        path: `/v1/admin/payment-notices/${encodeURIComponent(noticeId)}/paid`,
        body: { paidOn: '2026-12-01' },
        headers: { 'idempotency-key': `cost-paid-${Date.now()}` },
      },
    };
  },
  'list-payment-notices': async () => {
    await issueContractNotice();
    return {
      token: operatorToken('op-tw-staff', REQUEST_PARTNER, 'staff'),
      request: { path: '/v1/operator/payment-notices?limit=10' },
    };
  },
  'get-payment-notice': async () => {
    await issueContractNotice();
    return {
      token: operatorToken('op-tw-staff', REQUEST_PARTNER, 'staff'),
      // the dearer call: the notice as a PDF (its partner read for the addressee's name)
      request: {
        path: `/v1/operator/payment-notices/${encodeURIComponent(CONTRACT_NOTICE)}`,
        headers: { accept: 'application/pdf' },
      },
    };
  },
  'list-payment-notice-lines': async () => {
    await issueContractNotice();
    return {
      token: operatorToken('op-tw-staff', REQUEST_PARTNER, 'staff'),
      // the dearer call: every line as CSV (the ids' chunks and the period's lines read whole)
      request: {
        path: `/v1/operator/payment-notices/${encodeURIComponent(CONTRACT_NOTICE)}/lines`,
        headers: { accept: 'text/csv' },
      },
    };
  },
  'list-payment-notice-offsets': async () => {
    await issueContractNotice();
    return {
      token: operatorToken('op-tw-staff', REQUEST_PARTNER, 'staff'),
      request: { path: `/v1/operator/payment-notices/${encodeURIComponent(CONTRACT_NOTICE)}/offsets` },
    };
  },
  'request-export': async () => ({
    token: operatorToken('op-tw-staff', REQUEST_PARTNER, 'staff'),
    // the dearer call: a facility named (read for its partner)
    request: {
      path: '/v1/operator/exports',
      body: { kind: 'sales', from: '2026-11-01', to: '2026-11-30', facilityId: REQUEST_FACILITY },
      headers: { 'idempotency-key': `cost-export-${Date.now()}` },
    },
  }),
  'get-export': async () => {
    await issueContractExport();
    return {
      token: operatorToken('op-tw-staff', REQUEST_PARTNER, 'staff'),
      request: { path: `/v1/operator/exports/${CONTRACT_EXPORT}` },
    };
  },
  'edit-facility': async () => {
    const path = `/v1/operator/facilities/${REQUEST_FACILITY}`;
    const current = await api.get(path, partnerOperator);
    return {
      token: partnerOperator,
      request: {
        path,
        body: { description: 'いつでも使える個室と会議室' },
        headers: { 'if-match': String(current.etag) },
      },
    };
  },
};

/** The unlock command an answer carries (check-in and checkout: `unlock`; unlock: the command itself). */
const commandOf = (body: { unlock?: { commandId?: string }; commandId?: string; doorId?: string } | undefined) =>
  body?.unlock?.commandId ?? (body?.doorId ? body.commandId : undefined);

/** `commands` without `n` door-result recordings (`UpdateItem`), which the door-event handler sent. */
function withoutDoorResults(commands: readonly string[], n: number): string[] {
  const rest = [...commands];
  for (let i = 0; i < n; i++) {
    const at = rest.findIndex((c) => /^Update/.test(c));
    if (at >= 0) rest.splice(at, 1);
  }
  return rest;
}

/** Sends the call and returns its answer and the commands it sent. */
async function measure(route: Route, call: Call) {
  await settle(api);
  const before = commandLog.length;
  const answered = doorAnswers.length;
  const answer = await send(api, route, call.request, call.token);
  let commands = commandLog.slice(before);
  if (route.publishesUnlocks) {
    const commandId = commandOf(answer.body);
    const deadline = Date.now() + 5_000;
    while (commandId && !doorAnswers.includes(commandId) && Date.now() < deadline) await sleep(20);
    await settle(api);
    const doorEvents = doorAnswers.slice(answered).length;
    commands = withoutDoorResults(commandLog.slice(before), doorEvents);
  }
  return { answer, commands };
}

describe('cost of one successful call', () => {
  it('has a call for every route row', () => {
    expect(routes.filter((r) => !(r.id in calls)).map((r) => r.id)).toEqual([]);
  });

  it.each(rows())('%s stays within its table command bound, without Scan', async (id, route) => {
    const prepare = calls[id];
    if (!prepare) throw new Error(`No successful call for route ${id}: add one to contract/cost.test.ts`);
    const call = await prepare();
    const { answer, commands } = await measure(route, call);
    console.log('COST', id, tableCommandsOf(route), commands.join(','));
    expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(200);
    expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
    expect(commands.length, commands.join(', ')).toBeGreaterThanOrEqual(1);
    expect(commands.length, commands.join(', ')).toBeLessThanOrEqual(tableCommandsOf(route));
    expect(commands.filter((c) => /^Scan/.test(c))).toEqual([]);
  });
});
