/**
 * The rules of a partner's operator accounts (004 §1-2): an edit is a merge patch of the name, role and status, and no
 * edit may leave the partner without an active `full` operator (who else would manage its accounts?). Refused as 409
 * `INVALID_STATE`: the edit is well formed, the partner's state is what forbids it.
 */
import type { OperatorRole, OperatorStatus } from '../../../../../contracts/auth';

/** What an edit sets of an account. */
export interface AccountFields {
  name: string;
  operatorRole: OperatorRole;
  status: OperatorStatus;
}

/** An edit as api.md names its fields (`role`). */
export interface AccountPatch {
  name?: string;
  role?: OperatorRole;
  status?: OperatorStatus;
}

/** The account's fields once `patch` is applied (absent = unchanged). */
export function patchedFields(account: AccountFields, patch: AccountPatch): AccountFields {
  return {
    name: patch.name ?? account.name,
    operatorRole: patch.role ?? account.operatorRole,
    status: patch.status ?? account.status,
  };
}

/** Whether `fields` are those the account has already. */
export const unchanged = (account: AccountFields, fields: AccountFields): boolean =>
  account.name === fields.name && account.operatorRole === fields.operatorRole && account.status === fields.status;

/** An account that manages the partner: active, `full`. */
export const managesPartner = (account: Pick<AccountFields, 'operatorRole' | 'status'>): boolean =>
  account.status === 'active' && account.operatorRole === 'full';

/** Whether an edit of `account` to `fields` takes its management of the partner away (disabled, or not full). */
export const losesManagement = (
  account: Pick<AccountFields, 'operatorRole' | 'status'>,
  fields: Pick<AccountFields, 'operatorRole' | 'status'>,
): boolean => managesPartner(account) && !managesPartner(fields);

/**
 * What an edit of `account` to `fields` needs of the partner's other accounts: nothing (`{ ok: true }`), another
 * account that manages the partner and must stay so while the edit is written (`keeper`: the edit takes the account's
 * own management away), or a refusal when there is none (the account is the partner's last active full operator).
 */
export function keeperOfEdit<A extends { operatorId: string } & Pick<AccountFields, 'operatorRole' | 'status'>>(
  account: A,
  fields: AccountFields,
  partnerAccounts: readonly A[],
): { ok: true; keeper?: A } | { ok: false; problem: string } {
  if (!losesManagement(account, fields)) return { ok: true };
  const keeper = partnerAccounts.find((other) => other.operatorId !== account.operatorId && managesPartner(other));
  if (!keeper) {
    return {
      ok: false,
      problem:
        'This is the partner’s last active full operator: make another account full and active before disabling or demoting this one',
    };
  }
  return { ok: true, keeper };
}

/** A partner id made from random hex when the back office gives none: `partner-` and eight characters. */
export const madePartnerId = (randomHex: string): string => `partner-${randomHex.replaceAll('-', '').slice(0, 8)}`;
