/**
 * API response schemas (api.md): what each route answers, strict (a field the contract does not name is a
 * fault). The views in `lambdas/shared/views.ts` are typed by them, the local stack and the tests check every
 * answer against them, and the OpenAPI document is generated from them and the request schemas.
 */
import * as z from 'zod';
import { doorEventResults, unlockCommand, unlockPurposes } from '../mqtt';
import { facilityKinds, plans } from './api';

/** An instant in the facility's zone, e.g. `2026-11-24T14:00:00+09:00`. */
const zoned = z.iso.datetime({ offset: true });
const localDate = z.iso.date();
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Expected HH:mm');
const yen = z.number().int().min(0);
const count = z.number().int().min(0);

export const reservationStatuses = [
  'requested',
  'confirmed',
  'rejected',
  'cancelled',
  'autoCancelled',
  'checkedIn',
  'checkedOut',
  'forcedCheckout',
  'noShow',
] as const;
export const unlockStatuses = ['sent', ...doorEventResults, 'expired'] as const;

const weeklyHours = z.strictObject({ weekday: z.number().int().min(1).max(7), open: localTime, close: localTime });
const price = z.strictObject({ amount: yen, tax: yen, total: yen });
const optionChoice = z.strictObject({ optionId: z.string(), quantity: z.number().int().min(1) });
const cancellationFeeRule = z.strictObject({ daysBefore: count, percent: z.number().min(0).max(100) });

export const facilitySummaryResponse = z.strictObject({
  facilityId: z.string(),
  name: z.string(),
  brand: z.string(),
  kind: z.enum(facilityKinds),
  address: z.strictObject({ prefecture: z.string(), city: z.string(), line: z.string() }),
  location: z.strictObject({ lat: z.number(), lng: z.number() }),
  nearestStations: z.array(z.string()),
  amenities: z.array(z.string()),
  basicPlanAllowed: z.boolean(),
  hours: z.array(weeklyHours),
  /** Only when the search gave a point. */
  distanceM: count.optional(),
});

export const spaceResponse = z.strictObject({
  spaceId: z.string(),
  name: z.string(),
  type: z.enum(['openSpace', 'seat', 'meetingRoom']),
  bookingType: z.enum(['instant', 'request']),
  capacity: z.number().int().min(1),
  price15: yen,
  priceDay: yen.nullable(),
  minBookingMinutes: count,
  perCheckInLimitMinutes: count.nullable(),
  windowDaysFrom: count,
  windowDaysTo: count,
  bookableFrom: localDate.nullable(),
  bookableUntil: localDate.nullable(),
  checkInOpensMinutesBefore: count,
  extension: z.strictObject({ allowed: z.boolean(), opensMinutesBeforeEnd: count.nullable() }),
  cancellationFees: z.array(cancellationFeeRule),
  options: z.array(
    z.strictObject({ optionId: z.string(), name: z.string(), unitPrice: yen, maxQuantity: z.number().int().min(1) }),
  ),
  doorIds: z.array(z.string()),
  qrValue: z.string().optional(),
});

export const facilityResponse = z.strictObject({
  ...facilitySummaryResponse.omit({ hours: true, distanceM: true }).shape,
  partnerId: z.string(),
  checkInMethod: z.enum(['app', 'qr']),
  dailyCheckInLimit: z.number().int().min(1).nullable(),
  publishFrom: zoned.nullable(),
  publishUntil: zoned.nullable(),
  hours: z.strictObject({
    timeZone: z.string(),
    regular: z.array(weeklyHours),
    specialOpenDays: z.array(z.strictObject({ date: localDate, open: localTime, close: localTime })),
    closures: z.array(
      z.union([
        z.strictObject({ date: localDate, allDay: z.literal(true) }),
        z.strictObject({ date: localDate, allDay: z.literal(false).optional(), from: localTime, to: localTime }),
      ]),
    ),
  }),
  doors: z.array(z.strictObject({ doorId: z.string(), name: z.string(), keyType: z.enum(['smartLock', 'keypad']) })),
  spaces: z.array(spaceResponse),
});

export const availabilityResponse = z.strictObject({
  spaceId: z.string(),
  date: localDate,
  slots: z.array(z.strictObject({ start: zoned, end: zoned, remaining: count, symbol: z.enum(['○', '△', '×']) })),
});

export const meResponse = z.strictObject({
  memberId: z.string(),
  memberNumber: z.string(),
  plan: z.enum(plans),
  companyName: z.string().optional(),
  contract: z.strictObject({ start: localDate, end: localDate }),
  uses: z.strictObject({ limit: count.nullable(), used: count, held: count, remaining: count.nullable() }),
});

export const reservationResponse = z.strictObject({
  id: z.string(),
  memberId: z.string(),
  facilityId: z.string(),
  spaceId: z.string(),
  start: zoned,
  end: zoned,
  status: z.enum(reservationStatuses),
  bookingType: z.enum(['instant', 'request']),
  uses: z.number().int().min(1),
  price,
  options: z.array(optionChoice),
  cancellationFee: yen.optional(),
  checkedInAt: zoned.optional(),
  checkedOutAt: zoned.optional(),
  requestExpiresAt: zoned.optional(),
  checkoutDeadline: zoned,
  createdAt: zoned,
});

/** An unlock command: the MQTT message, its status (a `sent` one past its expiry shows `expired`), the door's answer. */
export const unlockCommandResponse = z.strictObject({
  ...unlockCommand.shape,
  purpose: z.enum(unlockPurposes),
  status: z.enum(unlockStatuses),
  resultAt: zoned.optional(),
  reason: z.string().optional(),
});

/** Check-in and checkout: the reservation with the unlock command the step issued. */
export const stayResponse = z.strictObject({ ...reservationResponse.shape, unlock: unlockCommandResponse });

/** A reservation as a partner's operator sees it: the member number, never the member id. */
export const operatorReservationResponse = z.strictObject({
  ...reservationResponse.omit({ memberId: true }).shape,
  memberNumber: z.string(),
});

export const itemsOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

/** A page of the member's reservations: `nextCursor` (for `cursor=`) until the last page. */
export const reservationsPageResponse = z.strictObject({
  items: z.array(reservationResponse),
  nextCursor: z.string().optional(),
});

/** Every error answer (RFC 9457 problem+json) with the api.md code. */
export const problemResponse = z.strictObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.strictObject({ field: z.string(), message: z.string() })).optional(),
});

export type FacilitySummaryResponse = z.infer<typeof facilitySummaryResponse>;
export type FacilityResponse = z.infer<typeof facilityResponse>;
export type SpaceResponse = z.infer<typeof spaceResponse>;
export type AvailabilityResponse = z.infer<typeof availabilityResponse>;
export type MeResponse = z.infer<typeof meResponse>;
export type ReservationResponse = z.infer<typeof reservationResponse>;
export type UnlockCommandResponse = z.infer<typeof unlockCommandResponse>;
export type StayResponse = z.infer<typeof stayResponse>;
export type OperatorReservationResponse = z.infer<typeof operatorReservationResponse>;
