/**
 * Money for TIMEWORK partners (domain-rules §7, 004 資料1): usage charges, options and tax. Settlement (periods,
 * business days, payouts) is in `settlement.ts`, apart, so that the holiday data it needs stays out of the bundles
 * of the functions that charge.
 * All amounts are whole yen without tax; every division rounds down, in integer arithmetic.
 *
 * Choices where the rules are silent:
 * - Reserved charge: a booking is split at local midnight; each date whose open hours it covers wholly
 *   (and that has open hours) costs the day price when there is one, the rest is charged by the minute
 *   (`price15 × minutes / 15`, rounded down once).
 * - Tax on a negative amount (a refund) is rounded toward zero, mirroring the positive case.
 * - An option selected twice in one request is refused rather than summed.
 * - Prices by use date (004 資料1 ※1): a reservation's use date is the local date of its start, and the whole
 *   reservation is charged at the prices in force on it (a booking across midnight does not switch prices).
 *   A history starts with the prices it replaced (from `PRICE_HISTORY_START`); a use date before its first
 *   entry takes that entry; two changes on one day: the later one is in force for the whole day.
 */
import { addDays, atLocal, localDateOf, MINUTE_MS, openIntervals, SLOT_MINUTES } from './calendar';
import type { Calendar, Instant, LocalDate, Price, PriceEntry, SpaceOption } from './model';

/** Consumption tax, in percent. */
export const CONSUMPTION_TAX_PERCENT = 10;
/** Consumption tax rate (10 %). */
export const CONSUMPTION_TAX_RATE = CONSUMPTION_TAX_PERCENT / 100;

const floorDiv = (a: number, b: number): number => Math.floor(a / b);

/** The amount with its consumption tax (10 %, rounded down: `floor(amount × 10 / 100)`) and the total. */
export function withTax(amount: number): Price {
  const magnitude = floorDiv(Math.abs(amount) * CONSUMPTION_TAX_PERCENT, 100);
  const tax = amount < 0 ? -magnitude : magnitude;
  return { amount, tax, total: amount + tax };
}

/** `floor(price15 × minutes / 15)`: the per-15-minute price applied to whole minutes. */
export function chargeForMinutes(price15: number, minutes: number): number {
  return floorDiv(price15 * minutes, SLOT_MINUTES);
}

/**
 * The charge of a reserved space for the reserved time (not the actual stay; per space, not per person):
 * `floor(price15 × minutes / 15)` (300 yen per 15 min, 2 h → 2,400 yen); a date whose open hours the booking
 * covers wholly costs `priceDay` instead when it is set. An empty or reversed interval costs 0.
 */
export function reservedCharge({
  price15,
  priceDay,
  start,
  end,
  calendar,
}: {
  price15: number;
  priceDay: number | null;
  start: Instant;
  end: Instant;
  calendar: Calendar;
}): number {
  if (!(end > start)) return 0;
  const zone = calendar.timeZone;
  let dayCharges = 0;
  let minutes = 0;
  for (let date = localDateOf(start, zone); atLocal(date, '00:00', zone) < end; date = addDays(date, 1)) {
    const from = Math.max(start, atLocal(date, '00:00', zone));
    const to = Math.min(end, atLocal(date, '24:00', zone));
    const open = openIntervals(calendar, date);
    const wholeDay = priceDay !== null && open.length > 0 && open.every(([s, e]) => from <= s && e <= to);
    if (wholeDay) dayCharges += priceDay;
    else minutes += (to - from) / MINUTE_MS;
  }
  return dayCharges + chargeForMinutes(price15, minutes);
}

/** The prices of a space on one day. */
export type Prices = Pick<PriceEntry, 'price15' | 'priceDay'>;

/** What prices are read from: today's prices and, once they changed, the history by use date. */
export interface PricedSpace extends Prices {
  priceHistory?: readonly PriceEntry[];
}

/** The `from` of a history's first entry: the prices a space had before its first change. */
export const PRICE_HISTORY_START: LocalDate = '2000-01-01';

/**
 * The prices in force on `useDate` (004 資料1 ※1): the entry with the greatest `from` ≤ `useDate` (the last one
 * listed when a day has two); `today` when the history is empty or absent. A date before the first entry
 * takes the first entry (the history starts with the prices its first change replaced).
 */
