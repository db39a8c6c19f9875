/** Contracts of the local-only routes (api.md): served by the local gateway, never deployed. */
import * as z from 'zod';
import { id, localDate, plans } from './common';

export const localMemberBody = z.strictObject({
  memberId: id,
  plan: z.enum(plans),
  contractStart: localDate.optional(),
  companyName: z.string().min(1).max(128).optional(),
});

export const localTokenBody = z.strictObject({
  sub: id,
  role: z.enum(['member', 'operator', 'admin']),
  partnerId: id.optional(),
  operatorRole: z.enum(['full', 'staff', 'usage']).optional(),
});

export const localClockBody = z.union([
  z.strictObject({ now: z.string().min(1) }),
  z.strictObject({
    advanceMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 365),
  }),
]);
