/**
 * Settlement (api.md "Settlement", domain-rules §7): the back office records what companies paid and the offsets of
 * partners per period; on a period's issue day the settlement job issues one payment notice per partner with lines in
 * the period; partners read their notices.
 *
 * Exactly one notice per partner and period: a notice's id is `<partnerId>:<period>` and it is put only if absent, in
 * one transaction with the ids of the records it pays and the partner's settlement state (its latest notice and the
 * offsets carried over). A second run, a run beside another, or a rerun after a failure half-way issues each missing
 * notice once and nothing twice; the period's run is marked issued only when every notice is.
 */
import { MAX_CSV_LINES } from '../../../contracts/csv/spec';
import type { CompanyPaymentBody, NoticePaidBody, PartnerOffsetBody } from '../../../contracts/http/settlement';
import { localDateOf } from '../../domain/calendar';
import { type Instant, SERVICE_TIME_ZONE } from '../../domain/model';
import { noticeSchedule } from '../../domain/settlement';
import { type PeriodName, settlementPeriodDates } from '../../domain/settlement-periods';
import { badCursor, decodeCursor, encodeCursor } from '../../platform/cursor';
import type { TaggedItem, TransactOutcome } from '../../platform/dynamo/transactions';
import { type Identity, partnerIdOf } from '../../platform/identity';
import type { OutboxStore } from '../../platform/outbox';
import type { Ids } from '../../platform/ports';
import { ApiError, notFound } from '../../platform/problems';
import { ownedByPartner } from '../../platform/tenancy';
import type { FacilityRepository, PartnerRepository } from '../catalog';
import {
  decodeSalesPosition,
  encodeSalesPosition,
  type LinesBound,
  type RecordLine,
  recordTotal,
  type SalesLedger,
  type SalesPosition,
  type SalesRecord,
} from '../ledger';
import type { CompanyRepository } from '../membership';
import type { CompanyPayment, CompanyPaymentRepository } from './data/company-payment';
import type { NoticeRecordsRepository } from './data/notice-records';
import type { PartnerOffset, PartnerOffsetRepository } from './data/partner-offset';
import type { PartnerSettlementRepository } from './data/partner-settlement';
import type { PaymentNoticeRepository } from './data/payment-notice';
import type { SettlementRunRepository } from './data/settlement-run';
import type { NoticeDocumentContent } from './rules/notice-document';
import {
  acceptsPayments,
  type BilledRecord,
  duePeriods,
  type NoticeDraft,
  noticeOffsets,
  noticePaid,
  type PaymentNotice,
  paymentNotice,
  paymentNoticeIssued,
  periodDrafts,
  SETTLEMENT_LOOK_BACK_PERIODS,
  type UnallocatedPayment,
} from './rules/notices';

export interface SettlementPorts {
  companies: Pick<CompanyRepository, 'getCompany'>;
  partners: Pick<PartnerRepository, 'getPartner'>;
  facilities: Pick<FacilityRepository, 'listFacilities'>;
  /** A partner's sales records over a range of use dates (the ledger's partner index). */
  sales: (partnerId: string, range: { from: string; to: string }) => Promise<SalesRecord[]>;
  payments: Pick<CompanyPaymentRepository, 'recorded' | 'ofPeriod'>;
  offsets: Pick<PartnerOffsetRepository, 'recorded' | 'ofPartnerBetween'>;
  runs: Pick<SettlementRunRepository, 'stillOpen' | 'statuses' | 'start' | 'finish'>;
  notices: Pick<PaymentNoticeRepository, 'issued' | 'get' | 'pageOfPartner' | 'markPaid'>;
  noticeRecords: Pick<NoticeRecordsRepository, 'chunks' | 'recordIdsOf'>;
  /** The ledger's lines, read for a notice's usage lines. */
  ledger: Pick<SalesLedger, 'lines'>;
  states: Pick<PartnerSettlementRepository, 'get' | 'advanced'>;
  /** The outbox: a notice's message to the partner's payment-notice addresses is written with it. */
  outbox: Pick<OutboxStore, 'written'>;
  ids: Ids;
  /** One table transaction. */
  write: (items: readonly TaggedItem[]) => Promise<TransactOutcome>;
}

