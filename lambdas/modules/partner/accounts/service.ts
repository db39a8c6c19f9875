/**
 * A partner's own profile and operator accounts (api.md "Partner routes": partner, accounts; 004 §1), and the back
 * office's new partner with its first account. Accounts of another partner are not there for an operator (404).
 *
 * The table's account is what the API goes by (the identity step reads it on every operator request); the operator
 * directory (Cognito in the cloud) follows it:
 * - a new account's sign-in is made first (its subject is the account's id), then the account and its e-mail are
 *   written in one transaction; when that write fails, the sign-in is removed again, so a retry starts afresh;
 * - an edit is written first, then the sign-in is kept to it (role, enabled or disabled and signed out). When the
 *   directory fails after the write, the API already goes by the new account (a disabled one is refused) and the
 *   answer is a 500: sending the edit again (with the new ETag) keeps the sign-in to the account, even when nothing
 *   changes.
 */
import type { OperatorRole } from '../../../../contracts/auth';
import type { Instant } from '../../../domain/model';
import type { TaggedItem } from '../../../platform/dynamo/transactions';
import { type Identity, partnerIdOf } from '../../../platform/identity';
import { logger } from '../../../platform/instrument';
import type { OperatorAccess } from '../../../platform/operator-access';
import type { OperatorAccount, OperatorAccountRepository } from '../../../platform/operator-accounts';
import { type Ids, type OperatorDirectory, SignInTaken } from '../../../platform/ports';
import { ApiError } from '../../../platform/problems';
import { retryOnStale, STALE, type Stale } from '../../../platform/retry';
import { ownedByPartner } from '../../../platform/tenancy';
import type { PartnerRecord, PartnerRepository } from '../../catalog';
import {
  type AccountPatch,
  keeperOfEdit,
  losesManagement,
  madePartnerId,
  patchedFields,
  unchanged,
} from './rules/accounts';

export type AccountPorts = {
  accounts: Pick<OperatorAccountRepository, 'get' | 'ofPartner' | 'emailTaken' | 'create' | 'change'>;
  directory: OperatorDirectory;
  /** The identity step's memory of accounts, forgotten when one changes here. */
  access: Pick<OperatorAccess, 'forget'>;
};

export type PartnerPorts = {
  partners: Pick<PartnerRepository, 'getPartner' | 'editProfile' | 'newPartner'>;
};

const emailTaken = (email: string) => new ApiError('INVALID_STATE', `An account signs in with ${email} already`);
const staleAccount = () => new ApiError('VERSION_MISMATCH', 'The account changed since you read it: read it again');
const stalePartner = () => new ApiError('VERSION_MISMATCH', 'The partner changed since you read it: read it again');

/** The caller's partner's accounts, oldest first. */
export function listAccounts(deps: Pick<AccountPorts, 'accounts'>, identity: Identity): Promise<OperatorAccount[]> {
  return deps.accounts.ofPartner(partnerIdOf(identity));
}

/** One of the caller's partner's accounts, or 404. */
export async function ownAccount(
  deps: Pick<AccountPorts, 'accounts'>,
  identity: Identity,
  operatorId: string,
): Promise<OperatorAccount> {
  return ownedByPartner(identity, await deps.accounts.get(operatorId), 'Operator account');
}

/** What a new account is. */
export interface NewAccount {
  partnerId: string;
  email: string;
  name: string;
  operatorRole: OperatorRole;
}

/**
 * Opens an account: its sign-in in the directory, then the account and its e-mail, with `alongside` (a new partner)
 * in the same transaction. 409 `INVALID_STATE` when the e-mail signs in already (an account's, or in the directory)
 * or an item of `alongside` is taken; nothing stays behind in the table or the directory then.
 */
export async function openAccount(
  deps: Pick<AccountPorts, 'accounts' | 'directory'>,
  input: NewAccount,
  now: Instant,
  alongside: readonly TaggedItem[] = [],
): Promise<OperatorAccount> {
  if (await deps.accounts.emailTaken(input.email)) throw emailTaken(input.email);
  let operatorId: string;
  try {
    ({ operatorId } = await deps.directory.create(input));
  } catch (error) {
    if (error instanceof SignInTaken) throw emailTaken(input.email);
    throw error;
  }
  const account: OperatorAccount = { ...input, operatorId, status: 'active', version: 1, createdAt: now };
  const undo = async () => {
    try {
      await deps.directory.remove(operatorId);
    } catch (error) {
      // the sign-in stays without an account: the API refuses its tokens (no account), its e-mail is blocked
      logger.error('A sign-in without an account could not be removed', { operatorId, error: error as Error });
    }
  };
  let outcome: Awaited<ReturnType<AccountPorts['accounts']['create']>>;
  try {
    outcome = await deps.accounts.create(account, alongside);
  } catch (error) {
    await undo();
    throw error;
  }
  if (!outcome.ok) {
    await undo();
    if (outcome.failed === 'stale') throw new Error(`The account ${operatorId} could not be written: try again`);
    throw new ApiError(outcome.failed.code, outcome.failed.detail);
  }
  return account;
}

