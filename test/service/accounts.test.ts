/**
 * The account flows with in-memory fakes of the accounts, partners and the operator directory: what stays behind
 * when the directory or the table fails half way (nothing, or what a retry repairs), and how an edit re-decides when
 * the partner's other full operator moves under it.
 */
import { describe, expect, it, vi } from 'vitest';
import type { PartnerRecord } from '../../lambdas/modules/catalog';
import { createAccount, createPartner, editAccount } from '../../lambdas/modules/partner/accounts/service';
import type { TaggedItem, TransactOutcome } from '../../lambdas/platform/dynamo/transactions';
import type { Identity } from '../../lambdas/platform/identity';
import { logger } from '../../lambdas/platform/instrument';
import type { AccountFields, OperatorAccount } from '../../lambdas/platform/operator-accounts';
import { type NewSignIn, type OperatorDirectory, type SignInState, SignInTaken } from '../../lambdas/platform/ports';

const NOW = Date.parse('2026-11-24T10:00:00+09:00');
const full: Identity = { role: 'operator', operatorId: 'op-admin', partnerId: 'partner-a', operatorRole: 'full' };

/** Accounts in memory, as the table keeps them: one account per e-mail, versions on every change. */
class FakeAccounts {
  readonly byId = new Map<string, OperatorAccount>();
  /** Every write fails (a DynamoDB outage) while on. */
  down = false;
  /** Called before a change is written (another request moving the table under it). */
  beforeChange: (() => void) | undefined;
  /** The `alongside` items of each create that was written. */
  readonly alongside: TaggedItem[][] = [];

  get = async (operatorId: string) => this.byId.get(operatorId);
  ofPartner = async (partnerId: string) => [...this.byId.values()].filter((a) => a.partnerId === partnerId);
  emailTaken = async (email: string) => [...this.byId.values()].some((a) => a.email === email);
  create = async (account: OperatorAccount, alongside: readonly TaggedItem[] = []): Promise<TransactOutcome> => {
    if (this.down) throw new Error('DynamoDB is down');
    if (await this.emailTaken(account.email)) return { ok: false, failed: { code: 'INVALID_STATE', detail: 'taken' } };
    this.byId.set(account.operatorId, account);
    this.alongside.push([...alongside]);
    return { ok: true };
  };
  change = async (account: OperatorAccount, fields: AccountFields, keeper?: OperatorAccount) => {
    this.beforeChange?.();
    if (this.down) throw new Error('DynamoDB is down');
    if (this.byId.get(account.operatorId)?.version !== account.version)
      return { ok: false as const, stale: 'account' as const };
    if (keeper && this.byId.get(keeper.operatorId)?.version !== keeper.version) {
      return { ok: false as const, stale: 'keeper' as const };
    }
    const next = { ...account, ...fields, version: account.version + 1 };
    this.byId.set(account.operatorId, next);
    return { ok: true as const, account: next };
  };

  add(operatorId: string, operatorRole: OperatorAccount['operatorRole'], partnerId = 'partner-a'): OperatorAccount {
    const account: OperatorAccount = {
      operatorId,
      partnerId,
      email: `${operatorId}@example.com`,
      name: operatorId,
      operatorRole,
      status: 'active',
      version: 1,
      createdAt: NOW,
    };
    this.byId.set(operatorId, account);
    return account;
  }
}

/** Sign-ins in memory, with switches for a directory that fails. */
class FakeDirectory implements OperatorDirectory {
  readonly signIns = new Map<string, NewSignIn & SignInState>();
  /** Every call fails while on. */
  down = false;
  /** Removing fails while on. */
  removeDown = false;
  readonly updates: Array<[string, SignInState]> = [];
  private n = 0;

  async create(signIn: NewSignIn) {
    if (this.down) throw new Error('Cognito is down');
    if ([...this.signIns.values()].some((s) => s.email === signIn.email)) throw new SignInTaken(signIn.email);
    const operatorId = `sub-${++this.n}`;
    this.signIns.set(operatorId, { ...signIn, status: 'active' });
    return { operatorId };
  }
  async update(operatorId: string, state: SignInState) {
    if (this.down) throw new Error('Cognito is down');
    const signIn = this.signIns.get(operatorId);
    if (signIn) this.signIns.set(operatorId, { ...signIn, ...state });
    this.updates.push([operatorId, state]);
  }
  async remove(operatorId: string) {
    if (this.down || this.removeDown) throw new Error('Cognito is down');
    this.signIns.delete(operatorId);
  }
}

