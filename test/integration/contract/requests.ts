/**
 * One valid request per route row, keyed by route id. A new row of the route table needs an entry here:
 * the contract tests fail for a row without one.
 */
import { randomUUID } from 'node:crypto';
import { exportJobs } from '../../../lambdas/modules/partner/exports/deps';
import { paymentNotice, settlementDeps } from '../../../lambdas/modules/settlement';
import { type Route, routes } from '../../../lambdas/routes';
import { operatorToken } from '../support/local-stack';
import { at, CORPORATE_CODE, FACILITY, fillPath, paramsOf, type RouteRequest, SPACE, TODAY, TOMORROW } from './support';

export interface RequestContext {
  /** A reservation id for `{id}` of member routes. */
  id: string;
  /** A booking request (a reservation of a request space) for `{id}` of operator routes. */
  requestId?: string;
  /** An unlock command id for `{commandId}`, when the test has one. */
  commandId?: string;
  /** A member for `{memberId}` of admin routes (default member-basic). */
  memberId?: string;
  /** A photo of the request partner's facility for `{photoId}`, when the test has one. */
  photoId?: string;
  /** An operator account of the request partner for `{operatorId}` (default op-tw-staff). */
  operatorId?: string;
  /** A drop-in visit of the member for `{id}` of the visit routes, when the test has one. */
  visitId?: string;
  /** A payment notice of the request partner for `{id}` of the notice routes (default {@link CONTRACT_NOTICE}). */
  noticeId?: string;
}

/** The partner, facility and request space of the demo booking requests (TIMEWORK渋谷). */
export const REQUEST_PARTNER = 'partner-tw';
export const REQUEST_FACILITY = 'tw-shibuya';
export const REQUEST_SPACE = 'tw-shibuya-room-a';

/**
 * An open space and its partner (Regus丸の内's lounge): the request partner has none, and congestion is set and the QR
 * poster printed only for open spaces, so the rows of {@link OPEN_SPACE_ROUTES} name this one and are called by its
 * partner's operators.
 */
export const OPEN_SPACE = 'regus-marunouchi-lounge';
export const OPEN_SPACE_PARTNER = 'partner-regus';
/** The QR posted at {@link OPEN_SPACE}. */
export const OPEN_SPACE_QR = 'QR-REGUS-MARUNOUCHI';
/** The operator rows whose valid request names {@link OPEN_SPACE} rather than the request partner's spaces. */
export const OPEN_SPACE_ROUTES: readonly string[] = [
  'set-congestion',
  'get-qr-poster',
  'check-in-by-ticket',
  'get-current-usage',
  'list-usage-visits',
  'list-usage-guests',
];
/** A ticket of the right shape that no key signed (the contract tests never get past the caller with it). */
export const UNSIGNED_TICKET = 'v1.eyJtIjoibWVtYmVyLWJhc2ljIn0.c2lnbmF0dXJl';

/** A Sunday (the request space is closed on Sundays) that calendar routes open as a special day. */
export const SPECIAL_DAY = '2026-11-29';
/** The request space's weekly hours, as the demo data has them (weekdays 09:00–21:00). */
export const REQUEST_SPACE_HOURS = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, { open: '09:00', close: '21:00' }]),
);
/** A closure of the request space that no test books into. */
export const QUIET_CLOSURE = { date: '2026-12-30', from: '12:00', to: '13:00' };
/** The id of a closure like {@link QUIET_CLOSURE} loaded without one (its date and times). */
export const QUIET_CLOSURE_ID = '2026-12-30-1200-1300';

/** A new facility of the request partner, as the back office creates one (a fresh id each call). */
export const NEW_FACILITY = {
  brand: 'TIMEWORK',
  kind: 'meeting',
  name: 'TIMEWORK新宿',
  address: { prefecture: '東京都', city: '新宿区', street: '西新宿2-2-2' },
  location: { lat: 35.69, lng: 139.69 },
};
/** The request facility's door as the demo data has it, opening its two spaces. */
export const REQUEST_FACILITY_DOORS = {
  items: [
    {
      doorId: 'tw-shibuya-door',
      name: '入口',
      keyType: 'smartLock',
      spaceIds: ['tw-shibuya-room-a', 'tw-shibuya-desk'],
    },
  ],
};
/** The demo company. */
export const COMPANY = 'example-corp';

/** A settlement period whose notices are far off at the tests' now: payments and offsets for it are accepted. */
export const OPEN_PERIOD = '2027-06';
/** The request partner's payment notice that {@link issueContractNotice} issues (period 2026-10, issued 2026-12-01). */
export const CONTRACT_NOTICE = 'partner-tw:2026-10';

