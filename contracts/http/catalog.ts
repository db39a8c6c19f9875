/** Contracts of the catalog routes: facility search and a facility with its spaces (api.md, member routes). */
import * as z from '../zod';
import { memberCalendarResponse } from './calendar';
import { count, facilityKinds, flag, id, isoDate, itemsOf, localTime, queryNumber, yen, zoned } from './common';
import { congestionLevel, spaceCongestionResponse } from './congestion';

export const listFacilitiesQuery = z
  .strictObject({
    kind: z
      .optional(z.enum(facilityKinds))
      .check(z.describe('Only facilities of this kind: reservable offices, drop-in lounges or meeting rooms.')),
    prefecture: z
      .optional(z.string().check(z.minLength(1), z.maxLength(16)))
      .check(z.describe('Only facilities in this prefecture, e.g. 東京都.')),
    lat: z.optional(queryNumber(-90, 90)).check(z.describe('Latitude of the point to search around (with lng).')),
    lng: z.optional(queryNumber(-180, 180)).check(z.describe('Longitude of the point to search around (with lat).')),
    radiusM: z
      .optional(queryNumber(1, 100_000))
      .check(z.describe('Search radius around lat/lng in metres (default 5000); answers carry distanceM.')),
    amenities: z
      .optional(
        z.pipe(
          z.pipe(
            z.string().check(z.maxLength(512)),
            z.transform((v) => v.split(',').filter((a) => a.length > 0)),
          ),
          z.array(z.string().check(z.maxLength(64))).check(z.maxLength(64)),
        ),
      )
      .check(z.describe('Comma-separated amenities a facility must all have, e.g. Wi-Fi,個室.')),
    openEarly: z.optional(flag).check(z.describe('Only facilities open by 09:00 on some day.')),
    openLate: z.optional(flag).check(z.describe('Only facilities open after 18:00 on some day.')),
    weekends: z.optional(flag).check(z.describe('Only facilities open on Saturday or Sunday.')),
    noTimeLimit: z
      .optional(flag)
      .check(z.describe('Only facilities with a space that has no per-check-in time limit.')),
  })
  .check(
    z.refine((q) => [q.lat, q.lng].every((v) => v === undefined) || [q.lat, q.lng].every((v) => v !== undefined), {
      message: 'lat and lng go together',
      path: ['lat'],
    }),
  );

export const facilityPath = z.strictObject({ facilityId: id });

const weeklyHours = z.strictObject({
  weekday: z.number().check(z.int(), z.gte(1), z.lte(7)),
  open: localTime,
  close: localTime,
});
const cancellationFeeRule = z.strictObject({
  daysBefore: count,
  percent: z.number().check(z.gte(0), z.lte(100)),
});

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
  distanceM: z.optional(count),
  /**
   * For the map: the worst congestion of its active open spaces (one closed now counts `full`, one never set
   * `plenty`); absent when it has no open space.
   */
  congestion: z.optional(congestionLevel),
});

export const spaceResponse = z.strictObject({
  spaceId: z.string(),
  name: z.string(),
  type: z.enum(['openSpace', 'seat', 'meetingRoom']),
  bookingType: z.enum(['instant', 'request']),
  capacity: z.number().check(z.int(), z.gte(1)),
  price15: yen,
  priceDay: z.nullable(yen),
  minBookingMinutes: count,
  perCheckInLimitMinutes: z.nullable(count),
  windowDaysFrom: count,
  windowDaysTo: count,
  bookableFrom: z
    .nullable(zoned)
    .check(z.describe('Bookings may start from this instant (inclusive); null = no bound.')),
  bookableUntil: z
    .nullable(zoned)
    .check(z.describe('Bookings must start before this instant (exclusive); null = no bound.')),
  checkInOpensMinutesBefore: count,
  extension: z.strictObject({ allowed: z.boolean(), opensMinutesBeforeEnd: z.nullable(count) }),
  externalLink: z
    .boolean()
    .check(z.describe('Linked to an external booking system: no extension in the app (004 p.21).')),
  cancellationFees: z.array(cancellationFeeRule),
  options: z.array(
    z.strictObject({
      optionId: z.string(),
      name: z.string(),
      unitPrice: yen,
      maxQuantity: z
        .nullable(z.number().check(z.int(), z.gte(1)))
        .check(z.describe('Most per booking; null = no maximum.')),
    }),
  ),
  doorIds: z.array(z.string()),
  qrValue: z.optional(z.string()),
  /** The space's own calendar (domain-rules §2): hours, special days from today, closures of the coming month. */
  calendar: memberCalendarResponse,
  /** An open space's congestion as staff last set it, `null` until they do; absent on reservable spaces. */
  congestion: z.optional(z.nullable(spaceCongestionResponse)),
});

/** A photo of a facility or of one of its spaces, with a presigned GET of it (valid for an hour). */
export const photoResponse = z.strictObject({
  photoId: z.string(),
  /** The space it shows; absent for a photo of the facility itself. */
  spaceId: z.optional(z.string()),
  /** Shown first (004 §2-1 トップ掲載写真). */
  top: z.boolean(),
  contentType: z.string(),
  /** A presigned GET of the photo, valid for an hour. */
  url: z.string(),
});

export const facilityResponse = z.strictObject({
  ...z.omit(facilitySummaryResponse, { hours: true, distanceM: true }).shape,
  partnerId: z.string(),
  checkInMethod: z.enum(['app', 'qr']),
  dailyCheckInLimit: z.nullable(z.number().check(z.int(), z.gte(1))),
  publishFrom: z.nullable(zoned),
  publishUntil: z.nullable(zoned),
  hours: z.strictObject({
    timeZone: z.string(),
    regular: z.array(weeklyHours),
    specialOpenDays: z.array(z.strictObject({ date: isoDate, open: localTime, close: localTime })),
    closures: z.array(
      z.union([
        z.strictObject({ date: isoDate, allDay: z.literal(true) }),
        z.strictObject({ date: isoDate, allDay: z.optional(z.literal(false)), from: localTime, to: localTime }),
      ]),
    ),
  }),
  doors: z.array(z.strictObject({ doorId: z.string(), name: z.string(), keyType: z.enum(['smartLock', 'keypad']) })),
  spaces: z.array(spaceResponse),
  /** The photos of the facility and of its spaces shown here: top photos first, then by creation. */
  photos: z.array(photoResponse),
});

export type PhotoResponse = z.infer<typeof photoResponse>;

/** Facilities a search found. */
export const facilitySummaryListResponse = itemsOf(facilitySummaryResponse);

export type FacilitySummaryResponse = z.infer<typeof facilitySummaryResponse>;
export type FacilityResponse = z.infer<typeof facilityResponse>;
export type SpaceResponse = z.infer<typeof spaceResponse>;
