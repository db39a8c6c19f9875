/**
 * Operator accounts (004 §1-2): who may sign in to the partner site, for which partner, in which role, and whether
 * the account is active. The one data file of the `operator` and `operatorEmail` items. It sits in the platform
 * because the identity step reads an account on every operator request (a disabled account is refused at once,
 * api.md "More conventions"); the partner accounts module writes accounts through it.
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OperatorRole, OperatorStatus } from '../../contracts/auth';
import { ITEM_TYPES } from '../../contracts/table';
import { stripStorage } from './dynamo/items';
import { indexAttributes, indexKey, isoUtc, itemKey } from './dynamo/keys';
import { queryAll } from './dynamo/query';
import {
  type ConditionMeaning,
  type TaggedItem,
  type TransactOutcome,
  transact,
  writtenUnlessConditionFails,
} from './dynamo/transactions';
import { updateExpression } from './dynamo/update';

export interface OperatorAccount {
  /** The sign-in's subject (Cognito's `sub` in the cloud): the `sub` of the operator's tokens. */
  operatorId: string;
  partnerId: string;
  /** The sign-in name, lower case; unique across all operators. */
  email: string;
  name: string;
  operatorRole: OperatorRole;
  status: OperatorStatus;
  version: number;
  createdAt: number;
}

/** What of an account may change (api.md PATCH accounts, and the name). */
export type AccountFields = Pick<OperatorAccount, 'name' | 'operatorRole' | 'status'>;

const [byPartner] = ITEM_TYPES.operator.indexes;
/** The keeper of a change is no longer as read (told apart from the account's own version moving). */
const KEEPER_MOVED: ConditionMeaning = { code: 'INVALID_STATE', detail: 'Another full operator changed meanwhile' };
const operatorKey = (operatorId: string) => itemKey('operator', { operatorId });
const emailKey = (email: string) => itemKey('operatorEmail', { email });

function toItem(account: OperatorAccount): Record<string, unknown> {
  const utcCreatedAt = isoUtc(account.createdAt);
  return {
    ...operatorKey(account.operatorId),
    ...indexKey(byPartner, { partnerId: account.partnerId, utcCreatedAt, operatorId: account.operatorId }),
    entity: 'operator',
    ...account,
    createdAt: utcCreatedAt,
  };
}

/** An account's e-mail taken. */
const emailItem = ({ email, operatorId }: OperatorAccount) => ({
  ...emailKey(email),
  entity: 'operatorEmail',
  email,
  operatorId,
});

/** An account as stored; one written before accounts had a status, e-mail or version is active, at version 1. */
function fromItem(item: Record<string, unknown>): OperatorAccount {
  const stored = stripStorage<Omit<OperatorAccount, 'createdAt'> & { createdAt?: string }>(item);
  return {
    ...stored,
    email: stored.email ?? '',
    name: stored.name ?? stored.operatorId,
    status: stored.status ?? 'active',
    version: stored.version ?? 1,
    createdAt: stored.createdAt ? Date.parse(stored.createdAt) : 0,
  };
}

export class OperatorAccountRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(operatorId: string): Promise<OperatorAccount | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: operatorKey(operatorId) }));
    return Item ? fromItem(Item) : undefined;
  }

  /** A partner's accounts, oldest first. */
  async ofPartner(partnerId: string): Promise<OperatorAccount[]> {
    const index = indexAttributes(byPartner);
    const items = await queryAll(this.doc, this.tableName, {
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.pk },
      ExpressionAttributeValues: {
        ':pk': indexKey(byPartner, { partnerId, utcCreatedAt: '', operatorId: '' })[index.pk],
      },
    });
    return items.map(fromItem);
  }

  /** Whether an account signs in with `email` (lower case). */
  async emailTaken(email: string): Promise<boolean> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: emailKey(email) }));
    return Item !== undefined;
  }

  /**
   * Records a new account and takes its e-mail, with `alongside` in the same transaction (a new partner): nothing
   * is written when the e-mail or the id is taken (`INVALID_STATE`) or an item of `alongside` fails its condition.
   */
  create(account: OperatorAccount, alongside: readonly TaggedItem[] = []): Promise<TransactOutcome> {
    const taken = { code: 'INVALID_STATE', detail: `An account signs in with ${account.email} already` } as const;
    const absent = 'attribute_not_exists(PK)';
    return transact(this.doc, [
      ...alongside,
      {
        item: { Put: { TableName: this.tableName, Item: toItem(account), ConditionExpression: absent } },
        onConditionFailed: taken,
      },
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: emailItem(account),
            ConditionExpression: absent,
          },
        },
        onConditionFailed: taken,
      },
    ]);
  }

  /**
   * Sets `fields` on the account at `expectedVersion` (its version goes one up). With a `keeper` (another active full
   * operator of the partner, as read), in one transaction that holds only while the keeper is still as read: the
   * partner keeps a full operator. `stale` names what moved: the account, or the keeper.
   */
  async change(
    account: OperatorAccount,
    fields: AccountFields,
    keeper?: OperatorAccount,
  ): Promise<{ ok: true; account: OperatorAccount } | { ok: false; stale: 'account' | 'keeper' }> {
    const next: OperatorAccount = { ...account, ...fields, version: account.version + 1 };
    const update = {
      TableName: this.tableName,
      Key: operatorKey(account.operatorId),
      // an account stored before accounts had versions is at version 1
      ConditionExpression:
        account.version === 1
          ? 'attribute_exists(PK) AND (attribute_not_exists(#version) OR #version = :expected)'
          : 'attribute_exists(PK) AND #version = :expected',
      ...updateExpression(
        { set: { ...fields, version: next.version } },
        { names: { '#version': 'version' }, values: { ':expected': account.version } },
      ),
    };
    if (!keeper) {
      const written = await writtenUnlessConditionFails(this.doc.send(new UpdateCommand(update)));
      return written ? { ok: true, account: next } : { ok: false, stale: 'account' };
    }
    const outcome = await transact(this.doc, [
      { item: { Update: update }, onConditionFailed: 'stale' },
      {
        item: {
          ConditionCheck: {
            TableName: this.tableName,
            Key: operatorKey(keeper.operatorId),
            ConditionExpression:
              keeper.version === 1
                ? 'attribute_not_exists(#version) OR #version = :keeperVersion'
                : '#version = :keeperVersion',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':keeperVersion': keeper.version },
          },
        },
        onConditionFailed: KEEPER_MOVED,
      },
    ]);
    if (outcome.ok) return { ok: true, account: next };
    return { ok: false, stale: outcome.failed === KEEPER_MOVED ? 'keeper' : 'account' };
  }

  /** Writes an account and its e-mail as they are, over whatever is stored (the demo data). */
  async put(account: OperatorAccount): Promise<void> {
    await Promise.all([
      this.doc.send(new PutCommand({ TableName: this.tableName, Item: toItem(account) })),
      this.doc.send(new PutCommand({ TableName: this.tableName, Item: emailItem(account) })),
    ]);
  }
}
