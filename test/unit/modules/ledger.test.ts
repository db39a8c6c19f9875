/** Sales lines (domain-rules §7, api.md `SalesLine`): what each chargeable event bills, line by line, tax per line. */
import { describe, expect, it } from 'vitest';
import {
  cancellationFeeRecord,
  recordTotal,
  reservationRecord,
  visitCorrectionRecord,
  visitRecord,
} from '../../../lambdas/modules/ledger/rules/lines';
import { tokyo } from '../../fixtures/domain';

const party = {
  partnerId: 'partner-1',
  companyId: 'company-1',
  companyName: '株式会社サンプル',
  memberNumber: 'TW900001',
  facilityId: 'fac-1',
  spaceId: 'space-1',
};
const NOW = tokyo('2026-11-24T12:30');

describe('visitRecord', () => {
  it('bills 004 資料1’s example per minute, and each guest their own minutes, nothing after closing', () => {
    const record = visitRecord(
      {
        visitId: 'v-1',
        checkedInAt: tokyo('2026-11-24T10:53:18'),
        checkedOutAt: tokyo('2026-11-24T12:26:50'),
        closesAt: tokyo('2026-11-24T12:00'),
        timeZone: 'Asia/Tokyo',
        guests: [{ guestId: 'g1', checkedInAt: tokyo('2026-11-24T11:00'), checkedOutAt: tokyo('2026-11-24T11:30:01') }],
      },
      // a visit carries more than the party: only the party's fields reach the record
      { ...party, status: 'out' } as typeof party,
      { name: 'ラウンジ', price15: 250 },
      NOW,
    );
    expect(record).toEqual({
      ...party,
      recordId: 'visit:v-1',
      useDate: '2026-11-24',
      recordedAt: NOW,
      visitId: 'v-1',
      lines: [
        // cut at closing: 10:53:18–12:00 → 67 minutes
        {
          lineId: 'member',
          item: 'openSpace',
          description: 'ラウンジ 67分',
          unitPrice: 250,
          quantity: 67,
          unit: '分',
          amount: 1116,
          tax: 111,
          total: 1227,
        },
        {
          lineId: 'g1',
          item: 'guest',
          description: 'ラウンジ ゲスト1 31分',
          unitPrice: 250,
          quantity: 31,
          unit: '分',
          amount: 516,
          tax: 51,
          total: 567,
        },
      ],
    });
    expect(recordTotal(record)).toEqual({ amount: 1632, tax: 162, total: 1794 });
  });

  it('without closing, bills the whole stay (資料1: 94 min → 1,566 yen)', () => {
    const record = visitRecord(
      {
        visitId: 'v-2',
        checkedInAt: tokyo('2026-11-24T10:53:18'),
        checkedOutAt: tokyo('2026-11-24T12:26:50'),
        closesAt: null,
        timeZone: 'Asia/Tokyo',
        guests: [],
      },
      party,
      { name: 'ラウンジ', price15: 250 },
      NOW,
    );
    expect(record.lines).toEqual([expect.objectContaining({ quantity: 94, amount: 1566, tax: 156, total: 1722 })]);
  });
});

