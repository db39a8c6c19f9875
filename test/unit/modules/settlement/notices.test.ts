import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noticeIdOfPath, paymentNoticePath } from '../../../../contracts/http/settlement';
import { addDays } from '../../../../lambdas/domain/calendar';
import { noticeSchedule } from '../../../../lambdas/domain/settlement';
import { addMonths } from '../../../../lambdas/domain/settlement-periods';
import {
  acceptsPayments,
  type BilledRecord,
  duePeriods,
  noticeIdOf,
  noticeIssuedOn,
  noticeOffsets,
  noticePaid,
  parseNoticeId,
  paymentNotice,
  periodDrafts,
  SETTLEMENT_LOOK_BACK_PERIODS,
} from '../../../../lambdas/modules/settlement/rules/notices';

const record = (
  recordId: string,
  partnerId: string,
  companyId: string | null,
  amount: number,
  companyName = companyId === null ? null : `${companyId} Inc.`,
): BilledRecord => ({ recordId, partnerId, companyId, companyName, amount });

describe('notice ids', () => {
  it('are the partner and the period, and read back', () => {
    expect(noticeIdOf('partner-tw', '2026-12')).toBe('partner-tw:2026-12');
    expect(parseNoticeId('partner-tw:2026-12')).toEqual({ partnerId: 'partner-tw', period: '2026-12' });
    expect(parseNoticeId('a:b:2027-01')).toEqual({ partnerId: 'a:b', period: '2027-01' });
    for (const bad of ['partner-tw', 'partner-tw:2026-13', ':2026-12', 'partner-tw:2026-1']) {
      expect(parseNoticeId(bad), bad).toBeNull();
    }
  });
});

describe('a notice id in a path', () => {
  it('is taken with its colon as typed or percent-encoded, and read as the id', () => {
    for (const raw of ['partner-tw:2026-12', 'partner-tw%3A2026-12', 'partner-tw%3a2026-12']) {
      const parsed = paymentNoticePath.safeParse({ id: raw });
      expect(parsed.success, raw).toBe(true);
      expect(noticeIdOfPath(raw)).toBe('partner-tw:2026-12');
    }
    for (const bad of ['partner-tw', 'partner-tw:2026-13', 'partner tw:2026-12', 'partner-tw%2F2026-12']) {
      expect(paymentNoticePath.safeParse({ id: bad }).success, bad).toBe(false);
    }
  });
});

describe('duePeriods', () => {
  it.each([
    // the issue day of 2026-12 is 2027-02-01: from then on it is the latest due
    ['2027-02-01', ['2026-10', '2026-11', '2026-12']],
    ['2027-02-28', ['2026-10', '2026-11', '2026-12']],
    // 2027-01-01 … 03 are bank holidays: 2026-11's notices come on 2027-01-04
    ['2027-01-03', ['2026-08', '2026-09', '2026-10']],
    ['2027-01-04', ['2026-09', '2026-10', '2026-11']],
    ['2027-01-31', ['2026-09', '2026-10', '2026-11']],
    // the day before an issue day still has the period before as the latest
    ['2027-01-31', ['2026-09', '2026-10', '2026-11']],
    ['2027-03-01', ['2026-11', '2026-12', '2027-01']],
  ])('on %s: %j', (today, periods) => {
    expect(duePeriods(today)).toEqual(periods);
  });

  it('looks back as far as asked, and at least one period', () => {
    expect(SETTLEMENT_LOOK_BACK_PERIODS).toBe(3);
    expect(duePeriods('2027-02-01', 1)).toEqual(['2026-12']);
    expect(duePeriods('2027-02-01', 5)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(() => duePeriods('2027-02-01', 0)).toThrow(RangeError);
  });

  it('always ends at the latest period whose issue day has come, with the periods before it (2026–2029)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 4 - 60 }), (n) => {
        const today = addDays('2026-03-01', n);
        const periods = duePeriods(today);
        const latest = periods[periods.length - 1] as string;
        expect(noticeSchedule(latest).issueOn <= today).toBe(true);
        expect(noticeSchedule(addMonths(latest, 1)).issueOn > today).toBe(true);
        expect(periods).toEqual([addMonths(latest, -2), addMonths(latest, -1), latest]);
      }),
    );
  });
});

describe('acceptsPayments', () => {
  it('until the day before the issue day (2026-12: issued 2027-02-01)', () => {
    expect(acceptsPayments('2026-12', '2026-11-24')).toBe(true);
    expect(acceptsPayments('2026-12', '2027-01-31')).toBe(true);
    expect(acceptsPayments('2026-12', '2027-02-01')).toBe(false);
    expect(acceptsPayments('2026-12', '2027-06-01')).toBe(false);
    expect(acceptsPayments('2027-01', '2027-02-01')).toBe(true);
  });
});

