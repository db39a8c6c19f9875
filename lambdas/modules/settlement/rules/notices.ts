/**
 * Payment notices (api.md "Settlement", domain-rules §7, 004 資料1): which periods are due, what each partner's notice
 * pays for a period, and which offsets it settles. Pure: the job reads the facts and hands them in.
 *
 * Choices where the rules are silent:
 * - `gross` is the sum of the amounts before tax (利用料(税抜), 004 資料1) of the partner's lines whose use date is in
 *   the period, individual members' lines included; a company's payment is shared by those same amounts, so the tax
 *   rounding of each line does not tilt the shares.
 * - A company's payments for a period are summed, then shared over every partner whose lines billed the company in that
 *   period (`shareCompanyPayment`). A payment of a company that nobody billed in the period is not shared: it is
 *   reported as unallocated (the back office sees it in the period's run) and pays no partner.
 * - The offsets a notice settles are those recorded for its period, and those of the periods since the partner's
 *   previous notice that issued none (a partner without lines gets no notice), carried in with what that notice
 *   carried over (`noticeAmounts`).
 * - Payments and offsets are accepted for a period until its issue day (service zone): the notices are made from
 *   what was recorded by then, and a late one is refused rather than silently dropped.
 */
import type { PaymentNoticeIssuedMessage } from '../../../../contracts/events';
import type { PAYMENT_NOTICE_STATUSES } from '../../../../contracts/http/settlement';
import { localDateOf } from '../../../domain/calendar';
import { type Instant, type LocalDate, SERVICE_TIME_ZONE } from '../../../domain/model';
import {
  NOTICE_MONTHS_AFTER_CLOSING,
  type NoticeAmounts,
  noticeAmounts,
  noticeSchedule,
  shareCompanyPayment,
} from '../../../domain/settlement';
import {
  addMonths,
  monthOf,
  type PeriodName,
  type SettlementPeriodDates,
  settlementPeriodDates,
} from '../../../domain/settlement-periods';

/**
 * How many periods the settlement job looks back over: the latest period whose issue day has come and the two before
 * it. A job that runs late (an outage, a clock moved ahead) still issues a quarter's notices once, oldest first; a
 * period older than that is left to the back office.
 */
export const SETTLEMENT_LOOK_BACK_PERIODS = 3;

/** The id of a partner's notice for a period: one per partner and period (`partner-tw:2026-12`). */
export const noticeIdOf = (partnerId: string, period: PeriodName): string => `${partnerId}:${period}`;

const NOTICE_ID = /^(.+):(\d{4}-(?:0[1-9]|1[0-2]))$/;

/** The partner and period of a notice id, or null for anything else. */
export function parseNoticeId(noticeId: string): { partnerId: string; period: PeriodName } | null {
  const match = NOTICE_ID.exec(noticeId);
  return match ? { partnerId: match[1] as string, period: match[2] as PeriodName } : null;
}

/**
 * The periods whose notices are due on `today` (service zone), oldest first: the latest period whose issue day is on
 * or before today, and the `lookBack − 1` periods before it.
 */
export function duePeriods(today: LocalDate, lookBack: number = SETTLEMENT_LOOK_BACK_PERIODS): PeriodName[] {
  if (!Number.isInteger(lookBack) || lookBack < 1) throw new RangeError(`lookBack must be 1 or more: ${lookBack}`);
  const candidate = addMonths(monthOf(today), -NOTICE_MONTHS_AFTER_CLOSING);
  const latest = noticeSchedule(candidate).issueOn <= today ? candidate : addMonths(candidate, -1);
  return Array.from({ length: lookBack }, (_, i) => addMonths(latest, i - (lookBack - 1)));
}

/** Whether a payment or an offset may still be recorded for `period` on `today`: before the period's issue day. */
export const acceptsPayments = (period: PeriodName, today: LocalDate): boolean =>
  today < noticeSchedule(period).issueOn;

/** What settlement needs of one sales record: whose it is, whom it billed, and its amount before tax. */
export interface BilledRecord {
  recordId: string;
  partnerId: string;
  companyId: string | null;
  companyName: string | null;
  amount: number;
}

/** What one company's lines and payments come to on one partner's notice. */
export interface CompanyShare {
  companyId: string;
  companyName: string | null;
  /** What the partner's lines billed the company in the period (before tax). */
  billed: number;
  /** What the company paid for the period, in all. */
  paid: number;
  /** The partner's part of it (`shareCompanyPayment`). */
  share: number;
}

