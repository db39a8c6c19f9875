/** Contracts of the local-only routes (api.md): served by the local gateway, never deployed. */
import * as z from 'zod';
import { id, localDate, plans } from './common';

export const localMemberBody = z.strictObject({
  memberId: id,
  plan: z.enum(plans).nullable().optional(),
  contractStart: localDate.optional(),
  companyName: z.string().min(1).max(128).optional(),
  /** The member's e-mail (where notifications go locally); `<memberId>@example.com` when absent. */
  email: z.email().max(254).optional(),
});

export const localTokenBody = z.strictObject({
  sub: id,
  role: z.enum(['member', 'operator', 'admin']),
  partnerId: id.optional(),
  operatorRole: z.enum(['full', 'staff', 'usage']).optional(),
});

/** `{ now }`: jump the clock to an instant (ISO 8601 with an offset). */
export const localClockSetBody = z.strictObject({ now: z.string().min(1) });

/** `{ advanceMinutes }`: move the clock forward. */
export const localClockAdvanceBody = z.strictObject({
  advanceMinutes: z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 365),
});

/** What a body that is neither clock move is told. */
export const LOCAL_CLOCK_BODY_EXPECTED =
  'Expected {"now": "<ISO 8601 instant with an offset>"} or {"advanceMinutes": <whole minutes, 0 to 525600>}';

export const localClockBody = z.union([localClockSetBody, localClockAdvanceBody], {
  error: LOCAL_CLOCK_BODY_EXPECTED,
});
