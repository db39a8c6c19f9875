/** Contracts of the local-only routes (api.md): served by the local gateway, never deployed. */
import * as z from '../zod';
import { id, localDate, plans } from './common';

export const localMemberBody = z.strictObject({
  memberId: id,
  plan: z.optional(z.nullable(z.enum(plans))),
  contractStart: z.optional(localDate),
  companyName: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  /** The member's e-mail (where notifications go locally); `<memberId>@example.com` when absent. */
  email: z.optional(z.email().check(z.maxLength(254))),
});

export const localTokenBody = z.strictObject({
  sub: id,
  role: z.enum(['member', 'operator', 'admin']),
  partnerId: z.optional(id),
  operatorRole: z.optional(z.enum(['full', 'staff', 'usage'])),
});

/** `{ now }`: jump the clock to an instant (ISO 8601 with an offset). */
export const localClockSetBody = z.strictObject({ now: z.string().check(z.minLength(1)) });

/** `{ advanceMinutes }`: move the clock forward. */
export const localClockAdvanceBody = z.strictObject({
  advanceMinutes: z.number().check(z.int(), z.gte(0), z.lte(60 * 24 * 365)),
});

/** What a body that is neither clock move is told. */
export const LOCAL_CLOCK_BODY_EXPECTED =
  'Expected {"now": "<ISO 8601 instant with an offset>"} or {"advanceMinutes": <whole minutes, 0 to 525600>}';

export const localClockBody = z.union([localClockSetBody, localClockAdvanceBody], {
  error: LOCAL_CLOCK_BODY_EXPECTED,
});