/**
 * Writes {@link CONTRACT_NOTICE} into the stack's table (the stack runs in this process) as the settlement job would,
 * for the notice routes to read: 1,200 yen billed, 1,000 paid by the demo company, at 70 %.
 */
export async function issueContractNotice(period = '2026-10'): Promise<string> {
  const deps = settlementDeps();
  const notice = paymentNotice(
    period,
    {
      partnerId: REQUEST_PARTNER,
      gross: 1200,
      paidByCompanies: 1000,
      companies: [{ companyId: 'example-corp', companyName: 'Example Corp', billed: 1200, paid: 1000, share: 1000 }],
      recordIds: ['reservation:contract'],
    },
    { ratePercent: 70, offsets: { offsets: 0, carriedIn: 0, after: null } },
    Date.parse('2026-12-01T00:05:00+09:00'),
  );
  const outcome = await deps.write([
    deps.notices.issued(notice),
    ...deps.noticeRecords.chunks(notice.noticeId, ['reservation:contract']),
  ]);
  if (!outcome.ok && outcome.failed !== 'stale') throw new Error(`could not issue ${notice.noticeId}`);
  return notice.noticeId;
}

/** The request partner's export job that {@link issueContractExport} records (done: its status presigns a URL). */
export const CONTRACT_EXPORT = '00000000-0000-4000-8000-00000000e001';

/** Records {@link CONTRACT_EXPORT} into the stack's table (the stack runs in this process) as a finished job would. */
export async function issueContractExport(): Promise<void> {
  const jobs = exportJobs();
  if (await jobs.get(REQUEST_PARTNER, CONTRACT_EXPORT)) return;
  const job = {
    exportId: CONTRACT_EXPORT,
    partnerId: REQUEST_PARTNER,
    kind: 'sales',
    from: '2026-11-01',
    to: '2026-11-30',
    requestedBy: 'op-tw-full',
    operatorRole: 'full',
    requestedAt: Date.parse('2026-11-24T09:00:00+09:00'),
    status: 'running',
  } as const;
  await jobs.put(job);
  await jobs.finish(job, { status: 'done', lines: 1, bytes: 100 }, job.requestedAt + 60_000);
}

/** The day {@link issueContractNotice} issues its notices on (2026-12-01, service zone): the back office may record them paid from then. */
export const CONTRACT_NOTICE_ISSUED_ON = '2026-12-01';

/** The QR posted at 快活CLUB神田's booths: an open space the basic plan may visit (Regus's excludes it). */
export const VISIT_QR = 'QR-KAIKATSU-KANDA';

/** A door of the demo spaces at H1T九段下. */
export const DOOR = 'h1t-kudanshita-front';

/** Values for `{param}`s. */
export const pathValues = (ctx: RequestContext): Record<string, string> => ({
  id: ctx.id,
  facilityId: FACILITY,
  spaceId: SPACE,
  memberId: ctx.memberId ?? 'member-basic',
  date: SPECIAL_DAY,
  closureId: QUIET_CLOSURE_ID,
  partnerId: REQUEST_PARTNER,
  companyId: COMPANY,
  operatorId: ctx.operatorId ?? 'op-tw-staff',
  guestId: 'g1',
  noticeId: ctx.noticeId ?? CONTRACT_NOTICE,
  exportId: CONTRACT_EXPORT,
  ...(ctx.visitId === undefined ? {} : { visitId: ctx.visitId }),
  ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  ...(ctx.commandId === undefined ? {} : { commandId: ctx.commandId }),
  ...(ctx.photoId === undefined ? {} : { photoId: ctx.photoId }),
});

/** Values for `{param}`s that name nothing. */
export const unknownPathValues = (): Record<string, string> => ({
  id: randomUUID(),
  requestId: randomUUID(),
  commandId: randomUUID(),
  facilityId: `no-such-facility-${randomUUID().slice(0, 8)}`,
  spaceId: `no-such-space-${randomUUID().slice(0, 8)}`,
  memberId: `no-such-member-${randomUUID().slice(0, 8)}`,
  date: SPECIAL_DAY,
  photoId: randomUUID(),
  closureId: `no-such-closure-${randomUUID().slice(0, 8)}`,
  partnerId: `no-such-partner-${randomUUID().slice(0, 8)}`,
  companyId: `no-such-company-${randomUUID().slice(0, 8)}`,
  operatorId: `no-such-operator-${randomUUID().slice(0, 8)}`,
  visitId: randomUUID(),
  guestId: 'g99',
  noticeId: `no-such-partner-${randomUUID().slice(0, 8)}:2026-10`,
  exportId: randomUUID(),
});