export function priceOn(history: readonly PriceEntry[] | undefined, useDate: LocalDate, today: Prices): Prices {
  let inForce: PriceEntry | undefined;
  let earliest: PriceEntry | undefined;
  for (const entry of history ?? []) {
    if (entry.from <= useDate && (inForce === undefined || entry.from >= inForce.from)) inForce = entry;
    if (earliest === undefined || entry.from < earliest.from) earliest = entry;
  }
  const chosen = inForce ?? earliest ?? today;
  return { price15: chosen.price15, priceDay: chosen.priceDay };
}

/** The prices of a space in force on `useDate`: its history when it has one, else today's prices. */
export const pricesOn = (space: PricedSpace, useDate: LocalDate): Prices => priceOn(space.priceHistory, useDate, space);

/**
 * The history after a price change made on `changedOn` (a local date): the new prices are in force for uses
 * from that day on, uses before it keep theirs. The first change also records the prices it replaces (from
 * {@link PRICE_HISTORY_START}); a second change on the same day replaces the first. Unchanged prices leave the
 * history as it is.
 */
export function recordPriceChange(space: PricedSpace, changedOn: LocalDate, next: Prices): PriceEntry[] {
  const history: PriceEntry[] =
    space.priceHistory && space.priceHistory.length > 0
      ? [...space.priceHistory]
      : [{ from: PRICE_HISTORY_START, price15: space.price15, priceDay: space.priceDay }];
  const current = priceOn(history, changedOn, space);
  if (current.price15 === next.price15 && current.priceDay === next.priceDay) return [...(space.priceHistory ?? [])];
  return [
    ...history.filter((entry) => entry.from < changedOn),
    { from: changedOn, price15: next.price15, priceDay: next.priceDay },
  ];
}

/**
 * A reserved space's charge at the prices in force on its use date, the local date of `start` (see
 * {@link reservedCharge}). Read at booking, with the history as it is then, it is the estimate the member is
 * shown; read on the use date, with the history as it is then, it is the charge.
 */
export function reservedChargeOn(
  space: PricedSpace,
  booking: { start: Instant; end: Instant; calendar: Calendar },
): number {
  const prices = pricesOn(space, localDateOf(booking.start, booking.calendar.timeZone));
  return reservedCharge({ ...prices, ...booking });
}

/**
 * The charge of a drop-in stay, per minute: time after `closesAt` is not charged, the stay's seconds round
 * up to a whole minute, yen round down (250 yen/15 min, 10:53:18–12:26:50 → 94 min → 1,566 yen).
 * `closesAt: null` = no closing time to cut at.
 */
export function openSpaceCharge({
  price15,
  checkIn,
  checkOut,
  closesAt,
}: {
  price15: number;
  checkIn: Instant;
  checkOut: Instant;
  closesAt: Instant | null;
}): { minutes: number; amount: number } {
  const out = closesAt === null ? checkOut : Math.min(checkOut, closesAt);
  const minutes = Math.ceil(Math.max(0, out - checkIn) / MINUTE_MS);
  return { minutes, amount: chargeForMinutes(price15, minutes) };
}

/** One option chosen for a booking. */
export interface OptionSelection {
  optionId: string;
  quantity: number;
}

/**
 * The options' charge, unit price × quantity summed; refused (VALIDATION_FAILED) for an unknown option,
 * an option listed twice, or a quantity that is not a whole number from 1 to the option's maximum (any
 * whole number from 1 when the option has none: `maxQuantity: null`).
 */
export function optionsCharge(
  options: readonly SpaceOption[],
  selections: readonly OptionSelection[],
): { ok: true; amount: number } | { ok: false; code: 'VALIDATION_FAILED'; detail: string } {
  const seen = new Set<string>();
  let amount = 0;
  for (const { optionId, quantity } of selections) {
    const option = options.find((o) => o.optionId === optionId);
    if (!option) return { ok: false, code: 'VALIDATION_FAILED', detail: `Unknown option ${optionId}.` };
    if (seen.has(optionId))
      return { ok: false, code: 'VALIDATION_FAILED', detail: `Option ${optionId} is listed twice.` };
    seen.add(optionId);
    const max = option.maxQuantity;
    if (!Number.isInteger(quantity) || quantity < 1 || (max !== null && quantity > max)) {
      return {
        ok: false,
        code: 'VALIDATION_FAILED',
        detail: `Option ${optionId}: quantity must be ${max === null ? 'a whole number from 1' : `from 1 to ${max}`}.`,
      };
    }
    amount += option.unitPrice * quantity;
  }
  return { ok: true, amount };
}