describe('periodDrafts', () => {
  it('makes one draft per partner with records, sharing each company’s payments by what each partner billed it', () => {
    const { drafts, unallocated } = periodDrafts(
      [
        record('reservation:1', 'partner-tw', 'acme', 600),
        record('reservation:2', 'partner-tw', 'beta', 600),
        record('visit:3', 'partner-tw', null, 600),
        record('reservation:4', 'partner-h1t', 'acme', 800),
      ],
      [
        { companyId: 'acme', amount: 1000 },
        { companyId: 'beta', amount: 400 },
        { companyId: 'beta', amount: 200 },
      ],
    );
    expect(unallocated).toEqual([]);
    expect(drafts).toEqual([
      {
        partnerId: 'partner-h1t',
        gross: 800,
        // 1000 × 800 / 1400 = 571.43 → 571
        paidByCompanies: 571,
        companies: [{ companyId: 'acme', companyName: 'acme Inc.', billed: 800, paid: 1000, share: 571 }],
        recordIds: ['reservation:4'],
      },
      {
        partnerId: 'partner-tw',
        gross: 1800,
        // 1000 × 600 / 1400 = 428.57 → 428, and the yen left over (largest remainder) → 429; beta's 600 whole
        paidByCompanies: 1029,
        companies: [
          { companyId: 'acme', companyName: 'acme Inc.', billed: 600, paid: 1000, share: 429 },
          { companyId: 'beta', companyName: 'beta Inc.', billed: 600, paid: 600, share: 600 },
        ],
        recordIds: ['reservation:1', 'reservation:2', 'visit:3'],
      },
    ]);
  });

  it('lists a company that billed yet paid nothing with a share of 0', () => {
    const { drafts } = periodDrafts([record('r1', 'p1', 'acme', 500)], []);
    expect(drafts).toEqual([
      {
        partnerId: 'p1',
        gross: 500,
        paidByCompanies: 0,
        companies: [{ companyId: 'acme', companyName: 'acme Inc.', billed: 500, paid: 0, share: 0 }],
        recordIds: ['r1'],
      },
    ]);
  });

  it('shares with nobody a payment of a company none of the period’s lines billed', () => {
    const { drafts, unallocated } = periodDrafts(
      [record('r1', 'p1', 'acme', 500), record('r2', 'p1', 'zero', 0)],
      [
        { companyId: 'ghost', amount: 3000 },
        { companyId: 'zero', amount: 100 },
        { companyId: 'acme', amount: 500 },
      ],
    );
    expect(unallocated).toEqual([
      { companyId: 'ghost', paid: 3000 },
      { companyId: 'zero', paid: 100 },
    ]);
    expect(drafts[0]?.paidByCompanies).toBe(500);
  });

  it('makes no draft without records (a partner with no lines gets no notice)', () => {
    expect(periodDrafts([], [{ companyId: 'acme', amount: 100 }])).toEqual({
      drafts: [],
      unallocated: [{ companyId: 'acme', paid: 100 }],
    });
  });

  it('keeps the last company name a record gave', () => {
    const { drafts } = periodDrafts(
      [record('r1', 'p1', 'acme', 100, '旧社名'), record('r2', 'p1', 'acme', 100, '新社名')],
      [],
    );
    expect(drafts[0]?.companies[0]?.companyName).toBe('新社名');
  });

  it('shares every yen a company paid, whatever the records (property)', () => {
    const partners = ['p1', 'p2', 'p3'];
    const companies = ['c1', 'c2'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            partnerId: fc.constantFrom(...partners),
            companyId: fc.constantFrom(...companies, null),
            amount: fc.integer({ min: 1, max: 100_000 }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.array(fc.record({ companyId: fc.constantFrom(...companies), amount: fc.integer({ min: 1, max: 1e7 }) }), {
          maxLength: 5,
        }),
        (rows, payments) => {
          const records = rows.map((r, i) => record(`r${i}`, r.partnerId, r.companyId, r.amount));
          const { drafts, unallocated } = periodDrafts(records, payments);
          const paid = payments.reduce((sum, p) => sum + p.amount, 0);
          const shared = drafts.reduce((sum, d) => sum + d.paidByCompanies, 0);
          expect(shared + unallocated.reduce((sum, u) => sum + u.paid, 0)).toBe(paid);
          expect(drafts.reduce((sum, d) => sum + d.gross, 0)).toBe(records.reduce((sum, r) => sum + r.amount, 0));
          expect(drafts.flatMap((d) => d.recordIds).sort()).toEqual(records.map((r) => r.recordId).sort());
          expect(drafts.map((d) => d.partnerId)).toEqual([...new Set(rows.map((r) => r.partnerId))].sort());
        },
      ),
    );
  });
});