/** The admin a back-office call is made by (the route admits admins only). */
const adminIdOf = (identity: Identity): string => {
  if (identity.role !== 'admin') throw new ApiError('FORBIDDEN', 'Only the back office records payments and offsets');
  return identity.adminId;
};

const closed = (period: PeriodName) =>
  new ApiError(
    'INVALID_STATE',
    `The payment notices of ${period} are issued (on ${noticeSchedule(period).issueOn}): record it for a later period`,
  );

/** Writes a payment's or an offset's item while its period's notices are not being issued. */
async function recordWhileOpen(deps: Pick<SettlementPorts, 'runs' | 'write'>, period: PeriodName, item: TaggedItem) {
  const outcome = await deps.write([deps.runs.stillOpen(period), item]);
  if (outcome.ok) return;
  // a fresh id taken (`stale`) cannot happen short of a uuid clash; an issued period is what a refusal means
  if (outcome.failed === 'stale') throw new Error('A new settlement item collided with a stored one');
  throw outcome.failed.code === 'INVALID_STATE'
    ? closed(period)
    : new ApiError(outcome.failed.code, outcome.failed.detail);
}

/**
 * Records what a company paid for a period (404 for an unknown company). From the period's issue day on (service
 * zone) its notices are made, so a payment for it is refused with 409 `INVALID_STATE`: it belongs to a later period.
 */
export async function recordCompanyPayment(
  deps: Pick<SettlementPorts, 'companies' | 'payments' | 'runs' | 'ids' | 'write'>,
  identity: Identity,
  body: CompanyPaymentBody,
  now: Instant,
): Promise<CompanyPayment> {
  const company = await deps.companies.getCompany(body.companyId);
  if (!company) throw notFound('Company');
  if (!acceptsPayments(body.month, localDateOf(now, SERVICE_TIME_ZONE))) throw closed(body.month);
  const payment: CompanyPayment = {
    paymentId: deps.ids.next(),
    companyId: company.companyId,
    companyName: company.name,
    period: body.month,
    amount: body.amount,
    recordedAt: now,
    recordedBy: adminIdOf(identity),
  };
  await recordWhileOpen(deps, body.month, deps.payments.recorded(payment));
  return payment;
}

/**
 * Records an offset taken off a partner's payout for a period (404 for an unknown partner); refused with 409
 * `INVALID_STATE` from the period's issue day on, like a payment. An offset of a period in which the partner has no
 * lines (no notice) is settled by the partner's next notice.
 */
export async function recordPartnerOffset(
  deps: Pick<SettlementPorts, 'partners' | 'offsets' | 'runs' | 'ids' | 'write'>,
  identity: Identity,
  partnerId: string,
  body: PartnerOffsetBody,
  now: Instant,
): Promise<PartnerOffset> {
  if (!(await deps.partners.getPartner(partnerId))) throw notFound('Partner');
  if (!acceptsPayments(body.month, localDateOf(now, SERVICE_TIME_ZONE))) throw closed(body.month);
  const offset: PartnerOffset = {
    offsetId: deps.ids.next(),
    partnerId,
    period: body.month,
    amount: body.amount,
    reason: body.reason,
    recordedAt: now,
    recordedBy: adminIdOf(identity),
  };
  await recordWhileOpen(deps, body.month, deps.offsets.recorded(offset));
  return offset;
}

/**
 * Records a payment notice as paid (the back office, once the payout is transferred): 404 for no notice; a notice paid
 * on the same day answers as it is (a repeat changes nothing), one paid on another day is 409 `INVALID_STATE`; a day
 * before the notice's issue day is 400 `VALIDATION_FAILED` naming `body.paidOn` (api.md has no 422 code for it). The
 * write is conditioned on the notice still being `issued`: of two calls at once one marks it, and the other is decided
 * again on what it wrote.
 */
