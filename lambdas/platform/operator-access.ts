/**
 * An operator's token is good only while its account is (api.md "More conventions": a disabled operator account is
 * refused at once, even with a token issued before; "Wave 2 details": within 5 seconds). Every operator request reads
 * the account, at most once per {@link ACCOUNT_CACHE_MS} per process: the token's partner must be the account's, the
 * account active, and the role is the account's as stored now (a changed role applies at once, without signing in
 * again).
 */
import { type Clock, systemClock } from './clock';
import { tableContext } from './dynamo/client';
import type { Identity } from './identity';
import { type OperatorAccount, OperatorAccountRepository } from './operator-accounts';
import { ApiError } from './problems';

/** How long a process trusts an account it read: a disabled account's earlier tokens are refused within this. */
export const ACCOUNT_CACHE_MS = 5_000;
/** Accounts a process remembers at most (the longest remembered are forgotten first). */
export const MAX_REMEMBERED_ACCOUNTS = 1_000;

export type OperatorIdentity = Extract<Identity, { role: 'operator' }>;

/** Where the check reads an account. */
export interface AccountReader {
  get(operatorId: string): Promise<Pick<OperatorAccount, 'partnerId' | 'operatorRole' | 'status'> | undefined>;
}

type Remembered = { account: Awaited<ReturnType<AccountReader['get']>>; until: number };

/** The check of operators' tokens against their accounts, with what this process read lately. */
export class OperatorAccess {
  private readonly remembered = new Map<string, Remembered>();

  /** `clock` is wall time (how fresh a read is), not the domain's clock. */
  constructor(
    private readonly accounts: AccountReader,
    private readonly clock: Clock = systemClock,
    private readonly cacheMs: number = ACCOUNT_CACHE_MS,
  ) {}

  /**
   * The identity an operator's token stands for now: with its account's current role. 401 `UNAUTHENTICATED` when the
   * account is missing, inactive or of another partner than the token says.
   */
  async admit(identity: OperatorIdentity): Promise<OperatorIdentity> {
    const account = await this.read(identity.operatorId);
    if (account?.status !== 'active' || account.partnerId !== identity.partnerId) {
      throw new ApiError('UNAUTHENTICATED', 'This operator account is disabled or unknown');
    }
    return account.operatorRole === identity.operatorRole
      ? identity
      : { ...identity, operatorRole: account.operatorRole };
  }

  /** Forgets what this process read of an account: the next request reads it again (after a change made here). */
  forget(operatorId: string): void {
    this.remembered.delete(operatorId);
  }

  private async read(operatorId: string): Promise<Remembered['account']> {
    const now = this.clock.now();
    const seen = this.remembered.get(operatorId);
    if (seen && seen.until > now) return seen.account;
    const account = await this.accounts.get(operatorId);
    this.remembered.delete(operatorId);
    const oldest = this.remembered.keys().next();
    if (this.remembered.size >= MAX_REMEMBERED_ACCOUNTS && !oldest.done) this.remembered.delete(oldest.value);
    this.remembered.set(operatorId, { account, until: now + this.cacheMs });
    return account;
  }
}

let shared: OperatorAccess | undefined;

/** The process's check, over the table's accounts; made on first use. */
export function operatorAccess(): OperatorAccess {
  if (!shared) {
    const { doc, tableName } = tableContext();
    shared = new OperatorAccess(new OperatorAccountRepository(doc, tableName));
  }
  return shared;
}

/** Replaces the process's check (service tests); `undefined` goes back to the table's. */
export const useOperatorAccess = (next: OperatorAccess | undefined): void => {
  shared = next;
};

/** The identity a request goes by: an operator's as its account stands now, anyone else's as the token says. */
export const admitted = (identity: Identity): Promise<Identity> | Identity =>
  identity.role === 'operator' ? operatorAccess().admit(identity) : identity;