/** A partner's notice before its rate and offsets are known: its lines and what companies paid for them. */
export interface NoticeDraft {
  partnerId: string;
  gross: number;
  paidByCompanies: number;
  /** By company id. */
  companies: CompanyShare[];
  /** The sales records the notice pays, in id order. */
  recordIds: string[];
}

/** A payment of a company that none of the period's lines billed: shared with nobody. */
export interface UnallocatedPayment {
  companyId: string;
  paid: number;
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * The drafts of a period's notices: one per partner with records in the period (partner id order), with `gross`, the
 * record ids, and each company's payments shared over the partners by what each billed it.
 */
export function periodDrafts(
  records: readonly BilledRecord[],
  payments: ReadonlyArray<{ companyId: string; amount: number }>,
): { drafts: NoticeDraft[]; unallocated: UnallocatedPayment[] } {
  const paid = new Map<string, number>();
  for (const payment of payments) paid.set(payment.companyId, (paid.get(payment.companyId) ?? 0) + payment.amount);

  const partners = new Map<string, { gross: number; recordIds: string[] }>();
  /** company id → partner id → billed. */
  const billed = new Map<string, Map<string, number>>();
  const companyNames = new Map<string, string | null>();
  for (const record of records) {
    const partner = partners.get(record.partnerId) ?? { gross: 0, recordIds: [] };
    partner.gross += record.amount;
    partner.recordIds.push(record.recordId);
    partners.set(record.partnerId, partner);
    if (record.companyId !== null) {
      const ofCompany = billed.get(record.companyId) ?? new Map<string, number>();
      ofCompany.set(record.partnerId, (ofCompany.get(record.partnerId) ?? 0) + record.amount);
      billed.set(record.companyId, ofCompany);
      if (record.companyName !== null || !companyNames.has(record.companyId)) {
        companyNames.set(record.companyId, record.companyName);
      }
    }
  }

  const shares = new Map<string, Record<string, number>>();
  const unallocated: UnallocatedPayment[] = [];
  for (const [companyId, amount] of [...paid].sort(byKey(([id]) => id))) {
    const ofCompany = billed.get(companyId);
    const total = ofCompany ? [...ofCompany.values()].reduce((sum, n) => sum + n, 0) : 0;
    if (!ofCompany || total === 0) {
      if (amount > 0) unallocated.push({ companyId, paid: amount });
      continue;
    }
    shares.set(companyId, shareCompanyPayment(amount, Object.fromEntries(ofCompany)));
  }

  const drafts = [...partners]
    .sort(byKey(([partnerId]) => partnerId))
    .map(([partnerId, { gross, recordIds }]): NoticeDraft => {
      const companies = [...billed]
        .filter(([, ofCompany]) => ofCompany.has(partnerId))
        .map(([companyId, ofCompany]) => ({
          companyId,
          companyName: companyNames.get(companyId) ?? null,
          billed: ofCompany.get(partnerId) ?? 0,
          paid: paid.get(companyId) ?? 0,
          share: shares.get(companyId)?.[partnerId] ?? 0,
        }))
        .sort(byKey((c) => c.companyId));
      return {
        partnerId,
        gross,
        paidByCompanies: companies.reduce((sum, c) => sum + c.share, 0),
        companies,
        recordIds: [...recordIds].sort(),
      };
    });
  return { drafts, unallocated };
}

/** Where a partner's settlement stands: its latest notice's period and what that notice carried over. */
export interface PartnerSettlementState {
  partnerId: string;
  lastNoticePeriod: PeriodName;
  carriedOver: number;
}

/** The offsets a notice settles: the period's own, and those carried in. */
export interface NoticeOffsets {
  /** Recorded for the notice's period. */
  offsets: number;
  /** Carried over by the previous notice, and recorded for periods after it that had no notice. */
  carriedIn: number;
  /** The offsets settled are those of the periods after this one (null: all before), through the notice's own. */
  after: PeriodName | null;
}

/**
 * The offsets a partner's notice for `period` settles, from the partner's offsets of the periods after its previous
 * notice (`previous`, null when none) through `period` (any others are ignored).
 */
export function noticeOffsets(
  period: PeriodName,
  offsets: ReadonlyArray<{ period: PeriodName; amount: number }>,
  previous: Pick<PartnerSettlementState, 'lastNoticePeriod' | 'carriedOver'> | null,
): NoticeOffsets {
  const after = previous?.lastNoticePeriod ?? null;
  if (after !== null && after >= period) {
    throw new RangeError(`A notice for ${after} is issued already: ${period} comes before it`);
  }
  const settled = offsets.filter((o) => (after === null || o.period > after) && o.period <= period);
  const own = settled.filter((o) => o.period === period).reduce((sum, o) => sum + o.amount, 0);
  const earlier = settled.filter((o) => o.period !== period).reduce((sum, o) => sum + o.amount, 0);
  return { offsets: own, carriedIn: (previous?.carriedOver ?? 0) + earlier, after };
}

export type NoticeStatus = (typeof PAYMENT_NOTICE_STATUSES)[number];

/** A partner's payment notice for one period (api.md `PaymentNotice`), with what it was made from. */
export interface PaymentNotice extends NoticeAmounts {
  noticeId: string;
  partnerId: string;
  period: PeriodName;
  dates: SettlementPeriodDates;
  issuedAt: Instant;
  /** The last business day of the month the notice is issued in. */
  dueDate: LocalDate;
  gross: number;
  /** Offsets carried in (see {@link NoticeOffsets}); `offsetsDue` = the period's offsets + this. */
  carriedIn: number;
  /** The offsets settled are those of the periods after this one (null: from the first), through `period`. */
  offsetsAfter: PeriodName | null;
  status: NoticeStatus;
  companies: CompanyShare[];
  /** How many sales records it pays (their ids are kept beside it). */
  recordCount: number;
  /** Once `paid`: the day the payout was transferred, as the back office recorded it. */
  paidOn?: LocalDate;
  /** Once `paid`: when the back office recorded it, and who. */
  paidAt?: Instant;
  paidBy?: string;
}

/** The notice of a draft at the partner's rate with its offsets, issued at `issuedAt`. */
export function paymentNotice(
  period: PeriodName,
  draft: NoticeDraft,
  terms: { ratePercent: number; offsets: NoticeOffsets },
  issuedAt: Instant,
): PaymentNotice {
  const amounts = noticeAmounts({
    paidByCompanies: draft.paidByCompanies,
    ratePercent: terms.ratePercent,
    offsets: terms.offsets.offsets,
    carriedIn: terms.offsets.carriedIn,
  });
  return {
    noticeId: noticeIdOf(draft.partnerId, period),
    partnerId: draft.partnerId,
    period,
    dates: settlementPeriodDates(period),
    issuedAt,
    dueDate: noticeSchedule(period).dueDate,
    gross: draft.gross,
    ...amounts,
    carriedIn: terms.offsets.carriedIn,
    offsetsAfter: terms.offsets.after,
    status: 'issued',
    companies: draft.companies,
    recordCount: draft.recordIds.length,
  };
}

/** The day a notice was issued (service zone): a payout cannot have been transferred before it. */
export const noticeIssuedOn = (notice: Pick<PaymentNotice, 'issuedAt'>): LocalDate =>
  localDateOf(notice.issuedAt, SERVICE_TIME_ZONE);

/** What recording a notice as paid on `paidOn` comes to (`noticePaid`). */
export type NoticePaid =
  /** Mark it paid (only while it is still `issued`). */
  | { kind: 'mark' }
  /** Paid on that day already: a repeat, nothing to change. */
  | { kind: 'already' }
  /** Paid on another day already: refused. */
  | { kind: 'paidOnAnotherDay'; paidOn: LocalDate }
  /** A day before the notice was issued: refused. */
  | { kind: 'beforeIssue'; issuedOn: LocalDate };

/**
 * Whether the back office may record `notice` as paid on `paidOn` (the day the payout was transferred): a notice is
 * paid once; the same day again is a harmless repeat, another day a conflict; the day is on or after its issue day.
 */
export function noticePaid(
  notice: Pick<PaymentNotice, 'status' | 'paidOn' | 'issuedAt'>,
  paidOn: LocalDate,
): NoticePaid {
  if (notice.status === 'paid') {
    return notice.paidOn === paidOn ? { kind: 'already' } : { kind: 'paidOnAnotherDay', paidOn: notice.paidOn ?? '' };
  }
  const issuedOn = noticeIssuedOn(notice);
  return paidOn < issuedOn ? { kind: 'beforeIssue', issuedOn } : { kind: 'mark' };
}

/** The message an issued notice sends to its partner's payment-notice addresses (the outbox). */
export const paymentNoticeIssued = (notice: PaymentNotice): PaymentNoticeIssuedMessage => ({
  kind: 'paymentNoticeIssued',
  noticeId: notice.noticeId,
  partnerId: notice.partnerId,
  period: notice.period,
  periodFrom: notice.dates.from,
  periodTo: notice.dates.to,
  net: notice.net,
  dueDate: notice.dueDate,
});