describe('noticeOffsets', () => {
  const offsets = [
    { period: '2026-10', amount: 100 },
    { period: '2026-11', amount: 200 },
    { period: '2026-12', amount: 300 },
    { period: '2026-12', amount: 50 },
    { period: '2027-01', amount: 1000 },
  ];

  it('settles the period’s own, and carries in the earlier ones with what the last notice carried over', () => {
    // the previous notice was 2026-10's: 2026-11 had none, so its offsets are carried in
    expect(noticeOffsets('2026-12', offsets, { lastNoticePeriod: '2026-10', carriedOver: 40 })).toEqual({
      offsets: 350,
      carriedIn: 240,
      after: '2026-10',
    });
  });

  it('takes every offset up to the period for a partner’s first notice', () => {
    expect(noticeOffsets('2026-12', offsets, null)).toEqual({ offsets: 350, carriedIn: 300, after: null });
    expect(noticeOffsets('2026-09', offsets, null)).toEqual({ offsets: 0, carriedIn: 0, after: null });
  });

  it('refuses a period at or before the previous notice’s', () => {
    expect(() => noticeOffsets('2026-12', offsets, { lastNoticePeriod: '2026-12', carriedOver: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('paymentNotice', () => {
  const draft = {
    partnerId: 'partner-tw',
    gross: 1800,
    paidByCompanies: 1029,
    companies: [],
    recordIds: ['a', 'b', 'c'],
  };
  const issuedAt = Date.parse('2027-02-01T00:00:00+09:00');

  it('pays the rate of what companies paid, less the offsets, with its period’s dates', () => {
    expect(
      paymentNotice(
        '2026-12',
        draft,
        { ratePercent: 70, offsets: { offsets: 300, carriedIn: 0, after: null } },
        issuedAt,
      ),
    ).toEqual({
      noticeId: 'partner-tw:2026-12',
      partnerId: 'partner-tw',
      period: '2026-12',
      dates: { from: '2026-11-21', to: '2026-12-20' },
      issuedAt,
      dueDate: '2027-02-26',
      gross: 1800,
      paidByCompanies: 1029,
      ratePercent: 70,
      // 1029 × 0.7 = 720.3 → 720
      payout: 720,
      offsetsDue: 300,
      offsets: 300,
      net: 420,
      carriedOver: 0,
      carriedIn: 0,
      offsetsAfter: null,
      status: 'issued',
      companies: [],
      recordCount: 3,
    });
  });

  it('carries over the offsets beyond the payout, never a negative net', () => {
    const notice = paymentNotice(
      '2027-01',
      { ...draft, paidByCompanies: 1000 },
      { ratePercent: 60, offsets: { offsets: 500, carriedIn: 300, after: '2026-12' } },
      issuedAt,
    );
    expect(notice).toMatchObject({
      payout: 600,
      offsetsDue: 800,
      offsets: 600,
      net: 0,
      carriedOver: 200,
      carriedIn: 300,
      offsetsAfter: '2026-12',
      dueDate: '2027-03-31',
    });
  });
});

describe('recording a notice paid (noticePaid)', () => {
  // issued 2027-02-01 00:30 in Tokyo: 2027-01-31 15:30 UTC, so the issue day is read in the service zone
  const issuedAt = Date.parse('2027-02-01T00:30:00+09:00');
  const issued = { status: 'issued', issuedAt } as const;
  const paid = { status: 'paid', issuedAt, paidOn: '2027-02-20' } as const;

  it.each([
    ['an issued notice, paid on its issue day', issued, '2027-02-01', { kind: 'mark' }],
    ['an issued notice, paid later', issued, '2027-03-31', { kind: 'mark' }],
    [
      'an issued notice, the day before its issue day',
      issued,
      '2027-01-31',
      { kind: 'beforeIssue', issuedOn: '2027-02-01' },
    ],
    ['a paid notice, the same day again', paid, '2027-02-20', { kind: 'already' }],
    ['a paid notice, another day', paid, '2027-02-21', { kind: 'paidOnAnotherDay', paidOn: '2027-02-20' }],
    ['a paid notice, a day before its issue', paid, '2027-01-01', { kind: 'paidOnAnotherDay', paidOn: '2027-02-20' }],
  ] as const)('%s', (_, notice, paidOn, expected) => {
    expect(noticePaid(notice, paidOn)).toEqual(expected);
  });

  it('reads the issue day in the service zone', () => {
    expect(noticeIssuedOn({ issuedAt })).toBe('2027-02-01');
  });
});
