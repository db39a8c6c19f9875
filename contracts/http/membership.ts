/** Contracts of the membership routes: the member's own profile and plan (api.md, member routes). */
import * as z from 'zod';
import { count, isoDate, plans } from './common';

export const corporateCodeBody = z.strictObject({ code: z.string().regex(/^\d{16}$/, 'Expected 16 digits') });

export const meResponse = z.strictObject({
  memberId: z.string(),
  memberNumber: z.string(),
  plan: z.enum(plans),
  companyName: z.string().optional(),
  contract: z.strictObject({ start: isoDate, end: isoDate }),
  uses: z.strictObject({ limit: count.nullable(), used: count, held: count, remaining: count.nullable() }),
});

export type MeResponse = z.infer<typeof meResponse>;
