/**
 * Section 4: DynamoDB capacity per route call and for the member's journey, as DynamoDB Local reports it
 * (`ReturnConsumedCapacity: 'TOTAL'`, table and indexes), counted by the bench's middleware on the shared
 * document client (`observe.ts`). Calls run one at a time; the door-event handler's recordings (one
 * `UpdateItem` per door answer, asynchronous) are counted apart, after waiting for them.
 */

import { isoWeekday } from '../../lambdas/domain/calendar';
import { NoticeRecordsRepository, PaymentNoticeRepository, paymentNotice } from '../../lambdas/modules/settlement';
import { transact } from '../../lambdas/platform/dynamo/transactions';
import { type Route, routes, tableCommandsOf } from '../../lambdas/routes';
import { issueToken } from '../../lib/local/tokens';
import { addDays, at, DAY, newMembers, T } from './fixtures';
import type { Floor } from './floor';
import type { Answer, Api } from './http';
import type { TableObserver, Usage } from './observe';
import type { Progress } from './progress';

export interface CostRow {
  route: string;
  /** What the call was. */
  call: string;
  commands: string[];
  /** The route's bound (`tableCommandsOf`: its row's, and the read of an operator caller's account). */
  maxTableCommands: number;
  rcu: number;
  wcu: number;
  /** Items written in transactions. */
  txItems: number;
  /** The door's answer, recorded asynchronously (routes that open a door). */
  doorEvent?: { rcu: number; wcu: number; commands: string[]; txItems: number };
}