/**
 * A token of an operator whom the (operator) route admits, of the partner its valid request names: the request
 * partner, or the open space's ({@link OPEN_SPACE_ROUTES}).
 */
export const admittedOperator = (route: Route) => {
  const role = route.caller.role === 'operator' ? (route.caller.operatorRoles[0] ?? 'full') : 'full';
  return OPEN_SPACE_ROUTES.includes(route.id)
    ? operatorToken(`op-regus-${role}`, OPEN_SPACE_PARTNER, role)
    : operatorToken('op-tw-full', REQUEST_PARTNER, role);
};

type Builder = (route: Route, values: Record<string, string>) => RouteRequest;

/** Partner routes name one of the request partner's facilities, unless the test gives another. */
const operatorFacilityPath = (route: Route, values: Record<string, string>) =>
  fillPath(route, { facilityId: values.facilityId === FACILITY ? REQUEST_FACILITY : (values.facilityId as string) });

/** Partner routes name one of the request partner's spaces, unless the test gives another. */
const operatorSpacePath = (route: Route, values: Record<string, string>) =>
  fillPath(route, { ...values, spaceId: values.spaceId === SPACE ? REQUEST_SPACE : (values.spaceId as string) });

/** Open-space routes name the open space {@link OPEN_SPACE}, unless the test gives another space. */
const openSpacePath = (route: Route, values: Record<string, string>) =>
  fillPath(route, { ...values, spaceId: values.spaceId === SPACE ? OPEN_SPACE : (values.spaceId as string) });

/** The visit routes name a visit by `{id}` (the reservation's id when the test has no visit: 404). */
const visitPath = (route: Route, values: Record<string, string>) =>
  fillPath(route, { ...values, id: values.visitId ?? (values.id as string) });

/** Operator routes name a booking request by `{id}`. */
const requestPath = (route: Route, values: Record<string, string>) =>
  fillPath(route, values.requestId === undefined ? {} : { id: values.requestId });

/** The notice routes name a payment notice by `{id}` (`values.noticeId`). */
const noticePath = (route: Route, values: Record<string, string>) => fillPath(route, { id: values.noticeId as string });

