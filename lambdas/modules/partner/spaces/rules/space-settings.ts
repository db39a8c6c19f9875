/**
 * A partner's settings of a reservable space (api.md PATCH space, POST spaces; 004 §2-3 … §2-5): api.md's field
 * names onto the space, a price change recorded by use date (domain-rules §7), and the rules the result keeps
 * (`checkSpaceConfig`): a refusal names every broken rule (422 `INVALID_SPACE_CONFIG`).
 */
import { recordPriceChange } from '../../../../domain/billing';
import { checkSpaceConfig } from '../../../../domain/booking-rules';
import type {
  CancellationFeeRule,
  ExtensionPolicy,
  Facility,
  Instant,
  LocalDate,
  Space,
  SpaceOption,
} from '../../../../domain/model';

/** The fields a partner sets, as api.md names them (instants as epoch milliseconds). */
export interface SpaceSettings {
  name?: string;
  status?: 'active' | 'inactive';
  intro?: string | null;
  areaSqm?: number | null;
  amenities?: string[];
  capacity?: number;
  bookingType?: 'instant' | 'request';
  bookableFrom?: Instant | null;
  bookableUntil?: Instant | null;
  windowDaysFrom?: number;
  windowDaysTo?: number;
  price15?: number;
  priceDay?: number | null;
  minimumMinutes?: number;
  perCheckInLimitMinutes?: number | null;
  checkInOpensMinutesBefore?: number;
  extension?: ExtensionPolicy;
  externalLink?: boolean;
  bookingMailMessage?: string | null;
  guestLimit?: number | null;
  cancellationFees?: CancellationFeeRule[];
  options?: SpaceOption[];
}

export type SettingsOutcome = { ok: true; space: Space } | { ok: false; problems: string[] };

/** The space with `settings` on it, one version on, prices changed from `today`; or the rules it breaks. */
export function applySpaceSettings(space: Space, settings: SpaceSettings, today: LocalDate): SettingsOutcome {
  const { minimumMinutes, price15, priceDay, ...rest } = settings;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<Space>;
  const next: Space = { ...space, ...defined, version: space.version + 1 };
  if (minimumMinutes !== undefined) next.minBookingMinutes = minimumMinutes;
  if (price15 !== undefined || priceDay !== undefined) {
    const prices = { price15: price15 ?? space.price15, priceDay: priceDay === undefined ? space.priceDay : priceDay };
    next.priceHistory = recordPriceChange(space, today, prices);
    next.price15 = prices.price15;
    next.priceDay = prices.priceDay;
  }
  const check = checkSpaceConfig(next);
  return check.ok ? { ok: true, space: next } : { ok: false, problems: check.problems };
}

/** What a new space is before the partner's settings: the partner site's defaults (004 §2-3). */
export function newSpaceDefaults(input: {
  spaceId: string;
  facilityId: string;
  kind: Space['type'];
  doorIds: string[];
}): Space {
  return {
    spaceId: input.spaceId,
    version: 0,
    facilityId: input.facilityId,
    name: '',
    type: input.kind,
    status: 'active',
    bookingType: 'instant',
    bookableFrom: null,
    bookableUntil: null,
    windowDaysFrom: 0,
    windowDaysTo: 30,
    price15: 0,
    priceDay: null,
    minBookingMinutes: 15,
    perCheckInLimitMinutes: null,
    capacity: 1,
    checkInOpensMinutesBefore: 5,
    extension: { allowed: false, opensMinutesBeforeEnd: null },
    externalLink: false,
    cancellationFees: [],
    options: [],
    doorIds: input.doorIds,
    // No business day until the partner registers them (004 §2-5-1: check every weekday before publishing).
    calendar: { regularHours: [], specialOpenDays: [], closures: [] },
    calendarVersion: 1,
  };
}

/**
 * What a new space is: the partner site's defaults, then `settings`, at version 1 with today's prices and no price
 * history; or the rules the result breaks. A reservable space opens at every door of its facility; an open space
 * opens none (the member scans the QR code posted there) and admits a check-in from the moment it opens.
 */
export function newSpace(input: {
  spaceId: string;
  facility: Pick<Facility, 'facilityId' | 'doors'>;
  kind: Space['type'];
  settings: SpaceSettings;
  today: LocalDate;
}): SettingsOutcome {
  const { spaceId, facility, kind } = input;
  const open = kind === 'openSpace';
  const base = newSpaceDefaults({
    spaceId,
    facilityId: facility.facilityId,
    kind,
    doorIds: open ? [] : facility.doors.map((d) => d.doorId),
  });
  const applied = applySpaceSettings(
    open ? { ...base, checkInOpensMinutesBefore: 0 } : base,
    input.settings,
    input.today,
  );
  return applied.ok ? { ok: true, space: { ...applied.space, version: 1, priceHistory: [] } } : applied;
}
