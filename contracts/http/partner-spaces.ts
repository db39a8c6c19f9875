/**
 * Contracts of the partner's space routes (api.md "Partner routes (operator)": spaces). Field names are api.md's
 * (`kind`, `minimumMinutes`); a well-typed value that breaks a rule is a 422 `INVALID_SPACE_CONFIG` of the rules,
 * not a 400 here, so the numbers below are only typed.
 */
import * as z from 'zod';
import { id, instant, isoDate, zoned } from './common';
import { spaceCongestionResponse } from './congestion';

export const operatorSpacePath = z.strictObject({ spaceId: id });
export const facilitySpacesPath = z.strictObject({ facilityId: id });

const text = (max: number) => z.string().trim().min(1).max(max);
const whole = z.number().int();
const option = z.strictObject({
  optionId: id,
  name: text(60),
  unitPrice: whole,
  maxQuantity: whole.nullable(),
  unit: text(20).optional(),
});

/** Every field a partner sets on a reservable space. */
const spaceFields = z.strictObject({
  name: text(100),
  status: z.enum(['active', 'inactive']),
  intro: text(2000).nullable(),
  areaSqm: z.number().min(0).max(100_000).nullable(),
  amenities: z.array(text(50)).max(50),
  capacity: whole,
  bookingType: z.enum(['instant', 'request']),
  bookableFrom: instant.nullable(),
  bookableUntil: instant.nullable(),
  windowDaysFrom: whole,
  windowDaysTo: whole,
  price15: whole,
  priceDay: whole.nullable(),
  minimumMinutes: whole,
  perCheckInLimitMinutes: whole.nullable(),
  checkInOpensMinutesBefore: whole,
  extension: z.strictObject({ allowed: z.boolean(), opensMinutesBeforeEnd: whole.nullable() }),
  externalLink: z.boolean(),
  bookingMailMessage: text(1000).nullable(),
  guestLimit: whole.nullable(),
  cancellationFees: z.array(z.strictObject({ daysBefore: whole, percent: z.number() })).max(8),
  options: z.array(option).max(20),
});

/** A JSON merge patch of those fields (api.md PATCH space). */
export const spacePatchBody = spaceFields
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'The patch names no field');

/** A new reservable space: a seat or room, or a meeting room; what is not given takes the partner site's defaults. */
export const newSpaceBody = spaceFields
  .partial()
  .extend({ kind: z.enum(['seat', 'meetingRoom']), name: text(100), capacity: whole, price15: whole });

export type SpacePatch = z.infer<typeof spacePatchBody>;
export type NewSpace = z.infer<typeof newSpaceBody>;

/** A space as its partner's operators see it: every field they set, its price history and version. */
export const operatorSpaceResponse = z.strictObject({
  spaceId: z.string(),
  facilityId: z.string(),
  version: z.number().int().min(1),
  kind: z.enum(['openSpace', 'seat', 'meetingRoom']),
  name: z.string(),
  status: z.enum(['active', 'inactive']),
  intro: z.string().nullable(),
  areaSqm: z.number().nullable(),
  amenities: z.array(z.string()),
  capacity: z.number().int(),
  bookingType: z.enum(['instant', 'request']),
  bookableFrom: zoned.nullable(),
  bookableUntil: zoned.nullable(),
  windowDaysFrom: z.number().int(),
  windowDaysTo: z.number().int(),
  price15: z.number().int(),
  priceDay: z.number().int().nullable(),
  /** The prices by the date from which they apply to uses (a change applies from the day it was made). */
  priceHistory: z.array(
    z.strictObject({ from: isoDate, price15: z.number().int(), priceDay: z.number().int().nullable() }),
  ),
  minimumMinutes: z.number().int(),
  perCheckInLimitMinutes: z.number().int().nullable(),
  checkInOpensMinutesBefore: z.number().int(),
  extension: z.strictObject({ allowed: z.boolean(), opensMinutesBeforeEnd: z.number().int().nullable() }),
  externalLink: z.boolean(),
  bookingMailMessage: z.string().nullable(),
  guestLimit: z.number().int().nullable(),
  cancellationFees: z.array(z.strictObject({ daysBefore: z.number().int(), percent: z.number() })),
  options: z.array(
    z.strictObject({
      optionId: z.string(),
      name: z.string(),
      unitPrice: z.number().int(),
      maxQuantity: z.number().int().nullable(),
      unit: z.string().optional(),
    }),
  ),
  doorIds: z.array(z.string()),
  /** The value of the QR code posted at an open space (drop-in check-in). */
  qrValue: z.string().optional(),
  /** An open space's congestion as its staff last set it (`null` until then); absent on reservable spaces. */
  congestion: spaceCongestionResponse.nullable().optional(),
});

export type OperatorSpaceResponse = z.infer<typeof operatorSpaceResponse>;
