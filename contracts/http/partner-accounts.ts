/**
 * Contracts of the partner's own profile and operator accounts (api.md "Partner routes": partner, accounts; 004 §1),
 * and of the back office's new partner (api.md "Back office": POST /v1/admin/partners), whose first account is made
 * as any other.
 */
import * as z from 'zod';
import { OPERATOR_ROLES, OPERATOR_STATUSES } from '../auth';
import { id, itemsOf, kebabId, zoned } from './common';

const text = (max: number) => z.string().trim().min(1).max(max);
/** An e-mail address, kept in lower case (an operator's is the sign-in name, which is not case-sensitive). */
const email = z.email().max(254).toLowerCase();
/** Where payment notices go (004 §1-1 ②): one to ten distinct addresses. */
const paymentNoticeEmails = z
  .array(email)
  .min(1)
  .max(10)
  .refine((emails) => new Set(emails).size === emails.length, 'The same address is listed twice');
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
  .strictObject({
    name: text(100),
    role: z.enum(OPERATOR_ROLES),
    status: z.enum(OPERATOR_STATUSES),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'The patch names no field');

/** An operator account as its partner's full operators see it. */
export const operatorAccountResponse = z.strictObject({
  operatorId: z.string(),
  partnerId: z.string(),
  version: z.number().int().min(1),
  email: z.string(),
  name: z.string(),
  role: z.enum(OPERATOR_ROLES),
  status: z.enum(OPERATOR_STATUSES),
  createdAt: zoned,
});

export const operatorAccountListResponse = itemsOf(operatorAccountResponse);

/** A JSON merge patch of the partner's own profile (api.md PATCH partner). */
export const partnerPatchBody = z
  .strictObject({ name: text(100), paymentNoticeEmails })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'The patch names no field');

/** The partner as its full operators see it (api.md GET partner). */
export const partnerProfileResponse = z.strictObject({
  partnerId: z.string(),
  version: z.number().int().min(1),
  name: z.string(),
  paymentNoticeEmails: z.array(z.string()),
});

/** A new partner and its first `full` operator (api.md POST /v1/admin/partners); its id is made unless given. */
export const newPartnerBody = z.strictObject({
  partnerId: kebabId.optional(),
  name: text(100),
  payoutRatePercent: z.number().min(0).max(100),
  paymentNoticeEmails,
  admin: z.strictObject({ email, name: text(100) }),
});

/** The partner made, as the back office sees it, and its first operator. */
export const partnerCreatedResponse = z.strictObject({
  partner: partnerProfileResponse.extend({ payoutRatePercent: z.number() }),
  admin: operatorAccountResponse,
});

export type NewAccount = z.infer<typeof newAccountBody>;
export type AccountPatch = z.infer<typeof accountPatchBody>;
export type PartnerPatch = z.infer<typeof partnerPatchBody>;
export type NewPartner = z.infer<typeof newPartnerBody>;
export type OperatorAccountResponse = z.infer<typeof operatorAccountResponse>;
export type PartnerProfileResponse = z.infer<typeof partnerProfileResponse>;
export type PartnerCreatedResponse = z.infer<typeof partnerCreatedResponse>;
