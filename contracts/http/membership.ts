/** Contracts of the membership routes: the member's own profile and plan, purchases (api.md, member plans). */
import * as z from '../zod';
import { count, id, instant, isoDate, plans, yen, zoned } from './common';

export const corporateCodeBody = z.strictObject({ code: z.string().check(z.regex(/^\d{16}$/, 'Expected 16 digits')) });

/** The plans a member buys (corporate comes with a company). */
export const individualPlans = ['basic', 'premium'] as const;

export const meResponse = z.strictObject({
  memberId: z.string(),
  memberNumber: z.string(),
  /** `null`: no plan yet (no corporate code, nothing bought), or a bought plan lapsed. */
  plan: z.nullable(z.enum(plans)),
  companyName: z.optional(z.string()),
  /** The contract month (individual plans) or calendar month uses are counted in; absent without a plan. */
  contract: z.optional(z.strictObject({ start: isoDate, end: isoDate })),
  uses: z.strictObject({ limit: z.nullable(count), used: count, held: count, remaining: z.nullable(count) }),
  /** The next renewal of a bought plan: its day, the plan it renews into, and whether it stops instead. */
  renewal: z.optional(z.strictObject({ on: isoDate, plan: z.enum(individualPlans), stops: z.boolean() })),
});

export const planChangeBody = z.strictObject({ plan: z.enum(individualPlans) });

export const memberPath = z.strictObject({ memberId: id });

/** What the payment provider reports: the plan paid for, when, and the amount without tax (yen). */
export const purchaseBody = z.strictObject({
  plan: z.enum(individualPlans),
  paidAt: instant,
  amount: z.number().check(z.int(), z.gte(0), z.lte(10_000_000)),
});

export const purchaseResponse = z.strictObject({
  purchaseId: z.string(),
  plan: z.enum(individualPlans),
  /** The contract month the purchase pays. */
  period: z.strictObject({ start: isoDate, end: isoDate }),
  amount: yen,
  tax: yen,
  total: yen,
  paidAt: zoned,
});

export const purchaseListResponse = z.strictObject({ items: z.array(purchaseResponse) });

export type MeResponse = z.infer<typeof meResponse>;
export type PurchaseResponse = z.infer<typeof purchaseResponse>;
