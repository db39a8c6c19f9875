/**
 * Contracts of the back office (api.md "Back office", role admin): the catalogue the service's own staff set up for
 * partners (facilities, open spaces, doors), companies and their corporate codes, and extensions agreed on site.
 */
import * as z from '../zod';
import { facilityKinds, id, instant, kebabId } from './common';
import { facilityFields, text } from './partner-facilities';

const whole = z.number().check(z.int());

/** An IANA time zone the runtime knows (`Asia/Tokyo`). */
const timeZone = z.string().check(
  z.maxLength(64),
  z.refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Expected an IANA time zone such as Asia/Tokyo'),
);

export const adminPartnerPath = z.strictObject({ partnerId: id });
export const adminFacilityPath = z.strictObject({ facilityId: id });
export const companyPath = z.strictObject({ companyId: id });

/** `POST /v1/admin/partners/{partnerId}/facilities`: the facility fields, and what only staff set. */
export const newFacilityBody = z.strictObject({
  facilityId: z.optional(kebabId),
  brand: text(60),
  kind: z.enum(facilityKinds),
  timeZone: z.optional(timeZone),
  ...facilityFields,
  nameKana: z.optional(facilityFields.nameKana),
  postalCode: z.optional(facilityFields.postalCode),
  contact: z.optional(facilityFields.contact),
  url: z.optional(facilityFields.url),
  description: z.optional(facilityFields.description),
  amenities: z.optional(facilityFields.amenities),
  stations: z.optional(facilityFields.stations),
  publishFrom: z.optional(facilityFields.publishFrom),
  publishUntil: z.optional(facilityFields.publishUntil),
  notificationEmails: z.optional(facilityFields.notificationEmails),
  checkInMethod: z.optional(z.enum(['app', 'qr'])),
  dailyCheckInLimit: z.optional(z.nullable(whole.check(z.gte(1), z.lte(100)))),
  basicPlanAllowed: z.optional(z.boolean()),
});
export type NewFacility = z.infer<typeof newFacilityBody>;

/**
 * `POST /v1/admin/facilities/{facilityId}/open-spaces`: a drop-in space. Its QR value is made by the service; its
 * calendar is set by the partner (no business day until then).
 */
export const newOpenSpaceBody = z.strictObject({
  spaceId: z.optional(kebabId),
  name: text(100),
  capacity: whole,
  price15: whole,
  perCheckInLimitMinutes: z.optional(z.nullable(whole)),
  guestLimit: z.optional(z.nullable(whole)),
  intro: z.optional(z.nullable(text(2000))),
  areaSqm: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(100_000)))),
  amenities: z.optional(z.array(text(50)).check(z.maxLength(50))),
});
export type NewOpenSpace = z.infer<typeof newOpenSpaceBody>;

/** `PUT /v1/admin/facilities/{facilityId}/doors`: every door of the facility and the spaces each opens. */
export const doorsBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        doorId: id,
        name: z.optional(text(60)),
        keyType: z.enum(['smartLock', 'keypad']),
        spaceIds: z.array(id).check(z.maxLength(50)),
      }),
    )
    .check(z.maxLength(20)),
});
export type DoorsBody = z.infer<typeof doorsBody>;

/** `POST /v1/admin/companies`. */
export const newCompanyBody = z.strictObject({
  name: text(100),
  monthlyCap: z.optional(z.nullable(whole.check(z.gte(1)))),
});
/** `PATCH /v1/admin/companies/{companyId}` (If-Match). */
export const companyPatchBody = z.strictObject({ monthlyCap: z.nullable(whole.check(z.gte(1))) });
export type NewCompany = z.infer<typeof newCompanyBody>;
export type CompanyPatch = z.infer<typeof companyPatchBody>;

export const companyResponse = z.strictObject({
  companyId: z.string(),
  name: z.string(),
  corporateCode: z.string().check(z.regex(/^\d{16}$/)),
  monthlyCap: z.nullable(z.number().check(z.int())),
  version: z.number().check(z.int(), z.gte(1)),
});
export type CompanyResponse = z.infer<typeof companyResponse>;

/** `POST /v1/admin/reservations/{id}/agreed-extension`: the new end agreed on site (004 p.22). */
export const agreedExtensionBody = z.strictObject({ end: instant });

/** `POST /v1/admin/visits/{visitId}/correction`: the visit's path. */
export const visitCorrectionPath = z.strictObject({ visitId: z.string().check(z.uuid()) });

/**
 * `POST /v1/admin/visits/{visitId}/correction` (domain-rules §7: a missing exit time): the instant the member really
 * left; guests who left with them move with it. After the check-in, not after the visit's automatic end (its limit or
 * the space's closing) nor in the future.
 */
export const visitCorrectionBody = z.strictObject({ checkedOutAt: instant });

/** The doors of a facility as they are now (the answer of `PUT …/doors`), with the facility's version. */
export const doorsResponse = z.strictObject({
  facilityId: z.string(),
  version: z.number().check(z.int(), z.gte(1)),
  items: z.array(
    z.strictObject({
      doorId: z.string(),
      name: z.string(),
      keyType: z.enum(['smartLock', 'keypad']),
      spaceIds: z.array(z.string()),
    }),
  ),
});
export type DoorsResponse = z.infer<typeof doorsResponse>;