class FakePartners {
  readonly byId = new Map<string, PartnerRecord>();
  getPartner = async (partnerId: string) => this.byId.get(partnerId);
  editProfile = async () => true;
  newPartner = (partner: PartnerRecord): TaggedItem => ({ item: { Put: { TableName: 'fake', Item: { ...partner } } } });
}

function world() {
  const accounts = new FakeAccounts();
  const directory = new FakeDirectory();
  const partners = new FakePartners();
  const forgotten: string[] = [];
  const access = { forget: (operatorId: string) => void forgotten.push(operatorId) };
  accounts.add('op-admin', 'full');
  directory.signIns.set('op-admin', {
    email: 'op-admin@example.com',
    partnerId: 'partner-a',
    operatorRole: 'full',
    status: 'active',
  });
  const ids = { next: () => 'c0ffee00-1111-4222-8333-444455556666' };
  return { accounts, directory, partners, forgotten, deps: { accounts, directory, partners, access, ids } };
}

const newStaff = { email: 'staff@example.com', name: 'スタッフ', role: 'staff' } as const;

describe('opening an account', () => {
  it('makes the sign-in, then the account with the sign-in’s subject as its id', async () => {
    const { deps, accounts, directory } = world();
    const account = await createAccount(deps, full, newStaff, NOW);
    expect(account).toMatchObject({
      operatorId: 'sub-1',
      partnerId: 'partner-a',
      operatorRole: 'staff',
      status: 'active',
      version: 1,
    });
    expect(accounts.byId.get('sub-1')).toEqual(account);
    expect(directory.signIns.get('sub-1')).toMatchObject({
      email: 'staff@example.com',
      partnerId: 'partner-a',
      operatorRole: 'staff',
    });
  });

  it('writes nothing in the table when the directory fails', async () => {
    const { deps, accounts, directory } = world();
    directory.down = true;
    await expect(createAccount(deps, full, newStaff, NOW)).rejects.toThrow('Cognito is down');
    expect([...accounts.byId.keys()]).toEqual(['op-admin']);
  });

  it('is 409 INVALID_STATE when the directory has the e-mail already (a member’s, say), writing nothing', async () => {
    const { deps, accounts, directory } = world();
    directory.signIns.set('member-sub', {
      email: newStaff.email,
      partnerId: '',
      operatorRole: 'usage',
      status: 'active',
    });
    await expect(createAccount(deps, full, newStaff, NOW)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect([...accounts.byId.keys()]).toEqual(['op-admin']);
  });

  it('is 409 INVALID_STATE before the directory is asked when an account has the e-mail', async () => {
    const { deps, directory } = world();
    await expect(createAccount(deps, full, { ...newStaff, email: 'op-admin@example.com' }, NOW)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect([...directory.signIns.keys()]).toEqual(['op-admin']);
  });

  it('removes the sign-in again when the table write fails, so that a retry starts afresh', async () => {
    const { deps, accounts, directory } = world();
    accounts.down = true;
    await expect(createAccount(deps, full, newStaff, NOW)).rejects.toThrow('DynamoDB is down');
    expect([...directory.signIns.keys()]).toEqual(['op-admin']);
    accounts.down = false;
    const retried = await createAccount(deps, full, newStaff, NOW);
    expect(accounts.byId.get(retried.operatorId)).toEqual(retried);
    expect(directory.signIns.has(retried.operatorId)).toBe(true);
  });

  it('removes the sign-in again when the e-mail was taken in the table meanwhile (409)', async () => {
    const { deps, accounts, directory } = world();
    // another request takes the e-mail between the check and the write
    const check = accounts.emailTaken;
    accounts.emailTaken = async () => {
      accounts.emailTaken = check;
      return false;
    };
    accounts.add('op-other', 'usage');
    await expect(createAccount(deps, full, { ...newStaff, email: 'op-other@example.com' }, NOW)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect([...directory.signIns.keys()]).toEqual(['op-admin']);
  });

  it('logs a sign-in it could not remove, and answers the table’s failure', async () => {
    const { deps, accounts, directory } = world();
    accounts.down = true;
    directory.removeDown = true;
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    await expect(createAccount(deps, full, newStaff, NOW)).rejects.toThrow('DynamoDB is down');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    // the sign-in stays without an account (its tokens are refused: no account)
    expect(directory.signIns.has('sub-1')).toBe(true);
    expect(accounts.byId.has('sub-1')).toBe(false);
  });
});

describe('a new partner', () => {
  const input = {
    name: '新しい加盟店',
    payoutRatePercent: 65,
    paymentNoticeEmails: ['billing@new.example.com'],
    admin: { email: 'boss@new.example.com', name: '管理者' },
  };

  it('is written in its first account’s transaction, through the same opening as any account', async () => {
    const { deps, accounts, directory } = world();
    const { partner, admin } = await createPartner(deps, input, NOW);
    expect(partner).toMatchObject({ partnerId: 'partner-c0ffee00', facilityIds: [], version: 1 });
    expect(admin).toMatchObject({ partnerId: 'partner-c0ffee00', operatorRole: 'full', email: 'boss@new.example.com' });
    expect(directory.signIns.get(admin.operatorId)).toMatchObject({
      partnerId: 'partner-c0ffee00',
      operatorRole: 'full',
    });
    expect(accounts.alongside).toEqual([[{ item: { Put: { TableName: 'fake', Item: partner } } }]]);
  });

  it('is 409 INVALID_STATE for a taken id, before any sign-in is made', async () => {
    const { deps, partners, directory } = world();
    partners.byId.set('partner-x', { partnerId: 'partner-x' } as PartnerRecord);
    await expect(createPartner(deps, { ...input, partnerId: 'partner-x' }, NOW)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect([...directory.signIns.keys()]).toEqual(['op-admin']);
  });
});

describe('editing an account', () => {
  it('writes the account, forgets what the identity step read of it, then keeps the sign-in to it', async () => {
    const { deps, accounts, directory, forgotten } = world();
    const staff = await createAccount(deps, full, newStaff, NOW);
    const edited = await editAccount(deps, full, staff.operatorId, { status: 'inactive' }, 1);
    expect(edited).toMatchObject({ status: 'inactive', version: 2 });
    expect(accounts.byId.get(staff.operatorId)).toEqual(edited);
    expect(forgotten).toEqual([staff.operatorId]);
    expect(directory.signIns.get(staff.operatorId)).toMatchObject({ status: 'inactive', operatorRole: 'staff' });
  });

  it('keeps the written edit when the directory fails (500), and the same edit again repairs the sign-in', async () => {
    const { deps, accounts, directory, forgotten } = world();
    const staff = await createAccount(deps, full, newStaff, NOW);
    directory.down = true;
    await expect(editAccount(deps, full, staff.operatorId, { status: 'inactive' }, 1)).rejects.toThrow(
      'Cognito is down',
    );
    // the API goes by the account, which is disabled; the sign-in is not yet
    expect(accounts.byId.get(staff.operatorId)).toMatchObject({ status: 'inactive', version: 2 });
    expect(forgotten).toEqual([staff.operatorId]);
    expect(directory.signIns.get(staff.operatorId)?.status).toBe('active');
    directory.down = false;
    const again = await editAccount(deps, full, staff.operatorId, { status: 'inactive' }, 2);
    expect(again).toMatchObject({ status: 'inactive', version: 2 });
    expect(directory.signIns.get(staff.operatorId)?.status).toBe('inactive');
  });

  it('is 412 when the account moved since it was read, writing nothing', async () => {
    const { deps, accounts, directory } = world();
    const staff = await createAccount(deps, full, newStaff, NOW);
    await expect(editAccount(deps, full, staff.operatorId, { role: 'usage' }, 7)).rejects.toMatchObject({
      code: 'VERSION_MISMATCH',
    });
    accounts.beforeChange = () => accounts.byId.set(staff.operatorId, { ...staff, version: 2 });
    await expect(editAccount(deps, full, staff.operatorId, { role: 'usage' }, 1)).rejects.toMatchObject({
      code: 'VERSION_MISMATCH',
    });
    expect(accounts.byId.get(staff.operatorId)?.operatorRole).toBe('staff');
    expect(directory.updates).toEqual([]);
  });

  it('decides again when the other full operator moved meanwhile: refused once it is no longer full', async () => {
    const { deps, accounts, directory } = world();
    const second = accounts.add('op-second', 'full');
    accounts.beforeChange = () => {
      accounts.beforeChange = undefined;
      accounts.byId.set(second.operatorId, { ...second, operatorRole: 'staff', version: 2 });
    };
    await expect(editAccount(deps, full, 'op-admin', { role: 'staff' }, 1)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(accounts.byId.get('op-admin')).toMatchObject({ operatorRole: 'full', version: 1 });
    expect(directory.updates).toEqual([]);
  });

  it('is 404 for another partner’s account', async () => {
    const { deps, accounts } = world();
    accounts.add('op-b', 'staff', 'partner-b');
    await expect(editAccount(deps, full, 'op-b', { status: 'inactive' }, 1)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(accounts.byId.get('op-b')?.status).toBe('active');
  });
});
