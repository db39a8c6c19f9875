/**
 * Contracts of the partner's own profile and operator accounts (api.md "Partner routes": partner, accounts; 004 §1),
 * and of the back office's new partner (api.md "Back office": POST /v1/admin/partners), whose first account is made
 * as any other.
 */
import { OPERATOR_ROLES, OPERATOR_STATUSES } from '../auth';
import * as z from '../zod';
import { id, itemsOf, kebabId, zoned } from './common';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** An e-mail address, kept in lower case (an operator's is the sign-in name, which is not case-sensitive). */
const email = z.email().check(z.maxLength(254), z.toLowerCase());
/** Where payment notices go (004 §1-1 ②): one to ten distinct addresses. */
const paymentNoticeEmails = z.array(email).check(
  z.minLength(1),
  z.maxLength(10),
  z.refine((emails) => new Set(emails).size === emails.length, 'The same address is listed twice'),
);
/** An id an admin may give a new partner: kebab-case (`partner-h1t`). */
export const operatorAccountPath = z.strictObject({ operatorId: id });

/** A new operator account of the caller's partner (api.md POST accounts). */
export const newAccountBody = z.strictObject({
  email,
  name: text(100),
  role: z.enum(OPERATOR_ROLES),
});

/** A JSON merge patch of an account (api.md PATCH accounts: `role`, `status`; and its `name`, as the site edits it). */
export const accountPatchBody = z
  .partial(
    z.strictObject({
      name: text(100),
      role: z.enum(OPERATOR_ROLES),
      status: z.enum(OPERATOR_STATUSES),
    }),
  )
  .check(z.refine((patch) => Object.keys(patch).length > 0, 'The patch names no field'));

/** An operator account as its partner's full operators see it. */
export const operatorAccountResponse = z.strictObject({
  operatorId: z.string(),
  partnerId: z.string(),
  version: z.number().check(z.int(), z.gte(1)),
  email: z.string(),
  name: z.string(),
  role: z.enum(OPERATOR_ROLES),
  status: z.enum(OPERATOR_STATUSES),
  createdAt: zoned,
});

export const operatorAccountListResponse = itemsOf(operatorAccountResponse);

/** A JSON merge patch of the partner's own profile (api.md PATCH partner). */
export const partnerPatchBody = z
  .partial(z.strictObject({ name: text(100), paymentNoticeEmails }))
  .check(z.refine((patch) => Object.keys(patch).length > 0, 'The patch names no field'));

/** The partner as its full operators see it (api.md GET partner). */
export const partnerProfileResponse = z.strictObject({
  partnerId: z.string(),
  version: z.number().check(z.int(), z.gte(1)),
  name: z.string(),
  paymentNoticeEmails: z.array(z.string()),
});

/** A new partner and its first `full` operator (api.md POST /v1/admin/partners); its id is made unless given. */
export const newPartnerBody = z.strictObject({
  partnerId: z.optional(kebabId),
  name: text(100),
  payoutRatePercent: z.number().check(z.gte(0), z.lte(100)),
  paymentNoticeEmails,
  admin: z.strictObject({ email, name: text(100) }),
});

/** The partner made, as the back office sees it, and its first operator. */
export const partnerCreatedResponse = z.strictObject({
  partner: z.extend(partnerProfileResponse, { payoutRatePercent: z.number() }),
  admin: operatorAccountResponse,
});

export type NewAccount = z.infer<typeof newAccountBody>;
export type AccountPatch = z.infer<typeof accountPatchBody>;
export type PartnerPatch = z.infer<typeof partnerPatchBody>;
export type NewPartner = z.infer<typeof newPartnerBody>;
export type OperatorAccountResponse = z.infer<typeof operatorAccountResponse>;
export type PartnerProfileResponse = z.infer<typeof partnerProfileResponse>;
export type PartnerCreatedResponse = z.infer<typeof partnerCreatedResponse>;
