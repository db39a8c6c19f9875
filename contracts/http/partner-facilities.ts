/** Contracts of the partner's facility routes (api.md "Partner routes (operator)"): read and edit own facilities. */
import * as z from '../zod';
import { photoResponse } from './catalog';
import { facilityKinds, id, instant, itemsOf, zoned } from './common';

export const operatorFacilityPath = z.strictObject({ facilityId: id });
export const photoPath = z.strictObject({ photoId: id });

export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const station = z.strictObject({
  line: text(60),
  station: text(60),
  walkMinutes: z.number().check(z.int(), z.gte(0), z.lte(120)),
  walkMeters: z.number().check(z.int(), z.gte(0), z.lte(20_000)),
});

/** The fields of a facility a partner edits (and the back office sets when it creates one). */
export const facilityFields = {
  name: text(100),
  nameKana: z.nullable(text(200)),
  postalCode: z.nullable(z.string().check(z.regex(/^\d{3}-?\d{4}$/, 'Expected a postal code such as 102-0074'))),
  address: z.strictObject({ prefecture: text(16), city: text(60), street: text(200) }),
  location: z.strictObject({
    lat: z.number().check(z.gte(-90), z.lte(90)),
    lng: z.number().check(z.gte(-180), z.lte(180)),
  }),
  contact: z.nullable(text(100)),
  url: z.nullable(z.url({ protocol: /^https?$/, error: 'Expected an http(s) URL' }).check(z.maxLength(500))),
  description: z.nullable(text(2000)),
  amenities: z.array(text(50)).check(z.maxLength(50)),
  stations: z.array(station).check(z.maxLength(10)),
  publishFrom: z.nullable(instant),
  publishUntil: z.nullable(instant),
  notificationEmails: z.array(z.email().check(z.maxLength(254))).check(z.maxLength(10)),
};

/**
 * A JSON merge patch of the fields a partner edits (api.md PATCH facility): absent = unchanged, `null` = cleared
 * (where a field may be empty).
 */
export const facilityPatchBody = z
  .partial(
    z.strictObject({
      ...facilityFields,
      address: z
        .partial(facilityFields.address)
        .check(z.refine((a) => Object.keys(a).length > 0, 'Name at least one address field')),
    }),
  )
  .check(z.refine((patch) => Object.keys(patch).length > 0, 'The patch names no field'));

export type FacilityPatch = z.infer<typeof facilityPatchBody>;

/** A facility as its partner's operators see it: every field they edit, its spaces and its version. */
export const operatorFacilityResponse = z.strictObject({
  facilityId: z.string(),
  version: z.number().check(z.int(), z.gte(1)),
  partnerId: z.string(),
  name: z.string(),
  nameKana: z.nullable(z.string()),
  brand: z.string(),
  kind: z.enum(facilityKinds),
  postalCode: z.nullable(z.string()),
  address: z.strictObject({ prefecture: z.string(), city: z.string(), street: z.string() }),
  location: z.strictObject({ lat: z.number(), lng: z.number() }),
  contact: z.nullable(z.string()),
  url: z.nullable(z.string()),
  description: z.nullable(z.string()),
  amenities: z.array(z.string()),
  stations: z.array(
    z.strictObject({ line: z.string(), station: z.string(), walkMinutes: z.number(), walkMeters: z.number() }),
  ),
  publishFrom: z.nullable(zoned),
  publishUntil: z.nullable(zoned),
  notificationEmails: z.array(z.string()),
  checkInMethod: z.enum(['app', 'qr']),
  dailyCheckInLimit: z.nullable(z.number().check(z.int(), z.gte(1))),
  basicPlanAllowed: z.boolean(),
  /** Absent in the list of facilities. */
  photos: z.optional(z.array(photoResponse)),
  spaces: z.array(
    z.strictObject({
      spaceId: z.string(),
      name: z.string(),
      type: z.enum(['openSpace', 'seat', 'meetingRoom']),
      status: z.enum(['active', 'inactive']),
      bookingType: z.enum(['instant', 'request']),
    }),
  ),
});

export const operatorFacilityListResponse = itemsOf(operatorFacilityResponse);

/** The largest photo a partner may upload (api.md: ≤ 5 MB). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** A photo to upload (api.md POST photos): its type and size; of a space of the facility, or its top photo. */
export const newPhotoBody = z.strictObject({
  contentType: z.enum(['image/jpeg', 'image/gif']),
  bytes: z.number().check(z.int(), z.gte(1), z.lte(MAX_PHOTO_BYTES)),
  spaceId: z.optional(id),
  top: z.optional(z.boolean()),
});

/** Where to upload it: an S3 presigned POST (form fields first, the file last) that takes exactly that file. */
export const newPhotoResponse = z.strictObject({
  photoId: z.string(),
  upload: z.strictObject({ url: z.string(), fields: z.record(z.string(), z.string()) }),
});

export type OperatorFacilityResponse = z.infer<typeof operatorFacilityResponse>;
export type OperatorFacilityListResponse = z.infer<typeof operatorFacilityListResponse>;