export async function markNoticePaid(
  deps: Pick<SettlementPorts, 'notices'>,
  identity: Identity,
  noticeId: string,
  body: NoticePaidBody,
  now: Instant,
): Promise<PaymentNotice> {
  const paidBy = adminIdOf(identity);
  // a failed condition means another call marked it in between: the second reading decides without writing
  for (let attempt = 0; attempt < 2; attempt++) {
    // the second reading must see the write that beat this call's (a strongly consistent read)
    const notice = await deps.notices.get(noticeId, { consistent: attempt > 0 });
    if (!notice) throw notFound('Payment notice');
    const decision = noticePaid(notice, body.paidOn);
    switch (decision.kind) {
      case 'already':
        return notice;
      case 'paidOnAnotherDay':
        throw new ApiError('INVALID_STATE', `The notice ${noticeId} is recorded as paid on ${decision.paidOn}`);
      case 'beforeIssue':
        throw new ApiError('VALIDATION_FAILED', `body.paidOn: before the notice was issued (${decision.issuedOn})`, [
          { field: 'body.paidOn', message: `The notice was issued on ${decision.issuedOn}: paidOn cannot be earlier` },
        ]);
      case 'mark': {
        const marked = await deps.notices.markPaid(noticeId, { paidOn: body.paidOn, paidAt: now, paidBy });
        if (marked) return marked;
      }
    }
  }
  throw new Error(`The payment notice ${noticeId} is neither issued nor paid after it changed`);
}

/** What settlement reads of a sales record. */
const billedRecord = (record: SalesRecord): BilledRecord => ({
  recordId: record.recordId,
  partnerId: record.partnerId,
  companyId: record.companyId ?? null,
  companyName: record.companyName ?? null,
  amount: recordTotal(record).amount,
});

/** What one run of the job did. */
export interface SettlementSummary {
  /** The periods it issued notices for (their runs were not done yet). */
  periods: PeriodName[];
  /** Notices issued by this run (those issued before are not counted again). */
  issued: number;
  /** Payments that no line of their period billed, by period. */
  unallocated: Array<UnallocatedPayment & { period: PeriodName }>;
}

/**
 * The settlement job (scheduled): on and after the issue day of a period (service zone, looking back over
 * {@link SETTLEMENT_LOOK_BACK_PERIODS} periods, oldest first) issues the period's notices that are not issued yet.
 * A period's run is only read when it is done, so a run on any other day costs one query.
 */
export async function settlePeriods(
  deps: Omit<SettlementPorts, 'companies' | 'ids' | 'ledger'>,
  now: Instant,
  lookBack: number = SETTLEMENT_LOOK_BACK_PERIODS,
): Promise<SettlementSummary> {
  const periods = duePeriods(localDateOf(now, SERVICE_TIME_ZONE), lookBack);
  const statuses = await deps.runs.statuses(periods[0] as PeriodName, periods[periods.length - 1] as PeriodName);
  const summary: SettlementSummary = { periods: [], issued: 0, unallocated: [] };
  for (const period of periods) {
    if (statuses.get(period) === 'issued') continue;
    const { issued, unallocated } = await settlePeriod(deps, period, now);
    summary.periods.push(period);
    summary.issued += issued;
    summary.unallocated.push(...unallocated.map((u) => ({ ...u, period })));
  }
  return summary;
}

/** Issues the notices of one period that are not issued yet, then marks its run done. */
async function settlePeriod(
  deps: Omit<SettlementPorts, 'companies' | 'ids' | 'ledger'>,
  period: PeriodName,
  now: Instant,
): Promise<{ issued: number; unallocated: UnallocatedPayment[] }> {
  // from here on the period takes no payment or offset, so what is read below is all there will be
  await deps.runs.start(period, now);
  const payments = await deps.payments.ofPeriod(period);
  const partnerIds = [...new Set((await deps.facilities.listFacilities()).map((f) => f.partnerId))].sort();
  const range = settlementPeriodDates(period);
  const records = (await Promise.all(partnerIds.map((partnerId) => deps.sales(partnerId, range)))).flat();
  const { drafts, unallocated } = periodDrafts(records.map(billedRecord), payments);
  let issued = 0;
  for (const draft of drafts) {
    if (await issueNotice(deps, period, draft, now)) issued++;
  }
  await deps.runs.finish(period, { notices: drafts.length, unallocated }, now);
  return { issued, unallocated };
}

/**
 * A partner's notice of a period, with its records, its new settlement state and its message to the partner (the
 * outbox): false when it was issued before. At most 3 + {@link MAX_RECORD_CHUNKS} items, within one transaction's 100.
 */
