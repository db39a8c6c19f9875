/**
 * Contracts of the member's reception ticket (api.md "Drop-in visits": `GET /v1/me/ticket`; domain-rules §6): a
 * signed string the app shows as a QR code for 60 seconds, which reception scans and which admits once.
 */
import * as z from '../zod';
import { zoned } from './common';

/** The longest ticket: what a scanned ticket field may hold (today's are about 200 characters). */
export const MAX_TICKET_LENGTH = 512;

/** A ticket as reception sends it back (the check-in body's `ticket`): opaque to clients. */
export const ticketText = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(MAX_TICKET_LENGTH),
    z.describe('The member ticket as scanned from the member’s QR code, unchanged.'),
  );

/** `GET /v1/me/ticket`: the ticket to show as a QR code, and when it stops admitting. */
export const ticketResponse = z.strictObject({
  ticket: z
    .string()
    .check(
      z.maxLength(MAX_TICKET_LENGTH),
      z.describe('Opaque: show it as a QR code. Reception scans it; it admits once, until expiresAt.'),
    ),
  expiresAt: zoned.check(z.describe('When the ticket stops admitting (60 seconds after it was issued), Tokyo time.')),
});

export type TicketResponse = z.infer<typeof ticketResponse>;
