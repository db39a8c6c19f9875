/**
 * Contracts of drop-in visits (api.md "Drop-in visits"; domain-rules §6): the member scans the QR code posted at an
 * open space to check in and again to leave, and may bring guests, each with their own in and out.
 */
import * as z from '../zod';
import { count, id, price, queryInteger, zoned } from './common';
import { ticketText } from './tickets';

export const VISIT_STATUSES = ['in', 'out', 'closedAtClosing'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** What a QR code posted at an open space carries (`QR-…`). */
export const qrValue = z.string().check(z.minLength(1), z.maxLength(200));

/** `POST /v1/visits` and `…/checkout`: the QR scanned at the space. */
export const qrBody = z.strictObject({ qrValue });
export const visitPath = z.strictObject({ id: z.string().check(z.uuid()) });
export const guestPath = z.strictObject({ id: z.string().check(z.uuid()), guestId: id });
/** `POST …/guests`: how many guests come in now (at most {@link MAX_GUESTS_AT_ONCE} at once). */
export const MAX_GUESTS_AT_ONCE = 20;
export const guestsBody = z.strictObject({
  count: z.number().check(z.int(), z.gte(1), z.lte(MAX_GUESTS_AT_ONCE)),
});
export const visitsQuery = z.strictObject({
  scope: z
    ._default(z.enum(['current', 'past']), 'current')
    .check(z.describe('current: the visit the member is in now (one at most); past: visits over, newest first.')),
  limit: z.optional(queryInteger(1, 100)).check(z.describe('Past visits per page: 1–100, default 100.')),
  cursor: z
    .optional(z.string().check(z.maxLength(512)))
    .check(z.describe('The `nextCursor` of the page before (past visits).')),
});

export const visitGuestResponse = z.strictObject({
  guestId: z.string(),
  checkedInAt: zoned,
  checkedOutAt: z.optional(zoned),
  /** The guest's own per-minute charge, once out. */
  charge: z.optional(price),
});

/** A visit as its member sees it; `charge` is the member's own (each guest carries theirs). */
export const visitResponse = z.strictObject({
  id: z.string(),
  number: z.string(),
  memberId: z.string(),
  facilityId: z.string(),
  spaceId: z.string(),
  status: z.enum(VISIT_STATUSES),
  checkedInAt: zoned,
  checkedOutAt: z.optional(zoned),
  /** When the per-check-in limit ends the visit (stores with a limit). */
  limitEndsAt: z.optional(zoned),
  /** When the space closes, if before the limit: the visit is closed then (`closedAtClosing`). */
  closesAt: z.optional(zoned),
  uses: count,
  guests: z.array(visitGuestResponse),
  charge: z.optional(price),
});

export const visitListResponse = z.strictObject({ items: z.array(visitResponse), nextCursor: z.optional(z.string()) });

export type VisitResponse = z.infer<typeof visitResponse>;
export type VisitGuestResponse = z.infer<typeof visitGuestResponse>;

/**
 * A visit as the partner sees it (api.md: operator answers show the company name and the member number instead of the
 * member): reception's check-in by ticket answers it.
 */
const { memberId: _memberId, ...visitFields } = visitResponse.shape;
export const operatorVisitResponse = z.strictObject({
  ...visitFields,
  companyName: z.nullable(z.string()),
  memberNumber: z.string(),
});

/** `POST /v1/operator/tickets/check-in`: the ticket reception scanned, and the open space the member enters. */
export const ticketCheckInBody = z.strictObject({ ticket: ticketText, spaceId: id });

/** `GET /v1/operator/usage/current?facilityId=`. */
export const currentUsageQuery = z.strictObject({ facilityId: z.optional(id) });

/** Who is in one of the partner's open spaces now: company, member number, since when, guests in with them. */
export const presentVisitResponse = z.strictObject({
  visitId: z.string(),
  number: z.string(),
  companyName: z.nullable(z.string()),
  memberNumber: z.string(),
  facilityId: z.string(),
  spaceId: z.string(),
  checkedInAt: zoned,
  /** When the per-check-in limit ends the visit. */
  limitEndsAt: z.optional(zoned),
  /** Guests in with the member now. */
  guests: count,
});
export const currentUsageResponse = z.strictObject({ items: z.array(presentVisitResponse) });

export type OperatorVisitResponse = z.infer<typeof operatorVisitResponse>;
export type PresentVisitResponse = z.infer<typeof presentVisitResponse>;