async function issueNotice(
  deps: Pick<SettlementPorts, 'partners' | 'offsets' | 'notices' | 'noticeRecords' | 'states' | 'outbox' | 'write'>,
  period: PeriodName,
  draft: NoticeDraft,
  now: Instant,
): Promise<boolean> {
  const previous = await deps.states.get(draft.partnerId);
  // a rerun after this notice was issued finds the state at this period (written with it): nothing to do
  if (previous?.lastNoticePeriod === period) return false;
  if (previous !== null && previous.lastNoticePeriod > period) {
    throw new Error(`${draft.partnerId} has a notice of ${previous.lastNoticePeriod}, after ${period}`);
  }
  const partner = await deps.partners.getPartner(draft.partnerId);
  if (!partner) throw new Error(`Partner ${draft.partnerId} has sales in ${period} but no partner item`);
  const offsets = await deps.offsets.ofPartnerBetween(draft.partnerId, previous?.lastNoticePeriod ?? null, period);
  const notice = paymentNotice(
    period,
    draft,
    { ratePercent: partner.payoutRatePercent, offsets: noticeOffsets(period, offsets, previous) },
    now,
  );
  const outcome = await deps.write([
    deps.notices.issued(notice),
    deps.states.advanced({
      partnerId: notice.partnerId,
      lastNoticePeriod: period,
      carriedOver: notice.carriedOver,
      noticeId: notice.noticeId,
    }),
    deps.outbox.written(paymentNoticeIssued(notice), now),
    ...deps.noticeRecords.chunks(notice.noticeId, draft.recordIds),
  ]);
  if (outcome.ok) return true;
  // another run issued it first
  if (outcome.failed === 'stale') return false;
  throw new Error(`The notice ${notice.noticeId} cannot be issued: ${outcome.failed.detail}`);
}

/** Notices one answer lists when the client does not say (and at most). */
export const NOTICES_PER_PAGE = 100;

/** A page of the caller's partner's notices, newest period first, after the period `after`. */
export async function listNotices(
  deps: Pick<SettlementPorts, 'notices'>,
  identity: Identity,
  page: { limit: number; after?: PeriodName },
): Promise<{ items: PaymentNotice[]; next?: PeriodName }> {
  const read = await deps.notices.pageOfPartner(partnerIdOf(identity), {
    limit: page.limit + 1,
    ...(page.after ? { after: page.after } : {}),
  });
  const items = read.items.slice(0, page.limit);
  const last = items.at(-1);
  return read.items.length > page.limit && last ? { items, next: last.period } : { items };
}

/** One of the caller's partner's notices; 404 for another partner's, as for none. */
export async function getNotice(
  deps: Pick<SettlementPorts, 'notices'>,
  identity: Identity,
  noticeId: string,
): Promise<PaymentNotice> {
  return ownedByPartner(identity, await deps.notices.get(noticeId), 'Payment notice');
}

/**
 * One of the caller's partner's notices as its document shows it (004 §3-5 ② 支払通知書): the notice and the partner's
 * name as it is now (the notice keeps no name); 404 for another partner's notice, as for none.
 */
export async function noticeDocumentOf(
  deps: Pick<SettlementPorts, 'notices' | 'partners'>,
  identity: Identity,
  noticeId: string,
): Promise<NoticeDocumentContent> {
  const notice = await getNotice(deps, identity, noticeId);
  const partner = await deps.partners.getPartner(notice.partnerId);
  // a notice is issued only for a partner that exists (settlePeriods), and partners are not deleted
  if (!partner) throw new Error(`Payment notice ${notice.noticeId} has no partner item`);
  return { notice, partnerName: partner.name };
}

/** The opaque `nextCursor` of the notices: the period of the last notice listed. */
export const encodeNoticeCursor = (period: PeriodName): string => encodeCursor(['notice', period]);

