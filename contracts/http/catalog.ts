/** Contracts of the catalog routes: facility search and a facility with its spaces (api.md, member routes). */
import * as z from 'zod';
import { memberCalendarResponse } from './calendar';
import { count, facilityKinds, flag, id, isoDate, itemsOf, localTime, queryNumber, yen, zoned } from './common';
import { congestionLevel, spaceCongestionResponse } from './congestion';

export const listFacilitiesQuery = z
  .strictObject({
    kind: z
      .enum(facilityKinds)
      .optional()
      .describe('Only facilities of this kind: reservable offices, drop-in lounges or meeting rooms.'),
    prefecture: z.string().min(1).max(16).optional().describe('Only facilities in this prefecture, e.g. 東京都.'),
    lat: queryNumber(-90, 90).optional().describe('Latitude of the point to search around (with lng).'),
    lng: queryNumber(-180, 180).optional().describe('Longitude of the point to search around (with lat).'),
    radiusM: queryNumber(1, 100_000)
      .optional()
      .describe('Search radius around lat/lng in metres (default 5000); answers carry distanceM.'),
    amenities: z
      .string()
      .max(512)
      .transform((v) => v.split(',').filter((a) => a.length > 0))
      .pipe(z.array(z.string().max(64)).max(64))
      .optional()
      .describe('Comma-separated amenities a facility must all have, e.g. Wi-Fi,個室.'),
    openEarly: flag.optional().describe('Only facilities open by 09:00 on some day.'),
    openLate: flag.optional().describe('Only facilities open after 18:00 on some day.'),
    weekends: flag.optional().describe('Only facilities open on Saturday or Sunday.'),
    noTimeLimit: flag.optional().describe('Only facilities with a space that has no per-check-in time limit.'),
  })
  .refine((q) => [q.lat, q.lng].every((v) => v === undefined) || [q.lat, q.lng].every((v) => v !== undefined), {
    message: 'lat and lng go together',
    path: ['lat'],
  });

export const facilityPath = z.strictObject({ facilityId: id });

const weeklyHours = z.strictObject({ weekday: z.number().int().min(1).max(7), open: localTime, close: localTime });
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
  /**
   * For the map: the worst congestion of its active open spaces (one closed now counts `full`, one never set
   * `plenty`); absent when it has no open space.
   */
  congestion: congestionLevel.optional(),
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
  bookableFrom: zoned.nullable().describe('Bookings may start from this instant (inclusive); null = no bound.'),
  bookableUntil: zoned.nullable().describe('Bookings must start before this instant (exclusive); null = no bound.'),
  checkInOpensMinutesBefore: count,
  extension: z.strictObject({ allowed: z.boolean(), opensMinutesBeforeEnd: count.nullable() }),
  externalLink: z.boolean().describe('Linked to an external booking system: no extension in the app (004 p.21).'),
  cancellationFees: z.array(cancellationFeeRule),
  options: z.array(
    z.strictObject({
      optionId: z.string(),
      name: z.string(),
      unitPrice: yen,
      maxQuantity: z.number().int().min(1).nullable().describe('Most per booking; null = no maximum.'),
    }),
  ),
  doorIds: z.array(z.string()),
  qrValue: z.string().optional(),
  /** The space's own calendar (domain-rules §2): hours, special days from today, closures of the coming month. */
  calendar: memberCalendarResponse,
  /** An open space's congestion as staff last set it, `null` until they do; absent on reservable spaces. */
  congestion: spaceCongestionResponse.nullable().optional(),
});

/** A photo of a facility or of one of its spaces, with a presigned GET of it (valid for an hour). */
export const photoResponse = z.strictObject({
  photoId: z.string(),
  /** The space it shows; absent for a photo of the facility itself. */
  spaceId: z.string().optional(),
  /** Shown first (004 §2-1 トップ掲載写真). */
  top: z.boolean(),
  contentType: z.string(),
  /** A presigned GET of the photo, valid for an hour. */
  url: z.string(),
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
    specialOpenDays: z.array(z.strictObject({ date: isoDate, open: localTime, close: localTime })),
    closures: z.array(
      z.union([
        z.strictObject({ date: isoDate, allDay: z.literal(true) }),
        z.strictObject({ date: isoDate, allDay: z.literal(false).optional(), from: localTime, to: localTime }),
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
