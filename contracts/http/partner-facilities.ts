/** Contracts of the partner's facility routes (api.md "Partner routes (operator)"): read and edit own facilities. */
import * as z from 'zod';
import { photoResponse } from './catalog';
import { facilityKinds, id, instant, itemsOf, zoned } from './common';

export const operatorFacilityPath = z.strictObject({ facilityId: id });
export const photoPath = z.strictObject({ photoId: id });

export const text = (max: number) => z.string().trim().min(1).max(max);
const station = z.strictObject({
  line: text(60),
  station: text(60),
  walkMinutes: z.number().int().min(0).max(120),
  walkMeters: z.number().int().min(0).max(20_000),
});

/** The fields of a facility a partner edits (and the back office sets when it creates one). */
export const facilityFields = {
  name: text(100),
  nameKana: text(200).nullable(),
  postalCode: z
    .string()
    .regex(/^\d{3}-?\d{4}$/, 'Expected a postal code such as 102-0074')
    .nullable(),
  address: z.strictObject({ prefecture: text(16), city: text(60), street: text(200) }),
  location: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
  contact: text(100).nullable(),
  url: z
    .url({ protocol: /^https?$/, error: 'Expected an http(s) URL' })
    .max(500)
    .nullable(),
  description: text(2000).nullable(),
  amenities: z.array(text(50)).max(50),
  stations: z.array(station).max(10),
  publishFrom: instant.nullable(),
  publishUntil: instant.nullable(),
  notificationEmails: z.array(z.email().max(254)).max(10),
};

/**
 * A JSON merge patch of the fields a partner edits (api.md PATCH facility): absent = unchanged, `null` = cleared
 * (where a field may be empty).
 */
export const facilityPatchBody = z
  .strictObject({
    ...facilityFields,
    address: facilityFields.address
      .partial()
      .refine((a) => Object.keys(a).length > 0, 'Name at least one address field'),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'The patch names no field');

export type FacilityPatch = z.infer<typeof facilityPatchBody>;

/** A facility as its partner's operators see it: every field they edit, its spaces and its version. */
export const operatorFacilityResponse = z.strictObject({
  facilityId: z.string(),
  version: z.number().int().min(1),
  partnerId: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
  brand: z.string(),
  kind: z.enum(facilityKinds),
  postalCode: z.string().nullable(),
  address: z.strictObject({ prefecture: z.string(), city: z.string(), street: z.string() }),
  location: z.strictObject({ lat: z.number(), lng: z.number() }),
  contact: z.string().nullable(),
  url: z.string().nullable(),
  description: z.string().nullable(),
  amenities: z.array(z.string()),
  stations: z.array(
    z.strictObject({ line: z.string(), station: z.string(), walkMinutes: z.number(), walkMeters: z.number() }),
  ),
  publishFrom: zoned.nullable(),
  publishUntil: zoned.nullable(),
  notificationEmails: z.array(z.string()),
  checkInMethod: z.enum(['app', 'qr']),
  dailyCheckInLimit: z.number().int().min(1).nullable(),
  basicPlanAllowed: z.boolean(),
  /** Absent in the list of facilities. */
  photos: z.array(photoResponse).optional(),
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
  bytes: z.number().int().min(1).max(MAX_PHOTO_BYTES),
  spaceId: id.optional(),
  top: z.boolean().optional(),
});

/** Where to upload it: an S3 presigned POST (form fields first, the file last) that takes exactly that file. */
export const newPhotoResponse = z.strictObject({
  photoId: z.string(),
  upload: z.strictObject({ url: z.string(), fields: z.record(z.string(), z.string()) }),
});

export type OperatorFacilityResponse = z.infer<typeof operatorFacilityResponse>;
export type OperatorFacilityListResponse = z.infer<typeof operatorFacilityListResponse>;