/** The period a cursor names; 400 `VALIDATION_FAILED` for one {@link encodeNoticeCursor} did not make. */
export function decodeNoticeCursor(cursor: string): PeriodName {
  const [kind, period] = decodeCursor(cursor, 2) as [string, string];
  if (kind !== 'notice' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw badCursor('Not a cursor of this API');
  return period;
}

/** Lines a page of a notice's usage lines holds when the client does not say (and at most). */
export const NOTICE_LINES_PER_PAGE = 100;

/**
 * A page's read of the notice's period on the ledger's partner index: at most 5 queries of 200 records (a short page,
 * with its cursor, past that), as the sales list reads.
 */
const NOTICE_PAGE_BOUND = { maxQueries: 5, recordsPerQuery: 200 } as const;
/**
 * A CSV answer's read: every line of the period, at most 10,000 with the header (api.md), in at most 10 queries of 1 MB,
 * as the sales list's CSV; a notice that needs more is a case for an export job.
 */
const NOTICE_CSV_BOUND: LinesBound = { max: MAX_CSV_LINES - 1, maxQueries: 10 };

const tooLarge = (lines: string) =>
  new ApiError(
    'EXPORT_TOO_LARGE',
    `The notice pays ${lines} usage lines, more than a CSV answer holds (${MAX_CSV_LINES} lines): page the JSON list`,
  );

/**
 * The usage lines a notice pays (004 §3-5 ③): the lines of the records kept with it (`noticeRecords`), whatever was
 * recorded later. They are read on the ledger's partner index over the notice's period (the range the job read them
 * from), in order of use date, record and line, and only the notice's records are kept: a record written after the
 * notice (a late visit's) is passed over. A page may so hold fewer than `limit` lines; follow `nextCursor`.
 *
 * `csv`: every line, `limit` and `cursor` ignored; 422 `EXPORT_TOO_LARGE` when they cannot be a CSV answer (more than
 * 9,999 records, each with one line or more, is told before any record is read).
 */
export async function noticeLines(
  deps: Pick<SettlementPorts, 'notices' | 'noticeRecords' | 'ledger'>,
  identity: Identity,
  noticeId: string,
  page: { limit?: number | undefined; cursor?: string | undefined; csv: boolean },
): Promise<{ lines: RecordLine[]; nextCursor?: string }> {
  const notice = await getNotice(deps, identity, noticeId);
  const range = { from: notice.dates.from, to: notice.dates.to };
  const after = page.csv || page.cursor === undefined ? undefined : decodeNoticeLineCursor(page.cursor, range);
  if (page.csv && notice.recordCount > NOTICE_CSV_BOUND.max) throw tooLarge(`${notice.recordCount} records of`);
  const paid = new Set(await deps.noticeRecords.recordIdsOf(notice.noticeId));
  const bound = page.csv ? NOTICE_CSV_BOUND : { ...NOTICE_PAGE_BOUND, max: page.limit ?? NOTICE_LINES_PER_PAGE };
  const read = await deps.ledger.lines(notice.partnerId, range, bound, after);
  if (page.csv && read.next) throw tooLarge('more');
  const lines = read.lines.filter((l) => paid.has(l.record.recordId));
  return read.next ? { lines, nextCursor: encodeNoticeLineCursor(read.next) } : { lines };
}

/**
 * The offsets a notice settled (004 §3-5 ④): those recorded for its period and for the periods since the partner's
 * previous notice (`offsetsAfter`), oldest period first. What that previous notice carried over (`carriedIn`) is an
 * amount, not an offset of this notice's: it is not listed again.
 */
export async function noticeOffsetsOf(
  deps: Pick<SettlementPorts, 'notices' | 'offsets'>,
  identity: Identity,
  noticeId: string,
): Promise<PartnerOffset[]> {
  const notice = await getNotice(deps, identity, noticeId);
  return deps.offsets.ofPartnerBetween(notice.partnerId, notice.offsetsAfter, notice.period);
}

/** The opaque `nextCursor` of a notice's lines: the record and line the next page starts at. */
export const encodeNoticeLineCursor = (position: SalesPosition): string => encodeSalesPosition(position, 'noticeLine');

/** The position a cursor names, within the notice's period; 400 `VALIDATION_FAILED` for anything else. */
export const decodeNoticeLineCursor = (cursor: string, range: { from: string; to: string }): SalesPosition =>
  decodeSalesPosition(cursor, range, 'noticeLine');
