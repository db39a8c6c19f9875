/**
 * The domain model shared by the pure core, the repositories and the API schemas.
 *
 * Conventions:
 * - An instant is a number of epoch milliseconds (UTC). Intervals are half-open `[start, end)`.
 * - A local date is `YYYY-MM-DD` and a local time is `HH:mm` (`24:00` allowed as a closing time),
 *   both in the facility's time zone.
 * - Money is whole yen without tax unless a field says otherwise.
 */

/** Epoch milliseconds, UTC. */
export type Instant = number;
/** `YYYY-MM-DD` in the facility's zone. */
export type LocalDate = string;
/** `HH:mm` in the facility's zone; `24:00` is allowed as a closing time. */
export type LocalTime = string;

export type Plan = 'basic' | 'premium' | 'corporate';
export type FacilityKind = 'reservation' | 'dropin' | 'meeting';
export type SpaceType = 'openSpace' | 'seat' | 'meetingRoom';
export type BookingType = 'instant' | 'request';
export type KeyType = 'smartLock' | 'keypad';
export type { OperatorRole } from '../../contracts/auth';

/** Regular hours for one ISO weekday (1 = Monday … 7 = Sunday). A weekday without an entry is closed. */
export interface WeeklyHours {
  weekday: number;
  open: LocalTime;
  close: LocalTime;
}

/** A date that is open with these hours although its weekday is normally closed (or with other hours). */
export interface SpecialOpenDay {
  date: LocalDate;
  open: LocalTime;
  close: LocalTime;
  /** The partner's own label (004 §2-5-2 ②: never shown to members). */
  title?: string | null;
}

/** A temporary closure: the whole day, or `[from, to)` in 15-minute steps. */
export type Closure = (
  | { date: LocalDate; allDay: true }
  | { date: LocalDate; allDay?: false; from: LocalTime; to: LocalTime }
) & {
  /** Given when the partner registers it (the id its deletion names). */
  closureId?: string;
  /** The partner's own label (004 §2-5-3 ②: never shown to members). */
  title?: string | null;
};

/** A space's calendar (domain-rules §2: calendars belong to spaces), in its facility's zone. */
export interface SpaceCalendar {
  regularHours: WeeklyHours[];
  specialOpenDays: SpecialOpenDay[];
  closures: Closure[];
}

/** A calendar with the zone its local dates and times are in: what the calendar rules read. */
export interface Calendar extends SpaceCalendar {
  /** IANA zone, e.g. `Asia/Tokyo`. */
  timeZone: string;
}

export interface Door {
  doorId: string;
  name: string;
  keyType: KeyType;
}

/** A station near a facility and the walk from it. */
export interface Station {
  line: string;
  station: string;
  walkMinutes: number;
  walkMeters: number;
}

export interface Facility {
  facilityId: string;
  /** Moves with every change; a partner's edit is conditioned on the version it read (ETag / If-Match). */
  version: number;
  partnerId: string;
  name: string;
  brand: string;
  kind: FacilityKind;
  address: { prefecture: string; city: string; line: string };
  location: { lat: number; lng: number };
  nearestStations: string[];
  /** What the partner site shows besides (004 §2-2): reading of the name, postal code, contact, site, text. */
  nameKana?: string | null;
  postalCode?: string | null;
  contact?: string | null;
  url?: string | null;
  description?: string | null;
  /** Stations with the walk from each (the partner's entry; `nearestStations` are their names). */
  stations?: Station[];
  amenities: string[];
  /** Publication window; outside it the facility is hidden from search and nothing is bookable. */
  publishFrom: Instant | null;
  publishUntil: Instant | null;
  notificationEmails: string[];
  checkInMethod: 'app' | 'qr';
  /** Uses per member per local day at this facility; `null` = no limit. */
  dailyCheckInLimit: number | null;
  basicPlanAllowed: boolean;
  /** IANA zone of the facility's local dates and times (its spaces' calendars, its publication window). */
  timeZone: string;
  doors: Door[];
}

export interface CancellationFeeRule {
  /** Calendar days before the start's date (0 = same day). */
  daysBefore: number;
  percent: number;
}

export interface SpaceOption {
  optionId: string;
  name: string;
  unitPrice: number;
  /** Most per booking; `null` = no maximum (the partner left it blank, 004 §2-5-5). */
  maxQuantity: number | null;
  /** What one is counted in (個, 時間 …), as the partner wrote it. */
  unit?: string;
}