/** A valid request of each route; path parameters come from `values`. */
export const requestBuilders: Readonly<Record<string, Builder>> = {
  'list-facilities': (route) => ({ path: fillPath(route, {}) }),
  'get-facility': (route, values) => ({ path: fillPath(route, values) }),
  'get-availability': (route, values) => ({ path: `${fillPath(route, values)}?date=${TODAY}` }),
  'get-me': (route) => ({ path: fillPath(route, {}) }),
  'get-ticket': (route) => ({ path: fillPath(route, {}) }),
  'list-purchases': (route) => ({ path: fillPath(route, {}) }),
  'change-plan': (route) => ({ path: fillPath(route, {}), body: { plan: 'premium' } }),
  'stop-renewal': (route) => ({ path: fillPath(route, {}), body: {} }),
  'record-purchase': (route, values) => ({
    path: fillPath(route, values),
    body: { plan: 'basic', paidAt: at(TODAY, '09:00'), amount: 9800 },
  }),
  'create-reservation': (route) => ({
    path: fillPath(route, {}),
    body: { spaceId: SPACE, start: at(TOMORROW, '14:00'), end: at(TOMORROW, '15:00') },
  }),
  'list-reservations': (route) => ({ path: `${fillPath(route, {})}?scope=upcoming` }),
  'get-reservation': (route, values) => ({ path: fillPath(route, values) }),
  'cancel-reservation': (route, values) => ({ path: fillPath(route, values), body: {} }),
  'extend-reservation': (route, values) => ({ path: fillPath(route, values), body: { minutes: 15 } }),
  'link-corporate-code': (route) => ({ path: fillPath(route, {}), body: { code: CORPORATE_CODE } }),
  'check-in': (route, values) => ({ path: fillPath(route, values), body: { doorId: DOOR } }),
  unlock: (route, values) => ({ path: fillPath(route, values), body: { doorId: DOOR } }),
  checkout: (route, values) => ({ path: fillPath(route, values), body: { doorId: DOOR } }),
  'get-unlock-command': (route, values) => ({ path: fillPath(route, values) }),
  // drop-in: the member's visit at 快活CLUB神田
  'check-in-visit': (route) => ({ path: fillPath(route, {}), body: { qrValue: VISIT_QR } }),
  'list-visits': (route) => ({ path: `${fillPath(route, {})}?scope=current` }),
  'get-visit': (route, values) => ({ path: visitPath(route, values) }),
  'checkout-visit': (route, values) => ({ path: visitPath(route, values), body: { qrValue: VISIT_QR } }),
  'add-guests': (route, values) => ({ path: visitPath(route, values), body: { count: 1 } }),
  'checkout-guest': (route, values) => ({ path: visitPath(route, values), body: {} }),
  'list-booking-requests': (route) => ({ path: `${fillPath(route, {})}?facilityId=${REQUEST_FACILITY}` }),
  'approve-booking-request': (route, values) => ({ path: requestPath(route, values), body: {} }),
  'reject-booking-request': (route, values) => ({ path: requestPath(route, values), body: {} }),
  // the partner routes name one of the request partner's facilities (partner-tw)
  'list-operator-facilities': (route) => ({ path: fillPath(route, {}) }),
  'get-operator-facility': (route, values) => ({ path: operatorFacilityPath(route, values) }),
  'get-operator-space': (route, values) => ({ path: operatorSpacePath(route, values) }),
  'edit-space': (route, values) => ({
    path: operatorSpacePath(route, values),
    body: { intro: '駅から近い会議室' },
    headers: { 'if-match': '"1"' },
  }),
  'create-space': (route, values) => ({
    path: operatorFacilityPath(route, values),
    body: { kind: 'meetingRoom', name: '会議室Z', capacity: 4, price15: 400 },
  }),
  'new-photo': (route, values) => ({
    path: operatorFacilityPath(route, values),
    body: { contentType: 'image/jpeg', bytes: 2048 },
  }),
  'delete-photo': (route, values) => ({ path: fillPath(route, values) }),
  'edit-facility': (route, values) => ({
    path: operatorFacilityPath(route, values),
    body: { description: 'いつでも使える個室と会議室' },
    headers: { 'if-match': '"1"' },
  }),
  'get-space-calendar': (route, values) => ({ path: operatorSpacePath(route, values) }),
  'set-space-hours': (route, values) => ({
    path: operatorSpacePath(route, values),
    body: REQUEST_SPACE_HOURS,
    headers: { 'if-match': '"1"' },
  }),
  'put-special-day': (route, values) => ({
    path: operatorSpacePath(route, values),
    body: { title: '臨時営業', open: '10:00', close: '17:00' },
    headers: { 'if-match': '"1"' },
  }),
  'add-closure': (route, values) => ({ path: operatorSpacePath(route, values), body: QUIET_CLOSURE }),
  // the back office: the request partner's facility; companies an admin made (or the demo company)
  'create-facility': (route, values) => ({
    path: fillPath(route, values),
    body: NEW_FACILITY,
  }),
  'create-open-space': (route, values) => ({
    path: operatorFacilityPath(route, values),
    body: { name: 'ラウンジ', capacity: 10, price15: 250 },
  }),
  'set-doors': (route, values) => ({
    path: operatorFacilityPath(route, values),
    body: REQUEST_FACILITY_DOORS,
    headers: { 'if-match': '"1"' },
  }),
  'create-company': (route) => ({ path: fillPath(route, {}), body: { name: '株式会社サンプル', monthlyCap: 40 } }),
  'get-company': (route, values) => ({ path: fillPath(route, values) }),
  'edit-company': (route, values) => ({
    path: fillPath(route, values),
    body: { monthlyCap: 50 },
    headers: { 'if-match': '"1"' },
  }),
  'record-agreed-extension': (route, values) => ({
    path: fillPath(route, values),
    body: { end: at(TODAY, '11:00') },
  }),
  // member-basic's visit (still in: 409) when the test has one, else the reservation's id (no such visit: 404)
  'correct-visit': (route, values) => ({
    path: fillPath(route, { ...values, visitId: values.visitId ?? (values.id as string) }),
    body: { checkedOutAt: at(TODAY, '11:00') },
  }),
  'delete-special-day': (route, values) => ({
    path: operatorSpacePath(route, values),
    headers: { 'if-match': '"1"' },
  }),
  'delete-closure': (route, values) => ({
    path: operatorSpacePath(route, values),
    headers: { 'if-match': '"1"' },
  }),
  // an open space's congestion: the Regus lounge, by its partner's operators (no If-Match: a status)
  'set-congestion': (route, values) => ({
    path: openSpacePath(route, values),
    body: { level: 'crowded', comment: '窓側の席は満席です' },
  }),
  // reception checks a member in to the Regus lounge by their ticket; who is in the partner's open spaces now
  'check-in-by-ticket': (route) => ({
    path: fillPath(route, {}),
    body: { ticket: UNSIGNED_TICKET, spaceId: OPEN_SPACE },
  }),
  'get-current-usage': (route) => ({ path: fillPath(route, {}) }),
  // the usage lists of a date range: the Regus lounge's visits and guests, TIMEWORK渋谷's reservations
  'list-usage-visits': (route) => ({
    path: `${fillPath(route, {})}?from=${TODAY}&to=${TOMORROW}&spaceId=${OPEN_SPACE}`,
  }),
  'list-usage-guests': (route) => ({ path: `${fillPath(route, {})}?from=${TODAY}&to=${TOMORROW}&status=out` }),
  'list-usage-reservations': (route) => ({
    path: `${fillPath(route, {})}?from=${TODAY}&to=${TOMORROW}&facilityId=${REQUEST_FACILITY}`,
  }),
  // the Regus lounge's printable QR poster (a PDF), by its partner's operators
  'get-qr-poster': (route, values) => ({ path: openSpacePath(route, values) }),
  // the request partner's sales (TIMEWORK渋谷 has some once its reservations are settled): November's lines and totals
  'list-sales': (route) => ({ path: `${fillPath(route, {})}?from=2026-11-01&to=2026-11-30` }),
  'get-sales-summary': (route) => ({ path: `${fillPath(route, {})}?unit=month&from=2026-11-01&to=2026-11-30` }),
  // the request partner's profile and accounts ({operatorId}: one of its accounts)
  'list-operator-accounts': (route) => ({ path: fillPath(route, {}) }),
  'create-operator-account': (route) => ({
    path: fillPath(route, {}),
    body: { email: `staff-${randomUUID().slice(0, 8)}@tw.example.com`, name: '受付スタッフ', role: 'staff' },
  }),
  'get-operator-account': (route, values) => ({ path: fillPath(route, values) }),
  'edit-operator-account': (route, values) => ({
    path: fillPath(route, values),
    body: { name: '受付スタッフ' },
    headers: { 'if-match': '"1"' },
  }),
  'get-partner-profile': (route) => ({ path: fillPath(route, {}) }),
  'edit-partner-profile': (route) => ({
    path: fillPath(route, {}),
    body: { paymentNoticeEmails: ['keiri@tw.example.com'] },
    headers: { 'if-match': '"1"' },
  }),
  'create-partner': (route) => ({
    path: fillPath(route, {}),
    body: {
      name: '新しい加盟店',
      payoutRatePercent: 70,
      paymentNoticeEmails: ['billing@new.example.com'],
      admin: { email: `admin-${randomUUID().slice(0, 8)}@new.example.com`, name: '管理者' },
    },
  }),
  // settlement: the back office records a payment of the demo company and an offset of the request partner for a
  // period still open; the request partner's operators read its notices
  'record-company-payment': (route) => ({
    path: fillPath(route, {}),
    body: { companyId: COMPANY, month: OPEN_PERIOD, amount: 10000 },
  }),
  'record-partner-offset': (route, values) => ({
    path: fillPath(route, values),
    body: { month: OPEN_PERIOD, amount: 500, reason: '清掃不備' },
  }),
  // the back office records the request partner's notice as paid on its issue day (a repeat of the same day is 200)
  'mark-payment-notice-paid': (route, values) => ({
    path: fillPath(route, values),
    body: { paidOn: CONTRACT_NOTICE_ISSUED_ON },
  }),
  'list-payment-notices': (route) => ({ path: fillPath(route, {}) }),
  'get-payment-notice': (route, values) => ({ path: noticePath(route, values) }),
  'list-payment-notice-lines': (route, values) => ({ path: noticePath(route, values) }),
  'list-payment-notice-offsets': (route, values) => ({ path: noticePath(route, values) }),
  // exports: a sales export of the request partner's November; its finished job (issueContractExport)
  'request-export': (route) => ({
    path: fillPath(route, {}),
    body: { kind: 'sales', from: '2026-11-01', to: '2026-11-30' },
  }),
  'get-export': (route, values) => ({ path: fillPath(route, values) }),
};

/** The valid request of a route; throws for a row without a builder. */
export function requestFor(route: Route, values: Record<string, string>): RouteRequest {
  const build = requestBuilders[route.id];
  if (!build) throw new Error(`No request builder for route ${route.id}: add one to contract/requests.ts`);
  return build(route, values);
}

/** Route ids without a builder (should be none). */
export const routesWithoutBuilder = () => routes.filter((r) => !(r.id in requestBuilders)).map((r) => r.id);

export const hasParam = (route: Route, name: string) => paramsOf(route).includes(name);

/** `[id, route]` rows for `it.each`. */
export const rows = (selected: readonly Route[] = routes) => selected.map((r) => [r.id, r] as const);