describe('reservationRecord', () => {
  const room = {
    name: '会議室A',
    type: 'meetingRoom' as const,
    price15: 300,
    options: [
      { optionId: 'projector', name: 'プロジェクター', unitPrice: 1000, unit: '台' },
      { optionId: 'coffee', name: 'コーヒー', unitPrice: 200 },
    ],
  };
  const reservation = {
    reservationId: 'r-1',
    start: tokyo('2026-11-25T14:00'),
    end: tokyo('2026-11-25T16:00'),
    timeZone: 'Asia/Tokyo',
    options: [
      { optionId: 'projector', quantity: 1 },
      { optionId: 'coffee', quantity: 3 },
    ],
  };

  it('bills the reserved time (2 h at 300 yen/15 min → 2,400 yen) and each option, tax per line', () => {
    const record = reservationRecord(reservation, party, room, 2400, NOW);
    expect(record).toMatchObject({ recordId: 'reservation:r-1', useDate: '2026-11-25', reservationId: 'r-1' });
    expect(record.lines).toEqual([
      {
        lineId: 'use',
        item: 'meetingRoom',
        description: '会議室A 120分',
        unitPrice: 300,
        quantity: 8,
        unit: '15分',
        amount: 2400,
        tax: 240,
        total: 2640,
      },
      {
        lineId: 'option:projector',
        item: 'option',
        description: 'プロジェクター',
        unitPrice: 1000,
        quantity: 1,
        unit: '台',
        amount: 1000,
        tax: 100,
        total: 1100,
      },
      {
        lineId: 'option:coffee',
        item: 'option',
        description: 'コーヒー',
        unitPrice: 200,
        quantity: 3,
        unit: '個',
        amount: 600,
        tax: 60,
        total: 660,
      },
    ]);
  });

  it('bills a seat as a reserved space, and skips an option the space no longer offers', () => {
    const seat = { ...room, type: 'seat' as const, options: [] };
    const record = reservationRecord(reservation, party, seat, 2400, NOW);
    expect(record.lines.map((l) => l.item)).toEqual(['reservedSpace']);
  });
});

describe('cancellationFeeRecord', () => {
  it('bills the fee on the reservation’s date, and nothing without one', () => {
    const reservation = { reservationId: 'r-2', start: tokyo('2026-11-27T10:00'), timeZone: 'Asia/Tokyo' };
    expect(cancellationFeeRecord(reservation, party, { name: '会議室A' }, 720, NOW)).toMatchObject({
      recordId: 'fee:r-2',
      useDate: '2026-11-27',
      lines: [{ item: 'cancellationFee', description: '会議室A キャンセル料', amount: 720, tax: 72, total: 792 }],
    });
    expect(cancellationFeeRecord(reservation, party, { name: '会議室A' }, 0, NOW)).toBeNull();
  });
});

describe('visitCorrectionRecord', () => {
  const T = (time: string) => tokyo(`2026-11-24T${time}`);
  const price = (amount: number) => ({ amount, tax: Math.floor(amount / 10), total: amount + Math.floor(amount / 10) });
  const before = {
    visitId: 'v-1',
    version: 2,
    checkedInAt: T('10:00'),
    checkedOutAt: T('13:00'),
    closesAt: T('18:00'),
    timeZone: 'Asia/Tokyo',
    charge: price(3000),
    guests: [
      { guestId: 'g1', checkedInAt: T('10:30'), checkedOutAt: T('13:00'), charge: price(2500) },
      { guestId: 'g2', checkedInAt: T('10:30'), checkedOutAt: T('11:00'), charge: price(500) },
    ],
  };
  const space = { name: 'ラウンジ', price15: 250 };

  it('holds the differences only, negative when the stay shrinks, on the visit’s use date', () => {
    const after = {
      ...before,
      checkedOutAt: T('12:00'),
      charge: price(2000),
      guests: [{ ...before.guests[0], checkedOutAt: T('12:00'), charge: price(1500) }, before.guests[1]],
    } as typeof before;
    const record = visitCorrectionRecord(before, after, party, space, NOW);
    expect(record).toEqual({
      ...party,
      recordId: 'correction:v-1:2',
      useDate: '2026-11-24',
      recordedAt: NOW,
      visitId: 'v-1',
      lines: [
        {
          lineId: 'member',
          item: 'openSpace',
          description: 'ラウンジ 訂正 180分→120分',
          unitPrice: 250,
          quantity: -60,
          unit: '分',
          amount: -1000,
          tax: -100,
          total: -1100,
        },
        {
          lineId: 'g1',
          item: 'guest',
          description: 'ラウンジ ゲスト1 訂正 150分→90分',
          unitPrice: 250,
          quantity: -60,
          unit: '分',
          amount: -1000,
          tax: -100,
          total: -1100,
        },
      ],
    });
    // the visit's record and its correction sum to the corrected charges
    if (!record) throw new Error('no record');
    expect(recordTotal(record)).toEqual({ amount: -2000, tax: -200, total: -2200 });
  });

  it('is none when nothing billed changes', () => {
    expect(visitCorrectionRecord(before, { ...before }, party, space, NOW)).toBeNull();
  });
});