/** A new account of the caller's partner (api.md POST accounts). */
export function createAccount(
  deps: Pick<AccountPorts, 'accounts' | 'directory'>,
  identity: Identity,
  input: { email: string; name: string; role: OperatorRole },
  now: Instant,
): Promise<OperatorAccount> {
  return openAccount(
    deps,
    { partnerId: partnerIdOf(identity), email: input.email, name: input.name, operatorRole: input.role },
    now,
  );
}

/**
 * Edits one of the caller's partner's accounts at the version the caller read (`If-Match`): 412 when it is not the
 * current one; 409 `INVALID_STATE` when the edit would leave the partner without an active full operator. The
 * account's next request goes by the edit at once (this process forgets what it read of it; other processes within
 * `ACCOUNT_CACHE_MS`), and its sign-in follows (service header).
 */
export async function editAccount(
  deps: AccountPorts,
  identity: Identity,
  operatorId: string,
  patch: AccountPatch,
  expectedVersion: number,
): Promise<OperatorAccount> {
  const attempt = async (): Promise<OperatorAccount | Stale> => {
    const account = await ownAccount(deps, identity, operatorId);
    if (account.version !== expectedVersion) throw staleAccount();
    const fields = patchedFields(account, patch);
    if (unchanged(account, fields)) return account;
    const others = losesManagement(account, fields) ? await deps.accounts.ofPartner(account.partnerId) : [];
    const decided = keeperOfEdit(account, fields, others);
    if (!decided.ok) throw new ApiError('INVALID_STATE', decided.problem);
    const written = await deps.accounts.change(account, fields, decided.keeper);
    if (written.ok) return written.account;
    // the keeper moved: decide again on fresh accounts; the account itself moved: the caller reads it again
    if (written.stale === 'keeper') return STALE;
    throw staleAccount();
  };
  const edited = await retryOnStale(attempt, staleAccount);
  deps.access.forget(operatorId);
  await deps.directory.update(operatorId, { operatorRole: edited.operatorRole, status: edited.status });
  return edited;
}

/** The caller's partner (api.md GET partner), or 404 when it has no record. */
export async function ownPartner(deps: PartnerPorts, identity: Identity): Promise<PartnerRecord> {
  return ownedByPartner(identity, await deps.partners.getPartner(partnerIdOf(identity)), 'Partner');
}

/** Edits the caller's partner's name and payment-notice e-mails at the version the caller read (412 otherwise). */
export async function editPartner(
  deps: PartnerPorts,
  identity: Identity,
  patch: { name?: string; paymentNoticeEmails?: string[] },
  expectedVersion: number,
): Promise<PartnerRecord> {
  const partner = await ownPartner(deps, identity);
  if (partner.version !== expectedVersion) throw stalePartner();
  const fields = {
    name: patch.name ?? partner.name,
    paymentNoticeEmails: patch.paymentNoticeEmails ?? partner.paymentNoticeEmails,
  };
  if (!(await deps.partners.editProfile(partner.partnerId, fields, expectedVersion))) throw stalePartner();
  return { ...partner, ...fields, version: expectedVersion + 1 };
}

/** What the back office gives for a new partner (api.md POST /v1/admin/partners). */
export interface NewPartner {
  partnerId?: string;
  name: string;
  payoutRatePercent: number;
  paymentNoticeEmails: string[];
  admin: { email: string; name: string };
}

/**
 * A new partner and its first `full` operator, opened as any account is ({@link openAccount}), the partner written in
 * the account's transaction. 409 `INVALID_STATE` when the id or the e-mail is taken; nothing is written then.
 */
export async function createPartner(
  deps: Pick<AccountPorts, 'accounts' | 'directory'> & PartnerPorts & { ids: Ids },
  input: NewPartner,
  now: Instant,
): Promise<{ partner: PartnerRecord; admin: OperatorAccount }> {
  const partnerId = input.partnerId ?? madePartnerId(deps.ids.next());
  if (await deps.partners.getPartner(partnerId))
    throw new ApiError('INVALID_STATE', `A partner with id ${partnerId} exists`);
  const partner: PartnerRecord = {
    partnerId,
    name: input.name,
    facilityIds: [],
    payoutRatePercent: input.payoutRatePercent,
    paymentNoticeEmails: input.paymentNoticeEmails,
    version: 1,
  };
  const admin = await openAccount(
    deps,
    { partnerId, email: input.admin.email, name: input.admin.name, operatorRole: 'full' },
    now,
    [deps.partners.newPartner(partner)],
  );
  return { partner, admin };
}
