/** Contracts of the stay routes: check-in, re-entry, checkout and unlock commands (api.md, member routes). */
import { doorEventResults, unlockCommand, unlockPurposes } from '../mqtt';
import * as z from '../zod';
import { reservationResponse } from './booking';
import { id, zoned } from './common';

export const doorBody = z.strictObject({ doorId: id });
/** Re-entry while checked in (the default), or an exit within 5 minutes after checkout (api.md, wave 2). */
export const unlockBody = z.strictObject({ doorId: id, purpose: z.optional(z.enum(['reentry', 'exit'])) });
export const unlockCommandPath = z.strictObject({ commandId: z.string().check(z.uuid()) });

export const unlockStatuses = ['sent', ...doorEventResults, 'expired'] as const;

/** An unlock command: the MQTT message, its status (a `sent` one past its expiry shows `expired`), the door's answer. */
export const unlockCommandResponse = z.strictObject({
  ...unlockCommand.shape,
  purpose: z.enum(unlockPurposes),
  status: z.enum(unlockStatuses),
  resultAt: z.optional(zoned),
  reason: z.optional(z.string()),
});

/** Check-in and checkout: the reservation with the unlock command the step issued. */
export const stayResponse = z.strictObject({ ...reservationResponse.shape, unlock: unlockCommandResponse });

export type UnlockCommandResponse = z.infer<typeof unlockCommandResponse>;
export type StayResponse = z.infer<typeof stayResponse>;
