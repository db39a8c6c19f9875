/**
 * Contracts of the back office (api.md "Back office", role admin): the catalogue the service's own staff set up for
 * partners (facilities, open spaces, doors), companies and their corporate codes, and extensions agreed on site.
 */
import * as z from 'zod';
import { facilityKinds, id, instant, kebabId } from './common';
import { facilityFields, text } from './partner-facilities';

const whole = z.number().int();

/** An IANA time zone the runtime knows (`Asia/Tokyo`). */
const timeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Expected an IANA time zone such as Asia/Tokyo');

export const adminPartnerPath = z.strictObject({ partnerId: id });
export const adminFacilityPath = z.strictObject({ facilityId: id });
export const companyPath = z.strictObject({ companyId: id });

/** `POST /v1/admin/partners/{partnerId}/facilities`: the facility fields, and what only staff set. */
export const newFacilityBody = z.strictObject({
  facilityId: kebabId.optional(),
  brand: text(60),
  kind: z.enum(facilityKinds),
  timeZone: timeZone.optional(),
  ...facilityFields,
  nameKana: facilityFields.nameKana.optional(),
  postalCode: facilityFields.postalCode.optional(),
  contact: facilityFields.contact.optional(),
  url: facilityFields.url.optional(),
  description: facilityFields.description.optional(),
  amenities: facilityFields.amenities.optional(),
  stations: facilityFields.stations.optional(),
  publishFrom: facilityFields.publishFrom.optional(),
  publishUntil: facilityFields.publishUntil.optional(),
  notificationEmails: facilityFields.notificationEmails.optional(),
  checkInMethod: z.enum(['app', 'qr']).optional(),
  dailyCheckInLimit: whole.min(1).max(100).nullable().optional(),
  basicPlanAllowed: z.boolean().optional(),
});
export type NewFacility = z.infer<typeof newFacilityBody>;

/**
 * `POST /v1/admin/facilities/{facilityId}/open-spaces`: a drop-in space. Its QR value is made by the service; its
 * calendar is set by the partner (no business day until then).
 */
export const newOpenSpaceBody = z.strictObject({
  spaceId: kebabId.optional(),
  name: text(100),
  capacity: whole,
  price15: whole,
  perCheckInLimitMinutes: whole.nullable().optional(),
  guestLimit: whole.nullable().optional(),
  intro: text(2000).nullable().optional(),
  areaSqm: z.number().min(0).max(100_000).nullable().optional(),
  amenities: z.array(text(50)).max(50).optional(),
});
export type NewOpenSpace = z.infer<typeof newOpenSpaceBody>;

/** `PUT /v1/admin/facilities/{facilityId}/doors`: every door of the facility and the spaces each opens. */
export const doorsBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        doorId: id,
        name: text(60).optional(),
        keyType: z.enum(['smartLock', 'keypad']),
        spaceIds: z.array(id).max(50),
      }),
    )
    .max(20),
});
export type DoorsBody = z.infer<typeof doorsBody>;

/** `POST /v1/admin/companies`. */
export const newCompanyBody = z.strictObject({ name: text(100), monthlyCap: whole.min(1).nullable().optional() });
/** `PATCH /v1/admin/companies/{companyId}` (If-Match). */
export const companyPatchBody = z.strictObject({ monthlyCap: whole.min(1).nullable() });
export type NewCompany = z.infer<typeof newCompanyBody>;
export type CompanyPatch = z.infer<typeof companyPatchBody>;

export const companyResponse = z.strictObject({
  companyId: z.string(),
  name: z.string(),
  corporateCode: z.string().regex(/^\d{16}$/),
  monthlyCap: z.number().int().nullable(),
  version: z.number().int().min(1),
});
export type CompanyResponse = z.infer<typeof companyResponse>;

/** `POST /v1/admin/reservations/{id}/agreed-extension`: the new end agreed on site (004 p.22). */
export const agreedExtensionBody = z.strictObject({ end: instant });

/** `POST /v1/admin/visits/{visitId}/correction`: the visit's path. */
export const visitCorrectionPath = z.strictObject({ visitId: z.string().uuid() });

/**
 * `POST /v1/admin/visits/{visitId}/correction` (domain-rules §7: a missing exit time): the instant the member really
 * left; guests who left with them move with it. After the check-in, not after the visit's automatic end (its limit or
 * the space's closing) nor in the future.
 */
export const visitCorrectionBody = z.strictObject({ checkedOutAt: instant });

/** The doors of a facility as they are now (the answer of `PUT …/doors`), with the facility's version. */
export const doorsResponse = z.strictObject({
  facilityId: z.string(),
  version: z.number().int().min(1),
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