/**
 * Prices in force from a local date (the facility's zone) until the next entry's `from` (004 資料1 ※1: a price
 * change applies to uses from the day it is made).
 */
export interface PriceEntry {
  from: LocalDate;
  price15: number;
  priceDay: number | null;
}

export interface ExtensionPolicy {
  allowed: boolean;
  /** Extension may be asked from this many minutes before the end; `null` = during the whole stay. */
  opensMinutesBeforeEnd: number | null;
}

/** How full an open space is (domain-rules §6, 004 §3-1): ゆとりがあります, やや混んでいます, ご利用いただけません. */
export type { CongestionLevel } from '../../contracts/http/congestion';

import type { CongestionLevel } from '../../contracts/http/congestion';

/** An open space's congestion as its partner's staff last set it, and when. */
export interface Congestion {
  level: CongestionLevel;
  comment: string | null;
  updatedAt: Instant;
}

export interface Space {
  spaceId: string;
  /** Moves with every change; a partner's edit is conditioned on the version it read (ETag / If-Match). */
  version: number;
  facilityId: string;
  name: string;
  type: SpaceType;
  status: 'active' | 'inactive';
  bookingType: BookingType;
  /** The bookable period `[bookableFrom, bookableUntil)` of the start, as instants (004 p.4); `null` = unbounded. */
  bookableFrom: Instant | null;
  bookableUntil: Instant | null;
  windowDaysFrom: number;
  windowDaysTo: number;
  /** Today's prices (what the catalogue shows). */
  price15: number;
  priceDay: number | null;
  /**
   * The prices in force by use date, oldest first, once the prices have changed (see `recordPriceChange`);
   * absent or empty = `price15`/`priceDay` on every date.
   */
  priceHistory?: PriceEntry[];
  minBookingMinutes: number;
  /** Minutes one use covers; `null` = no time limit (one use per visit). */
  perCheckInLimitMinutes: number | null;
  capacity: number;
  checkInOpensMinutesBefore: number;
  extension: ExtensionPolicy;
  /** Linked to an external booking system (004 p.21): no extension in the app. Absent = false. */
  externalLink?: boolean;
  cancellationFees: CancellationFeeRule[];
  options: SpaceOption[];
  doorIds: string[];
  /** Value of the QR code posted at a drop-in space. */
  qrValue?: string;
  /** Guests per visit for open spaces; `null` = unlimited, 0 = none. */
  guestLimit?: number | null;
  /** What the partner writes about it (004 §2-3): an introduction, its area, its amenities, a note for booking mails. */
  intro?: string | null;
  areaSqm?: number | null;
  amenities?: string[];
  bookingMailMessage?: string | null;
  /** Weekly hours, special open days and closures (004 §2-5), in the facility's zone. */
  calendar: SpaceCalendar;
  /** Moves with every calendar change, apart from `version` (the calendar has its own ETag, api.md). */
  calendarVersion: number;
  /**
   * A calendar change being checked against held bookings, since when: while it is here, a booking must fit both
   * calendars, so that no booking made during the check can be stranded by it (see partner/calendar).
   */
  calendarPending?: { calendar: SpaceCalendar; since: Instant } | null;
  /**
   * An open space's congestion (a status, not a setting): written alone, last write wins, and `version` does not
   * move; absent until staff first set it.
   */
  congestion?: Congestion | null;
}

export interface Member {
  memberId: string;
  memberNumber: string;
  /** `null`: no plan yet (no corporate code, nothing bought). */
  plan: Plan | null;
  /** Purchase day of an individual plan (the contract month is counted from it). */
  contractStart: LocalDate | null;
  companyId: string | null;
  companyName: string | null;
  /** Last day of the last paid contract month of a bought plan; absent for plans set by staff (never lapse). */
  paidUntil?: LocalDate | null;
  /** The plan the next renewal switches to (a plan change). */
  nextPlan?: Exclude<Plan, 'corporate'> | null;
  /** The member stopped renewal: the plan ends with the paid month. */
  renewalStopped?: boolean;
}

export interface Company {
  companyId: string;
  name: string;
  corporateCode: string;
  /** Uses per calendar month for the whole company; `null` = no cap. */
  monthlyCap: number | null;
  /** Moves with every change (the back office's ETag); absent on companies written before = 1. */
  version?: number;
}

