/**
 * Sales lines (domain-rules §7, 004 §3-4, api.md `SalesLine`): one line per chargeable thing of an event, made from the
 * event's own facts when it happens and never rebuilt later. An event's lines are kept together as one sales record,
 * written in the event's transaction under an id the event fixes, so a retried event writes them once. Pure.
 */
import { openSpaceCharge, withTax } from '../../../domain/billing';
import { localDateOf, MINUTE_MS, SLOT_MINUTES } from '../../../domain/calendar';
import type { Instant, LocalDate, Price } from '../../../domain/model';

export const SALES_ITEMS = ['reservedSpace', 'meetingRoom', 'openSpace', 'guest', 'option', 'cancellationFee'] as const;
export type SalesItem = (typeof SALES_ITEMS)[number];

export interface SalesLine extends Price {
  lineId: string;
  item: SalesItem;
  /** What the line is for, in the partner's words (the space's name, the option's, the minutes). */
  description: string;
  unitPrice: number;
  quantity: number;
  /** The unit `quantity` counts (分 for per-minute charges, 15分 for reserved time, the option's own unit). */
  unit: string;
}

/** Who and where an event's lines bill: the same for every line of one event. */
export interface SalesParty {
  partnerId: string;
  /** The member's company (corporate plans): whose payments pay for the line (settlement shares them by it). */
  companyId: string | null;
  companyName: string | null;
  memberNumber: string;
  facilityId: string;
  spaceId: string;
}

/** One event's lines (a visit's end, a reservation's settlement, a cancellation's fee), as one record. */
export interface SalesRecord extends SalesParty {
  /**
   * Fixed by the event (`visit:<id>`, `reservation:<id>`, `fee:<id>`, `correction:<visitId>:<version>`): a second
   * write of it is the same record.
   */
  recordId: string;
  /** The facility's local date the lines are for (a cancellation fee: the reservation's date). */
  useDate: LocalDate;
  /** When the event happened. */
  recordedAt: Instant;
  reservationId?: string;
  visitId?: string;
  lines: SalesLine[];
}

/** The id of a visit's end's record, a reservation's settlement's, a reservation's cancellation fee's. */
export const visitRecordId = (visitId: string) => `visit:${visitId}`;
export const reservationRecordId = (reservationId: string) => `reservation:${reservationId}`;
export const feeRecordId = (reservationId: string) => `fee:${reservationId}`;

/** Only the party's fields of whatever carries them (a visit, a reservation). */
const partyOf = ({ partnerId, companyId, companyName, memberNumber, facilityId, spaceId }: SalesParty): SalesParty => ({
  partnerId,
  companyId,
  companyName,
  memberNumber,
  facilityId,
  spaceId,
});

/** The sum of a record's lines. */
export const recordTotal = (record: Pick<SalesRecord, 'lines'>): Price =>
  record.lines.reduce(
    (sum, line) => ({
      amount: sum.amount + line.amount,
      tax: sum.tax + line.tax,
      total: sum.total + line.total,
    }),
    { amount: 0, tax: 0, total: 0 },
  );

/** A line of `amount` (tax per line, yen down). */
const line = (fields: Omit<SalesLine, keyof Price>, amount: number): SalesLine => ({ ...fields, ...withTax(amount) });

/** What an ended drop-in visit bills: the member's minutes, and each guest's (004 資料1). */
export interface EndedVisit {
  visitId: string;
  checkedInAt: Instant;
  checkedOutAt: Instant;
  closesAt: Instant | null;
  timeZone: string;
  guests: ReadonlyArray<{ guestId: string; checkedInAt: Instant; checkedOutAt: Instant }>;
}

/**
 * The record of a visit's end: the member's line (item `openSpace`) and one per guest (`guest`), each `price15` per 15
 * minutes of its own minutes, seconds up, yen down, nothing after closing.
 */
export function visitRecord(
  visit: EndedVisit,
  party: SalesParty,
  space: { name: string; price15: number },
  recordedAt: Instant,
): SalesRecord {
  const perMinute = (lineId: string, item: SalesItem, who: string, from: Instant, to: Instant): SalesLine => {
    const { minutes, amount } = openSpaceCharge({
      price15: space.price15,
      checkIn: from,
      checkOut: to,
      closesAt: visit.closesAt,
    });
    return line(
      {
        lineId,
        item,
        description: `${space.name} ${who}${minutes}分`,
        unitPrice: space.price15,
        quantity: minutes,
        unit: '分',
      },
      amount,
    );
  };
  return {
    ...partyOf(party),
    recordId: visitRecordId(visit.visitId),
    useDate: localDateOf(visit.checkedInAt, visit.timeZone),
    recordedAt,
    visitId: visit.visitId,
    lines: [
      perMinute('member', 'openSpace', '', visit.checkedInAt, visit.checkedOutAt),
      ...visit.guests.map((guest) =>
        perMinute(guest.guestId, 'guest', `ゲスト${guest.guestId.slice(1)} `, guest.checkedInAt, guest.checkedOutAt),
      ),
    ],
  };
}

/** A visit's end as a correction reads it: its times and the charges its end (or last correction) billed. */
export interface BilledVisit {
  visitId: string;
  checkedInAt: Instant;
  checkedOutAt: Instant;
  closesAt: Instant | null;
  timeZone: string;
  charge: Price | null;
  guests: ReadonlyArray<{ guestId: string; checkedInAt: Instant; checkedOutAt: Instant; charge: Price | null }>;
}

/** The id of the record of a visit's correction made over its version `version` (a retry writes it once). */
export const visitCorrectionRecordId = (visitId: string, version: number) => `correction:${visitId}:${version}`;