export interface CostSection {
  rows: CostRow[];
  journey: {
    steps: string[];
    rcu: number;
    wcu: number;
    doorEventWcu: number;
    commands: number;
    /** `TransactWriteItems` calls among the commands, and the items they write. */
    transactions: number;
    txItems: number;
  };
  /** Routes of the table without a row (should be none). */
  missing: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const routeById = (id: string) => routes.find((r) => r.id === id) as Route;

const sum = (usage: Usage) => ({ rcu: usage.rcu, wcu: usage.wcu, commands: usage.commands, txItems: usage.txItems });

export async function measureCost(
  api: Api,
  floor: Floor,
  observer: TableObserver,
  progress: Progress,
): Promise<CostSection> {
  progress.step('DynamoDB cost: one call per route, one journey');
  const rows: CostRow[] = [];
  const [traveller, extender, canceller, requester] = await newMembers(floor.doc, floor.tableName, 4);
  const [linker, buyer] = await newMembers(floor.doc, floor.tableName, 2, 'basic');
  if (!traveller || !extender || !canceller || !linker || !requester || !buyer) throw new Error('members missing');
  const admin = issueToken({ sub: 'admin-1', role: 'admin' });
  const operator = issueToken({ sub: 'op-tw-full', role: 'operator', partnerId: 'partner-tw', operatorRole: 'full' });

  /** One call in its own window; waits for the door's answer when the route opens a door. */
  const measure = async (routeId: string, call: string, send: () => Promise<Answer>, expected: number) => {
    const route = routeById(routeId);
    observer.take();
    const answer = await api.expect(expected, send(), `${routeId} (cost)`);
    // a door answers the unlock command a call issued (check-in, unlock, checkout); a call that only publishes to the
    // doors otherwise (an extension re-sending a keypad code) issues none
    const body = answer.body as { commandId?: string; unlock?: { commandId?: string } } | undefined;
    const doorEvent = route.publishesUnlocks === true && (body?.unlock?.commandId ?? body?.commandId) !== undefined;
    if (doorEvent) {
      const deadline = Date.now() + 5_000;
      while (observer.doorEvents.commands.length === 0) {
        if (Date.now() > deadline) throw new Error(`${routeId}: no door answer recorded within 5 s`);
        await sleep(2);
      }
    }
    const { main, doorEvents } = observer.take();
    rows.push({
      route: routeId,
      call,
      ...sum(main),
      maxTableCommands: tableCommandsOf(route),
      ...(doorEvent ? { doorEvent: sum(doorEvents) } : {}),
    });
    return answer;
  };

  // Let the door answers of earlier sections land before the first window.
  for (let quiet = 0; quiet < 3; ) {
    const { doorEvents } = observer.take();
    quiet = doorEvents.commands.length === 0 ? quiet + 1 : 0;
    await sleep(100);
  }

  // The journey: search → book → check in → unlock → check out, on the demo's H1T九段下.
  const t = traveller.token;
  await measure(
    'list-facilities',
    'GET /v1/facilities?kind=reservation',
    () => api.get('/v1/facilities?kind=reservation', t),
    200,
  );
  await measure(
    'get-facility',
    'GET /v1/facilities/h1t-kudanshita',
    () => api.get('/v1/facilities/h1t-kudanshita', t),
    200,
  );
  await measure(
    'get-availability',
    'GET availability of h1t-kudanshita-box today',
    () => api.get(`/v1/spaces/h1t-kudanshita-box/availability?date=${DAY}`, t),
    200,
  );
  const booked = await measure(
    'create-reservation',
    'POST 1 h on h1t-kudanshita-box, starting now',
    () => api.post('/v1/reservations', { spaceId: 'h1t-kudanshita-box', start: T, end: at(DAY, '12:30') }, t),
    201,
  );
  const id = String(booked.body.id);
  const checkIn = await measure(
    'check-in',
    'POST check-in at h1t-kudanshita-front',
    () => api.post(`/v1/reservations/${id}/check-in`, { doorId: 'h1t-kudanshita-front' }, t),
    200,
  );
  await measure(
    'unlock',
    'POST unlock (re-entry)',
    () => api.post(`/v1/reservations/${id}/unlock`, { doorId: 'h1t-kudanshita-side' }, t),
    202,
  );
  await measure(
    'checkout',
    'POST checkout',
    () => api.post(`/v1/reservations/${id}/checkout`, { doorId: 'h1t-kudanshita-front' }, t),
    200,
  );
  const journeySteps = [
    'list-facilities',
    'get-facility',
    'get-availability',
    'create-reservation',
    'check-in',
    'unlock',
    'checkout',
  ];
  const journeyRows = rows.slice(0, journeySteps.length);

  // The other member routes.
  await measure('get-me', 'GET /v1/me', () => api.get('/v1/me', t), 200);
  await measure('get-ticket', 'GET /v1/me/ticket', () => api.get('/v1/me/ticket', t), 200);
  await measure(
    'list-reservations',
    'GET /v1/reservations?scope=past',
    () => api.get('/v1/reservations?scope=past', t),
    200,
  );
  await measure('get-reservation', 'GET /v1/reservations/{id}', () => api.get(`/v1/reservations/${id}`, t), 200);
  await measure(
    'get-unlock-command',
    'GET the check-in command',
    () => api.get(`/v1/unlock-commands/${checkIn.body.unlock.commandId}`, t),
    200,
  );
  const later = await api.expect(
    201,
    api.post(
      '/v1/reservations',
      { spaceId: 'h1t-kudanshita-box', start: at(addDays(DAY, 2), '10:00'), end: at(addDays(DAY, 2), '11:00') },
      canceller.token,
    ),
    'booking to cancel',
  );
  await measure(
    'cancel-reservation',
    'POST cancel (2 days ahead)',
    () => api.post(`/v1/reservations/${later.body.id}/cancel`, undefined, canceller.token),
    200,
  );
  const short = await api.expect(
    201,
    api.post('/v1/reservations', { spaceId: 'tw-shibuya-desk', start: T, end: at(DAY, '11:45') }, extender.token),
    'booking to extend',
  );
  await measure(
    'extend-reservation',
    'POST extend 15 min (during a booking, TIMEWORK desk)',
    () => api.post(`/v1/reservations/${short.body.id}/extend`, { minutes: 15 }, extender.token),
    200,
  );
  await measure(
    'record-agreed-extension',
    'POST an extension agreed on site (admin, 15 min more)',
    () => api.post(`/v1/admin/reservations/${short.body.id}/agreed-extension`, { end: at(DAY, '12:15') }, admin),
    200,
  );
  await measure(
    'link-corporate-code',
    'POST corporate code (basic member)',
    () => api.post('/v1/me/corporate-code', { code: '1234567890123456' }, linker.token),
    200,
  );

  // Plans: the payment provider reports a purchase; the member changes the next renewal, stops it, lists purchases.
  await measure(
    'record-purchase',
    'POST a purchase (admin)',
    () =>
      api.post(
        `/v1/admin/members/${buyer.memberId}/purchases`,
        { plan: 'basic', paidAt: at(DAY, '09:00'), amount: 9800 },
        admin,
      ),
    201,
  );
  await measure(
    'change-plan',
    'POST plan change',
    () => api.post('/v1/me/plan/change', { plan: 'premium' }, buyer.token),
    200,
  );
  await measure('stop-renewal', 'POST stop renewal', () => api.post('/v1/me/plan/stop-renewal', {}, buyer.token), 200);
  await measure('list-purchases', 'GET /v1/me/purchases', () => api.get('/v1/me/purchases', buyer.token), 200);

  // Partner routes: two booking requests to TIMEWORK渋谷, one approved, one rejected.
  const request = async (date: string) =>
    String(
      (
        await api.expect(
          201,
          api.post(
            '/v1/reservations',
            { spaceId: 'tw-shibuya-room-a', start: at(date, '10:00'), end: at(date, '11:00') },
            requester.token,
          ),
          'booking request',
        )
      ).body.id,
    );
  const toApprove = await request(addDays(DAY, 1));
  const toReject = await request(addDays(DAY, 2));
  await measure(
    'list-booking-requests',
    'GET requests of tw-shibuya (operator)',
    () => api.get('/v1/operator/booking-requests?facilityId=tw-shibuya', operator),
    200,
  );
  await measure(
    'approve-booking-request',
    'POST approve',
    () => api.post(`/v1/operator/booking-requests/${toApprove}/approve`, undefined, operator),
    200,
  );
  await measure(
    'reject-booking-request',
    'POST reject',
    () => api.post(`/v1/operator/booking-requests/${toReject}/reject`, undefined, operator),
    200,
  );

  // The partner's catalogue: its facilities, one read for its version, an edit on it, a photo to upload.
  const facilityPath = '/v1/operator/facilities/tw-shibuya';
  await measure(
    'list-operator-facilities',
    'GET own facilities',
    () => api.get('/v1/operator/facilities', operator),
    200,
  );
  const facility = await measure(
    'get-operator-facility',
    'GET own facility',
    () => api.get(facilityPath, operator),
    200,
  );
  const version = (facility.body as { version: number }).version;
  await measure(
    'edit-facility',
    'PATCH own facility (description)',
    () => api.call('PATCH', facilityPath, { description: 'bench' }, operator, { 'if-match': `"${version}"` }),
    200,
  );
  const photo = await measure(
    'new-photo',
    'POST a photo (presigned upload)',
    () => api.post(`${facilityPath}/photos`, { contentType: 'image/jpeg', bytes: 2048 }, operator),
    201,
  );
  await measure(
    'delete-photo',
    'DELETE the photo',
    () => api.call('DELETE', `/v1/operator/photos/${(photo.body as { photoId: string }).photoId}`, undefined, operator),
    204,
  );

  const spacePath = '/v1/operator/spaces/tw-shibuya-desk';
  const space = await measure('get-operator-space', 'GET own space', () => api.get(spacePath, operator), 200);
  const spaceVersion = (space.body as { version: number }).version;
  await measure(
    'edit-space',
    'PATCH own space (intro)',
    () => api.call('PATCH', spacePath, { intro: 'bench' }, operator, { 'if-match': `"${spaceVersion}"` }),
    200,
  );
  await measure(
    'create-space',
    'POST a meeting room',
    () =>
      api.post(`${facilityPath}/spaces`, { kind: 'meetingRoom', name: 'bench', capacity: 4, price15: 400 }, operator),
    201,
  );

  // The desk's calendar: read it, set its week as it is, open a Sunday and close a day's noon, take both back.
  const calendarPath = `${spacePath}/calendar`;
  const calendar = await measure(
    'get-space-calendar',
    'GET own space calendar',
    () => api.get(calendarPath, operator),
    200,
  );
  const week = (calendar.body as { hours: unknown }).hours;
  const ifMatch = async () => ({
    'if-match': `"${((await api.get(calendarPath, operator)).body as { version: number }).version}"`,
  });
  const sunday = addDays(DAY, 7 - isoWeekday(DAY));
  const closureDay = addDays(DAY, 20);
  // each edit's If-Match is read before its window opens
  let calendarIfMatch = await ifMatch();
  await measure(
    'set-space-hours',
    'PUT the week (as it is)',
    () => api.call('PUT', `${calendarPath}/hours`, week, operator, calendarIfMatch),
    200,
  );
  calendarIfMatch = await ifMatch();
  const specialDay = { open: '10:00', close: '15:00' };
  await measure(
    'put-special-day',
    'PUT a special Sunday',
    () => api.call('PUT', `${calendarPath}/special-days/${sunday}`, specialDay, operator, calendarIfMatch),
    200,
  );
  const closure = await measure(
    'add-closure',
    'POST a noon closure',
    () => api.post(`${calendarPath}/closures`, { date: closureDay, from: '12:00', to: '13:00' }, operator),
    201,
  );
  calendarIfMatch = await ifMatch();
  await measure(
    'delete-special-day',
    'DELETE the special Sunday',
    () => api.call('DELETE', `${calendarPath}/special-days/${sunday}`, undefined, operator, calendarIfMatch),
    204,
  );
  const closureId = (closure.body as { closureId: string }).closureId;
  calendarIfMatch = await ifMatch();
  await measure(
    'delete-closure',
    'DELETE the closure',
    () => api.call('DELETE', `${calendarPath}/closures/${closureId}`, undefined, operator, calendarIfMatch),
    204,
  );

  // An open space's congestion, set by its partner's staff (TIMEWORK has no open space: the Regus lounge).
  const regusStaff = issueToken({
    sub: 'op-regus-staff',
    role: 'operator',
    partnerId: 'partner-regus',
    operatorRole: 'staff',
  });
  await measure(
    'set-congestion',
    'PUT an open space congestion',
    () => api.call('PUT', '/v1/operator/spaces/regus-marunouchi-lounge/congestion', { level: 'crowded' }, regusStaff),
    200,
  );
  // Its printable QR poster (a PDF; the reads are the space and its facility, the rest is drawing).
  await measure(
    'get-qr-poster',
    'GET an open space QR poster',
    () => api.call('GET', '/v1/operator/spaces/regus-marunouchi-lounge/qr', undefined, regusStaff),
    200,
  );

  // A drop-in visit at the Regus lounge: scan in, a guest comes and goes, scan out; reception checks one in by ticket.
  const [visitor, receptionist] = await newMembers(floor.doc, floor.tableName, 2);
  if (!visitor || !receptionist) throw new Error('members missing');
  const v = visitor.token;
  const regusQr = { qrValue: 'QR-REGUS-MARUNOUCHI' };
  const visit = await measure(
    'check-in-visit',
    'POST /v1/visits (the Regus lounge QR)',
    () => api.post('/v1/visits', regusQr, v),
    201,
  );
  const visitId = String(visit.body.id);
  await measure('list-visits', 'GET /v1/visits?scope=current', () => api.get('/v1/visits?scope=current', v), 200);
  await measure('get-visit', 'GET /v1/visits/{id}', () => api.get(`/v1/visits/${visitId}`, v), 200);
  await measure('add-guests', 'POST 2 guests', () => api.post(`/v1/visits/${visitId}/guests`, { count: 2 }, v), 201);
  await measure(
    'checkout-guest',
    'POST a guest out',
    () => api.post(`/v1/visits/${visitId}/guests/g1/checkout`, {}, v),
    200,
  );
  const regusUsage = issueToken({
    sub: 'op-regus-usage',
    role: 'operator',
    partnerId: 'partner-regus',
    operatorRole: 'usage',
  });
  await measure(
    'get-current-usage',
    'GET who is in the Regus lounge now',
    () => api.get('/v1/operator/usage/current?facilityId=regus-marunouchi', regusUsage),
    200,
  );
  // a minute on, so that the back office has an exit to correct the visit to (below)
  await api.expect(200, api.post('/local/clock', { advanceMinutes: 1 }), 'POST /local/clock');
  await measure(
    'checkout-visit',
    'POST checkout (the QR again), a guest out with the member',
    () => api.post(`/v1/visits/${visitId}/checkout`, regusQr, v),
    200,
  );
  // The back office corrects the visit's exit (a correction record of the differences, with the day's and month's
  // totals): 30 s after the check-in (its answer shows whole seconds; the guests came in at once), before the checkout.
  const checkedInAt = Date.parse(String(visit.body.checkedInAt));
  await measure(
    'correct-visit',
    'POST a visit correction (admin, the exit moved earlier, its guest with it)',
    () =>
      api.post(
        `/v1/admin/visits/${visitId}/correction`,
        { checkedOutAt: new Date(checkedInAt + 30_000).toISOString() },
        admin,
      ),
    200,
  );
  // The sales the checkout wrote: the day's lines of the lounge (JSON, then the CSV with names), and the month's totals.
  const salesQuery = `from=${DAY}&to=${DAY}&facilityId=regus-marunouchi&spaceId=regus-marunouchi-lounge`;
  await measure(
    'list-sales',
    'GET the lounge sales lines of the day as CSV',
    () => api.call('GET', `/v1/operator/sales?${salesQuery}`, undefined, regusStaff, { accept: 'text/csv' }),
    200,
  );
  await measure(
    'get-sales-summary',
    'GET the month sales summary of Regus',
    // DAY's calendar month
    () => api.get('/v1/operator/sales/summary?unit=month&from=2026-11-01&to=2026-11-30', regusStaff),
    200,
  );
  const ticket = (await api.get('/v1/me/ticket', receptionist.token)).body as { ticket: string };
  await measure(
    'check-in-by-ticket',
    'POST reception check-in by the member ticket',
    () =>
      api.post(
        '/v1/operator/tickets/check-in',
        { ticket: ticket.ticket, spaceId: 'regus-marunouchi-lounge' },
        regusStaff,
      ),
    201,
  );

  // The usage lists of the day: the Regus lounge's visits and their guests, TIMEWORK渋谷's reservations of the days of
  // its requests (one rejected: its sales records are asked for), by its usage account.
  await measure(
    'list-usage-visits',
    'GET the Regus visits of the day',
    () => api.get(`/v1/operator/usage/visits?from=${DAY}&to=${DAY}`, regusUsage),
    200,
  );
  await measure(
    'list-usage-guests',
    'GET the guests of the Regus visits of the day',
    () => api.get(`/v1/operator/usage/guests?from=${DAY}&to=${DAY}`, regusUsage),
    200,
  );
  const twUsage = issueToken({ sub: 'op-tw-usage', role: 'operator', partnerId: 'partner-tw', operatorRole: 'usage' });
  await measure(
    'list-usage-reservations',
    'GET TIMEWORK渋谷 reservations of three days, with their sales lines',
    () => api.get(`/v1/operator/usage/reservations?from=${DAY}&to=${addDays(DAY, 2)}&facilityId=tw-shibuya`, twUsage),
    200,
  );

  // The partner's accounts and profile.
  const account = await measure(
    'create-operator-account',
    'POST a staff account',
    () =>
      api.post('/v1/operator/accounts', { email: 'bench-staff@example.com', name: 'bench', role: 'staff' }, operator),
    201,
  );
  const accountPath = `/v1/operator/accounts/${(account.body as { operatorId: string }).operatorId}`;
  await measure('list-operator-accounts', 'GET own accounts', () => api.get('/v1/operator/accounts', operator), 200);
  const read = await measure('get-operator-account', 'GET an account', () => api.get(accountPath, operator), 200);
  await measure(
    'edit-operator-account',
    'PATCH an account (role usage)',
    () =>
      api.call('PATCH', accountPath, { role: 'usage' }, operator, {
        'if-match': `"${(read.body as { version: number }).version}"`,
      }),
    200,
  );
  const profile = await measure(
    'get-partner-profile',
    'GET own partner',
    () => api.get('/v1/operator/partner', operator),
    200,
  );
  await measure(
    'edit-partner-profile',
    'PATCH payment-notice e-mails',
    () =>
      api.call('PATCH', '/v1/operator/partner', { paymentNoticeEmails: ['bench@example.com'] }, operator, {
        'if-match': `"${(profile.body as { version: number }).version}"`,
      }),
    200,
  );

  // The back office: a partner with its first operator, a facility, an open space, doors, a company.
  await measure(
    'create-partner',
    'POST a partner (admin)',
    () =>
      api.post(
        '/v1/admin/partners',
        {
          name: 'Bench partner',
          payoutRatePercent: 70,
          paymentNoticeEmails: ['billing@bench.example.com'],
          admin: { email: 'bench-admin@example.com', name: 'bench' },
        },
        admin,
      ),
    201,
  );
  await measure(
    'create-facility',
    'POST a facility for TIMEWORK (admin)',
    () =>
      api.post(
        '/v1/admin/partners/partner-tw/facilities',
        {
          brand: 'TIMEWORK',
          kind: 'meeting',
          name: 'Bench facility',
          address: { prefecture: '東京都', city: '新宿区', street: '西新宿2-2-2' },
          location: { lat: 35.69, lng: 139.69 },
        },
        admin,
      ),
    201,
  );
  await measure(
    'create-open-space',
    'POST an open space (admin)',
    () => api.post('/v1/admin/facilities/tw-shibuya/open-spaces', { name: 'bench', capacity: 10, price15: 250 }, admin),
    201,
  );
  const facilityNow = await api.get(facilityPath, operator);
  await measure(
    'set-doors',
    'PUT the doors of TIMEWORK渋谷 (as they are)',
    () =>
      api.call(
        'PUT',
        '/v1/admin/facilities/tw-shibuya/doors',
        {
          items: [
            {
              doorId: 'tw-shibuya-door',
              name: '入口',
              keyType: 'smartLock',
              spaceIds: ['tw-shibuya-room-a', 'tw-shibuya-desk'],
            },
          ],
        },
        admin,
        { 'if-match': `"${(facilityNow.body as { version: number }).version}"` },
      ),
    200,
  );
  const company = await measure(
    'create-company',
    'POST a company (admin)',
    () => api.post('/v1/admin/companies', { name: 'Bench Corp', monthlyCap: 10 }, admin),
    201,
  );
  const companyPath = `/v1/admin/companies/${(company.body as { companyId: string }).companyId}`;
  await measure('get-company', 'GET a company (admin)', () => api.get(companyPath, admin), 200);
  await measure(
    'edit-company',
    'PATCH its monthly cap (admin)',
    () => api.call('PATCH', companyPath, { monthlyCap: 20 }, admin, { 'if-match': '"1"' }),
    200,
  );

  // Settlement: a payment of the bench company and an offset of TIMEWORK for a period far off, then the partner's notices
  // (one written as the settlement job writes it: the job runs on the clock, not through a route).
  const companyId = (company.body as { companyId: string }).companyId;
  await measure(
    'record-company-payment',
    'POST a company payment (admin)',
    () => api.post('/v1/admin/company-payments', { companyId, month: '2030-01', amount: 50000 }, admin),
    201,
  );
  await measure(
    'record-partner-offset',
    'POST an offset of TIMEWORK (admin)',
    () => api.post('/v1/admin/partners/partner-tw/offsets', { month: '2030-01', amount: 1000, reason: 'bench' }, admin),
    201,
  );
  const notice = paymentNotice(
    '2026-10',
    { partnerId: 'partner-tw', gross: 1200, paidByCompanies: 1000, companies: [], recordIds: ['reservation:bench'] },
    { ratePercent: 70, offsets: { offsets: 0, carriedIn: 0, after: null } },
    Date.parse('2026-12-01T00:05:00+09:00'),
  );
  await transact(floor.doc, [
    new PaymentNoticeRepository(floor.doc, floor.tableName).issued(notice),
    ...new NoticeRecordsRepository(floor.doc, floor.tableName).chunks(notice.noticeId, ['reservation:bench']),
  ]);
  await measure(
    'list-payment-notices',
    'GET own payment notices',
    () => api.get('/v1/operator/payment-notices', operator),
    200,
  );
  await measure(
    'get-payment-notice',
    'GET a payment notice',
    () => api.get(`/v1/operator/payment-notices/${encodeURIComponent(notice.noticeId)}`, operator),
    200,
  );
  await measure(
    'list-payment-notice-lines',
    "GET a payment notice's usage lines",
    () => api.get(`/v1/operator/payment-notices/${encodeURIComponent(notice.noticeId)}/lines`, operator),
    200,
  );
  await measure(
    'list-payment-notice-offsets',
    "GET a payment notice's offsets",
    () => api.get(`/v1/operator/payment-notices/${encodeURIComponent(notice.noticeId)}/offsets`, operator),
    200,
  );
  await measure(
    'mark-payment-notice-paid',
    'POST a payment notice paid (admin)',
    () =>
      api.post(
        `/v1/admin/payment-notices/${encodeURIComponent(notice.noticeId)}/paid`,
        { paidOn: '2026-12-01' },
        admin,
      ),
    200,
  );
  // the export job the request starts is held by the run (bench/run.ts): its reads are not the request's
  const exported = await measure(
    'request-export',
    'POST an export of a month of sales',
    () =>
      api.post(
        '/v1/operator/exports',
        { kind: 'sales', from: '2026-11-01', to: '2026-11-30', facilityId: 'tw-shibuya' },
        operator,
      ),
    202,
  );
  await measure(
    'get-export',
    'GET an export job',
    () => api.get(`/v1/operator/exports/${(exported.body as { exportId: string }).exportId}`, operator),
    200,
  );

  const covered = new Set(rows.map((r) => r.route));
  return {
    rows,
    journey: {
      steps: journeySteps,
      rcu: journeyRows.reduce((n, r) => n + r.rcu, 0),
      wcu: journeyRows.reduce((n, r) => n + r.wcu, 0),
      doorEventWcu: journeyRows.reduce((n, r) => n + (r.doorEvent?.wcu ?? 0), 0),
      commands: journeyRows.reduce((n, r) => n + r.commands.length, 0),
      transactions: journeyRows.reduce((n, r) => n + r.commands.filter((c) => c === 'TransactWrite').length, 0),
      txItems: journeyRows.reduce((n, r) => n + r.txItems, 0),
    },
    missing: routes.map((r) => r.id).filter((routeId) => !covered.has(routeId)),
  };
}
