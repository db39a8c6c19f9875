/**
 * Contracts of the partner's usage lists (api.md "Partner routes": `GET /v1/operator/usage/visits`, `…/guests`,
 * `…/reservations`; 004 §3-3 利用状況: オープンスペース, ゲスト, 予約 (会議室・席/個室)), for every operator role of the
 * partner. Each lists the partner's own items of a date range, newest first, pages like every list and answers CSV
 * (contracts/csv/visits.v1, guests.v1, reservations.v1). Operator answers carry the company name and the member number,
 * never the member.
 */
import * as z from '../zod';
import { reservationStatuses } from './booking';
import { id, localDate, price, queryInteger, zoned } from './common';
import { operatorReservationResponse } from './requests';
import { salesLineResponse as salesListLine } from './sales';
import { operatorVisitResponse, VISIT_STATUSES } from './visits';

/** The longest search: `from` to `to` spans at most this many days, both included (a leap year). */
export const MAX_USAGE_RANGE_DAYS = 366;
/** Items a page holds when the client does not say (and at most). */
export const USAGE_PAGE_LIMIT = 100;

/** A guest is in until they leave (with their member at the latest). */
export const GUEST_STATUSES = ['in', 'out'] as const;
export type GuestStatus = (typeof GUEST_STATUSES)[number];

const DAY_MS = 86_400_000;
const daysOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** What every usage list is searched by; `what` names its items in the descriptions. */
const searchFields = (what: string, when: string) => ({
  from: localDate.check(
    z.describe(`Only ${what} whose ${when} is on or after this date (YYYY-MM-DD, facility time, inclusive). Required.`),
  ),
  to: localDate.check(
    z.describe(
      `Only ${what} whose ${when} is on or before this date (YYYY-MM-DD, facility time, inclusive). Required: at most ${MAX_USAGE_RANGE_DAYS} days from \`from\`, both included.`,
    ),
  ),
  facilityId: z.optional(id).check(z.describe(`Only the ${what} of this facility (one of the partner’s, else 404).`)),
  spaceId: z.optional(id).check(z.describe(`Only the ${what} of this space (one of the partner’s, else 404).`)),
  companyName: z
    .optional(z.string().check(z.minLength(1), z.maxLength(200)))
    .check(
      z.describe(
        `Only the ${what} of members of this company: its name exactly as the answers show it (an exact match: case, spaces and width count).`,
      ),
    ),
  limit: z
    .optional(queryInteger(1, USAGE_PAGE_LIMIT))
    .check(
      z.describe(
        `Items per page: 1–${USAGE_PAGE_LIMIT}, default ${USAGE_PAGE_LIMIT}. A page may hold fewer and still have a \`nextCursor\`: read on until it has none. A CSV answer is the whole search (no paging).`,
      ),
    ),
  cursor: z
    .optional(z.string().check(z.maxLength(512), z.regex(/^[A-Za-z0-9_-]+$/, 'Not a cursor of this API')))
    .check(z.describe('The `nextCursor` of the page before, with the same search.')),
});