const NO_CHARGE: Price = { amount: 0, tax: 0, total: 0 };

/**
 * The record of a correction of a visit's end (domain-rules §7): the visit's lines are never rebuilt; this record
 * holds the differences, one line per person whose minutes or charge changed (item and line id as in the visit's
 * record; `quantity` the minutes added, negative when taken back; the money the new charge less the one billed, so the
 * visit's record and its corrections sum to the charges of the corrected visit). On the visit's use date, so it adds
 * to the same day's and month's totals. `null` when nothing billed changes.
 */
export function visitCorrectionRecord(
  before: BilledVisit & { version: number },
  after: BilledVisit,
  party: SalesParty,
  space: { name: string; price15: number },
  recordedAt: Instant,
): SalesRecord | null {
  const minutesOf = (from: Instant, to: Instant) =>
    openSpaceCharge({ price15: space.price15, checkIn: from, checkOut: to, closesAt: after.closesAt }).minutes;
  const difference = (
    lineId: string,
    item: SalesItem,
    who: string,
    was: { checkedInAt: Instant; checkedOutAt: Instant; charge: Price | null },
    now: { checkedInAt: Instant; checkedOutAt: Instant; charge: Price | null },
  ): SalesLine[] => {
    const [oldMinutes, newMinutes] = [
      minutesOf(was.checkedInAt, was.checkedOutAt),
      minutesOf(now.checkedInAt, now.checkedOutAt),
    ];
    const [oldCharge, newCharge] = [was.charge ?? NO_CHARGE, now.charge ?? NO_CHARGE];
    if (oldMinutes === newMinutes && oldCharge.total === newCharge.total && oldCharge.amount === newCharge.amount)
      return [];
    return [
      {
        lineId,
        item,
        description: `${space.name} ${who}訂正 ${oldMinutes}分→${newMinutes}分`,
        unitPrice: space.price15,
        quantity: newMinutes - oldMinutes,
        unit: '分',
        amount: newCharge.amount - oldCharge.amount,
        tax: newCharge.tax - oldCharge.tax,
        total: newCharge.total - oldCharge.total,
      },
    ];
  };
  const lines = [
    ...difference('member', 'openSpace', '', before, after),
    ...after.guests.flatMap((guest) => {
      const was = before.guests.find((g) => g.guestId === guest.guestId);
      return was ? difference(guest.guestId, 'guest', `ゲスト${guest.guestId.slice(1)} `, was, guest) : [];
    }),
  ];
  if (lines.length === 0) return null;
  return {
    ...partyOf(party),
    recordId: visitCorrectionRecordId(before.visitId, before.version),
    useDate: localDateOf(before.checkedInAt, before.timeZone),
    recordedAt,
    visitId: before.visitId,
    lines,
  };
}

/** What a settled reservation bills: its reserved time (not the stay), at the prices of its use date, and options. */
export interface SettledReservation {
  reservationId: string;
  start: Instant;
  end: Instant;
  timeZone: string;
  options: ReadonlyArray<{ optionId: string; quantity: number }>;
}

/**
 * The record of a reservation's settlement (checkout, forced checkout, no-show): the reserved space or meeting room
 * for its reserved time (`amount`: the charge of its use date, a whole day at the day price) and one line per option.
 */
export function reservationRecord(
  reservation: SettledReservation,
  party: SalesParty,
  space: {
    name: string;
    type: 'seat' | 'meetingRoom' | 'openSpace';
    price15: number;
    options: ReadonlyArray<{ optionId: string; name: string; unitPrice: number; unit?: string }>;
  },
  amount: number,
  recordedAt: Instant,
): SalesRecord {
  const slots = Math.round((reservation.end - reservation.start) / (SLOT_MINUTES * MINUTE_MS));
  const options = reservation.options.flatMap((choice) => {
    const option = space.options.find((o) => o.optionId === choice.optionId);
    if (!option) return [];
    return [
      line(
        {
          lineId: `option:${option.optionId}`,
          item: 'option' as const,
          description: option.name,
          unitPrice: option.unitPrice,
          quantity: choice.quantity,
          unit: option.unit ?? '個',
        },
        option.unitPrice * choice.quantity,
      ),
    ];
  });
  return {
    ...partyOf(party),
    recordId: reservationRecordId(reservation.reservationId),
    useDate: localDateOf(reservation.start, reservation.timeZone),
    recordedAt,
    reservationId: reservation.reservationId,
    lines: [
      line(
        {
          lineId: 'use',
          item: space.type === 'meetingRoom' ? 'meetingRoom' : 'reservedSpace',
          description: `${space.name} ${slots * SLOT_MINUTES}分`,
          unitPrice: space.price15,
          quantity: slots,
          unit: '15分',
        },
        amount,
      ),
      ...options,
    ],
  };
}

/** The record of a cancellation's fee, on the reservation's date (api.md); none without a fee. */
export function cancellationFeeRecord(
  reservation: Pick<SettledReservation, 'reservationId' | 'start' | 'timeZone'>,
  party: SalesParty,
  space: { name: string },
  fee: number,
  recordedAt: Instant,
): SalesRecord | null {
  if (fee <= 0) return null;
  return {
    ...partyOf(party),
    recordId: feeRecordId(reservation.reservationId),
    useDate: localDateOf(reservation.start, reservation.timeZone),
    recordedAt,
    reservationId: reservation.reservationId,
    lines: [
      line(
        {
          lineId: 'fee',
          item: 'cancellationFee',
          description: `${space.name} キャンセル料`,
          unitPrice: fee,
          quantity: 1,
          unit: '件',
        },
        fee,
      ),
    ],
  };
}
