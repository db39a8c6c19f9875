/**
 * Contracts of the partner's space routes (api.md "Partner routes (operator)": spaces). Field names are api.md's
 * (`kind`, `minimumMinutes`); a well-typed value that breaks a rule is a 422 `INVALID_SPACE_CONFIG` of the rules,
 * not a 400 here, so the numbers below are only typed.
 */
import * as z from '../zod';
import { id, instant, isoDate, zoned } from './common';
import { spaceCongestionResponse } from './congestion';

export const operatorSpacePath = z.strictObject({ spaceId: id });
export const facilitySpacesPath = z.strictObject({ facilityId: id });

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const whole = z.number().check(z.int());
const option = z.strictObject({
  optionId: id,
  name: text(60),
  unitPrice: whole,
  maxQuantity: z.nullable(whole),
  unit: z.optional(text(20)),
});

/** Every field a partner sets on a reservable space. */
const spaceFields = z.strictObject({
  name: text(100),
  status: z.enum(['active', 'inactive']),
  intro: z.nullable(text(2000)),
  areaSqm: z.nullable(z.number().check(z.gte(0), z.lte(100_000))),
  amenities: z.array(text(50)).check(z.maxLength(50)),
  capacity: whole,
  bookingType: z.enum(['instant', 'request']),
  bookableFrom: z.nullable(instant),
  bookableUntil: z.nullable(instant),
  windowDaysFrom: whole,
  windowDaysTo: whole,
  price15: whole,
  priceDay: z.nullable(whole),
  minimumMinutes: whole,
  perCheckInLimitMinutes: z.nullable(whole),
  checkInOpensMinutesBefore: whole,
  extension: z.strictObject({ allowed: z.boolean(), opensMinutesBeforeEnd: z.nullable(whole) }),
  externalLink: z.boolean(),
  bookingMailMessage: z.nullable(text(1000)),
  guestLimit: z.nullable(whole),
  cancellationFees: z.array(z.strictObject({ daysBefore: whole, percent: z.number() })).check(z.maxLength(8)),
  options: z.array(option).check(z.maxLength(20)),
});

/** A JSON merge patch of those fields (api.md PATCH space). */
export const spacePatchBody = z
  .partial(spaceFields)
  .check(z.refine((patch) => Object.keys(patch).length > 0, 'The patch names no field'));

/** A new reservable space: a seat or room, or a meeting room; what is not given takes the partner site's defaults. */
export const newSpaceBody = z.extend(z.partial(spaceFields), {
  kind: z.enum(['seat', 'meetingRoom']),
  name: text(100),
  capacity: whole,
  price15: whole,
});

export type SpacePatch = z.infer<typeof spacePatchBody>;
export type NewSpace = z.infer<typeof newSpaceBody>;

/** A space as its partner's operators see it: every field they set, its price history and version. */
export const operatorSpaceResponse = z.strictObject({
  spaceId: z.string(),
  facilityId: z.string(),
  version: z.number().check(z.int(), z.gte(1)),
  kind: z.enum(['openSpace', 'seat', 'meetingRoom']),
  name: z.string(),
  status: z.enum(['active', 'inactive']),
  intro: z.nullable(z.string()),
  areaSqm: z.nullable(z.number()),
  amenities: z.array(z.string()),
  capacity: z.number().check(z.int()),
  bookingType: z.enum(['instant', 'request']),
  bookableFrom: z.nullable(zoned),
  bookableUntil: z.nullable(zoned),
  windowDaysFrom: z.number().check(z.int()),
  windowDaysTo: z.number().check(z.int()),
  price15: z.number().check(z.int()),
  priceDay: z.nullable(z.number().check(z.int())),
  /** The prices by the date from which they apply to uses (a change applies from the day it was made). */
  priceHistory: z.array(
    z.strictObject({
      from: isoDate,
      price15: z.number().check(z.int()),
      priceDay: z.nullable(z.number().check(z.int())),
    }),
  ),
  minimumMinutes: z.number().check(z.int()),
  perCheckInLimitMinutes: z.nullable(z.number().check(z.int())),
  checkInOpensMinutesBefore: z.number().check(z.int()),
  extension: z.strictObject({ allowed: z.boolean(), opensMinutesBeforeEnd: z.nullable(z.number().check(z.int())) }),
  externalLink: z.boolean(),
  bookingMailMessage: z.nullable(z.string()),
  guestLimit: z.nullable(z.number().check(z.int())),
  cancellationFees: z.array(z.strictObject({ daysBefore: z.number().check(z.int()), percent: z.number() })),
  options: z.array(
    z.strictObject({
      optionId: z.string(),
      name: z.string(),
      unitPrice: z.number().check(z.int()),
      maxQuantity: z.nullable(z.number().check(z.int())),
      unit: z.optional(z.string()),
    }),
  ),
  doorIds: z.array(z.string()),
  /** The value of the QR code posted at an open space (drop-in check-in). */
  qrValue: z.optional(z.string()),
  /** An open space's congestion as its staff last set it (`null` until then); absent on reservable spaces. */
  congestion: z.optional(z.nullable(spaceCongestionResponse)),
});

export type OperatorSpaceResponse = z.infer<typeof operatorSpaceResponse>;