export type ReservationStatus =
  | 'requested'
  | 'confirmed'
  | 'rejected'
  | 'cancelled'
  | 'autoCancelled'
  | 'checkedIn'
  | 'checkedOut'
  | 'forcedCheckout'
  | 'noShow';

/** Statuses that hold a slot and the member's time. */
export const HOLDING_STATUSES: readonly ReservationStatus[] = ['requested', 'confirmed', 'checkedIn'];

export interface Price {
  amount: number;
  tax: number;
  total: number;
}

/** Error codes of the API contract (api.md). */
export type { ErrorCode } from '../../contracts/errors';

import type { ErrorCode } from '../../contracts/errors';

/** The outcome of a rule: ok, or a refusal with an API error code and a human detail. */
export type Verdict = { ok: true } | { ok: false; code: ErrorCode; detail: string };

export const OK: Verdict = { ok: true };
export const refuse = (code: ErrorCode, detail: string): Verdict => ({ ok: false, code, detail });

/** The zone member-level periods (contract months, company months) are counted in. */
export const SERVICE_TIME_ZONE = 'Asia/Tokyo';

/**
 * The service's name as members and partners see it printed: the app members scan a QR poster with, and the issuer of
 * the partners' payment notices.
 */
export const SERVICE_NAME = 'NIKKEI OFFICE PASS';

/** One option chosen for a booking. */
export interface OptionChoice {
  optionId: string;
  quantity: number;
}

/** Where a reservation's uses are counted, so that releasing them later touches the same counters. */
export interface UsesLedger {
  /** Start of the member's usage period (contract month or calendar month). */
  memberPeriod: LocalDate;
  /** The company's calendar month (`YYYY-MM`), for corporate members. */
  companyId: string | null;
  companyMonth: string | null;
  /** The facility's local date the daily limit counts on, when the facility has one. */
  dailyDate: LocalDate | null;
}

export interface Reservation {
  reservationId: string;
  /** The human reservation number (`R-XXXX-XXXX-XXXX`), unique; absent on reservations stored before numbers. */
  number?: string;
  memberId: string;
  memberNumber: string;
  /** The company of a corporate member at booking time; absent for individual plans (and on older items). */
  companyName?: string;
  facilityId: string;
  partnerId: string;
  spaceId: string;
  /** The facility's zone, for showing the reservation's instants. */
  timeZone: string;
  start: Instant;
  /** The checkout deadline (moves with extensions). */
  end: Instant;
  status: ReservationStatus;
  bookingType: BookingType;
  uses: number;
  price: Price;
  options: OptionChoice[];
  /** The space's fee rules when it was booked: later changes do not apply to it. */
  cancellationFees: CancellationFeeRule[];
  cancellationFee: number | null;
  checkedInAt: Instant | null;
  checkedOutAt: Instant | null;
  createdAt: Instant;
  /** When an unanswered request is cancelled automatically. */
  requestExpiresAt: Instant | null;
  ledger: UsesLedger;
  /** Incremented on every change; writes are conditioned on it. */
  version: number;
  /** The code issued at check-in at a keypad door (absent or `null` otherwise). */
  keypad?: KeypadCode | null;
}

/** A keypad door's code for one stay: valid `[validFrom, validUntil)`, withdrawn at checkout or forced checkout. */
export interface KeypadCode {
  doorId: string;
  /** Six digits. */
  code: string;
  validFrom: Instant;
  validUntil: Instant;
  withdrawnAt: Instant | null;
}

export type UnlockPurpose = 'entry' | 'reentry' | 'exit';
/** A `sent` command past its expiry shows as expired; `expired` is stored when a door's result arrives after it. */
export type UnlockStatus = 'sent' | 'unlocked' | 'rejected' | 'failed' | 'expired';

export interface UnlockCommand {
  commandId: string;
  doorId: string;
  reservationId: string;
  memberId: string;
  purpose: UnlockPurpose;
  /** The facility's zone, for showing the command's instants. */
  timeZone: string;
  issuedAt: Instant;
  expiresAt: Instant;
  status: UnlockStatus;
  /** When the door reported its result. */
  resultAt: Instant | null;
  reason: string | null;
}
