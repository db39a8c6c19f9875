/**
 * The catalogue `npm run seed` loads into a stage's table (bin/seed.ts; the demo catalogue is
 * lib/seed/demo-catalogue.json): partners, each with its facilities, each facility with its spaces (reservable and
 * open, with their weekly hours) and its doors; and companies. A JSON file of this shape.
 *
 * Each entry is the body of the route that makes it (api.md "Back office", "Partner routes"), with the id it keeps
 * from run to run:
 * - a facility is the body of `POST /v1/admin/partners/{partnerId}/facilities` with its `facilityId` (required
 *   here), its `spaces` and, optionally, its `doors`: the `items` of `PUT /v1/admin/facilities/{facilityId}/doors`
 *   (every door of the facility and the spaces each opens; absent = the seed leaves the doors alone);
 * - a reservable space (`kind: seat | meetingRoom`) is the body of `POST /v1/operator/facilities/{facilityId}/spaces`,
 *   an open space (`kind: openSpace`) that of `POST /v1/admin/facilities/{facilityId}/open-spaces` (its QR value is
 *   made fresh, as the route makes it); each with its `spaceId` and, optionally, its weekly `hours`: the body of
 *   `PUT /v1/operator/spaces/{spaceId}/calendar/hours` (a weekday left out or `null` is closed; absent = the seed
 *   leaves the hours alone);
 * - a company is the body of `POST /v1/admin/companies` with its `companyId` and, optionally, its 16-digit
 *   `corporateCode` (absent = a fresh one, as the route makes it);
 * - a partner is the body of `POST /v1/admin/partners` without its first operator (`admin`: accounts are made by
 *   that route or by the partner's full operators, never by a file): its `partnerId`, `name`, `payoutRatePercent` and,
 *   optionally, `paymentNoticeEmails`.
 *
 * A field an entry leaves out is not the catalogue's to say: a new entity takes the route's default for it, and a
 * stored one keeps what it has. Unknown fields are refused, as the routes refuse them.
 */
import { doorsBody, newCompanyBody, newFacilityBody, newOpenSpaceBody } from './http/admin';
import { hoursBody } from './http/calendar';
import { id, kebabId } from './http/common';
import { newPartnerBody } from './http/partner-accounts';
import { newSpaceBody } from './http/partner-spaces';
import * as z from './zod';

/** A reservable space: a seat or room, or a meeting room. */
export const catalogueReservableSpace = z.extend(newSpaceBody, { spaceId: kebabId, hours: z.optional(hoursBody) });
/** An open (drop-in) space. */
export const catalogueOpenSpace = z.extend(newOpenSpaceBody, {
  kind: z.literal('openSpace'),
  spaceId: kebabId,
  hours: z.optional(hoursBody),
});
export const catalogueSpace = z.discriminatedUnion('kind', [catalogueReservableSpace, catalogueOpenSpace]);

export const catalogueFacility = z.extend(newFacilityBody, {
  facilityId: kebabId,
  spaces: z._default(z.array(catalogueSpace).check(z.maxLength(100)), []),
  doors: z.optional(doorsBody.shape.items),
});

export const cataloguePartner = z.strictObject({
  partnerId: kebabId,
  ...z.pick(newPartnerBody, { name: true, payoutRatePercent: true }).shape,
  paymentNoticeEmails: z.optional(newPartnerBody.shape.paymentNoticeEmails),
  facilities: z._default(z.array(catalogueFacility).check(z.maxLength(500)), []),
});

export const catalogueCompany = z.extend(newCompanyBody, {
  companyId: id,
  corporateCode: z.optional(z.string().check(z.regex(/^\d{16}$/, 'Expected 16 digits'))),
});

export const catalogue = z.strictObject({
  /** What the file is for (JSON has no comments). */
  description: z.optional(z.string().check(z.maxLength(2000))),
  partners: z._default(z.array(cataloguePartner).check(z.maxLength(500)), []),
  companies: z._default(z.array(catalogueCompany).check(z.maxLength(5000)), []),
});

/** A catalogue as read (instants as epoch milliseconds, defaults filled in). */
export type Catalogue = z.infer<typeof catalogue>;
export type CataloguePartner = z.infer<typeof cataloguePartner>;
export type CatalogueFacility = z.infer<typeof catalogueFacility>;
export type CatalogueSpace = z.infer<typeof catalogueSpace>;
export type CatalogueCompany = z.infer<typeof catalogueCompany>;
/** A catalogue as written in its JSON file. */
export type CatalogueFile = z.input<typeof catalogue>;