/** `from` not after `to`, and at most {@link MAX_USAGE_RANGE_DAYS} days from one to the other, both included. */
export function checkRange(q: { from: string; to: string }, ctx: z.core.$RefinementCtx): void {
  const days = daysOf(q.to) - daysOf(q.from) + 1;
  if (days < 1) {
    for (const field of ['from', 'to'] as const) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'from must not be after to' });
    }
  } else if (days > MAX_USAGE_RANGE_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${MAX_USAGE_RANGE_DAYS} days from from to to` });
  }
}

/** `GET /v1/operator/usage/visits`: the partner's open-space visits by their check-in date. */
export const usageVisitsQuery = z
  .strictObject({
    ...searchFields('visits', 'check-in'),
    status: z.optional(z.enum(VISIT_STATUSES)).check(z.describe('Only visits in this status.')),
  })
  .check(z.superRefine(checkRange));

/** `GET /v1/operator/usage/guests`: the guests of the partner's open-space visits, by their visit's check-in date. */
export const usageGuestsQuery = z
  .strictObject({
    ...searchFields('guests', 'visit’s check-in'),
    status: z.optional(z.enum(GUEST_STATUSES)).check(z.describe('Only guests still in, or only those who left.')),
  })
  .check(z.superRefine(checkRange));

/** `GET /v1/operator/usage/reservations`: the partner's reservations by their start date. */
export const usageReservationsQuery = z
  .strictObject({
    ...searchFields('reservations', 'start'),
    status: z.optional(z.enum(reservationStatuses)).check(z.describe('Only reservations in this status.')),
  })
  .check(z.superRefine(checkRange));

/** The names the partner site shows where the JSON has ids (the CSV files' 施設 and スペース columns). */
const names = { facilityName: z.string(), spaceName: z.string() };

/** An open-space visit in the usage list: the operator's view of it, with its facility's and space's names. */
export const usageVisitResponse = z.strictObject({ ...operatorVisitResponse.shape, ...names });
export const usageVisitPageResponse = z.strictObject({
  items: z.array(usageVisitResponse),
  nextCursor: z.optional(z.string()),
});

/** One guest of an open-space visit: who brought them (company, member number, the visit), their in, out and charge. */
export const usageGuestResponse = z.strictObject({
  visitId: z.string(),
  /** The member's visit's number (`V-…`). */
  visitNumber: z.string(),
  companyName: z.nullable(z.string()),
  memberNumber: z.string(),
  facilityId: z.string(),
  spaceId: z.string(),
  ...names,
  /** The guest within its visit (`g1`, `g2`, …). */
  guestId: z.string(),
  checkedInAt: zoned,
  checkedOutAt: z.optional(zoned),
  /** The guest's own per-minute charge, once out. */
  charge: z.optional(price),
});
export const usageGuestPageResponse = z.strictObject({
  items: z.array(usageGuestResponse),
  nextCursor: z.optional(z.string()),
});

/**
 * A reservation's sales line in the usage list (api.md `SalesLine`): the sales list's line without the facility's and
 * space's names, which the reservation carries.
 */
export const salesLineResponse = z.omit(salesListLine, { facilityName: true, spaceName: true });

const {
  keypadCode: _keypadCode,
  keypad: _keypad,
  options: _options,
  ...reservationFields
} = operatorReservationResponse.shape;

/**
 * A reservation in the usage list: the operator's view of it (number, company, member number, status, times), its
 * facility's and space's names, its options with their names, and its own sales lines (api.md: the usage role sees
 * them here): its settlement's and its cancellation fee's, none while it is held. A door's keypad code is not a usage
 * record and is not shown.
 */
export const usageReservationResponse = z.strictObject({
  ...reservationFields,
  ...names,
  options: z.array(
    z.strictObject({ optionId: z.string(), name: z.string(), quantity: z.number().check(z.int(), z.gte(1)) }),
  ),
  salesLines: z.array(salesLineResponse),
});
export const usageReservationPageResponse = z.strictObject({
  items: z.array(usageReservationResponse),
  nextCursor: z.optional(z.string()),
});

export type UsageVisitsQuery = z.infer<typeof usageVisitsQuery>;
export type UsageGuestsQuery = z.infer<typeof usageGuestsQuery>;
export type UsageReservationsQuery = z.infer<typeof usageReservationsQuery>;
export type UsageVisitResponse = z.infer<typeof usageVisitResponse>;
export type UsageVisitPageResponse = z.infer<typeof usageVisitPageResponse>;
export type UsageGuestResponse = z.infer<typeof usageGuestResponse>;
export type UsageGuestPageResponse = z.infer<typeof usageGuestPageResponse>;
export type SalesLineResponse = z.infer<typeof salesLineResponse>;
export type UsageReservationResponse = z.infer<typeof usageReservationResponse>;
export type UsageReservationPageResponse = z.infer<typeof usageReservationPageResponse>;
