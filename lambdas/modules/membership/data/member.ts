/** Member profiles: created at sign-up, linked to a company once, and the guard that serializes a member's bookings. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Company, Member } from '../../../domain/model';
import { stripStorage } from '../../../platform/dynamo/items';
import { itemKey } from '../../../platform/dynamo/keys';
import {
  putIfAbsent,
  type TaggedItem,
  type TransactOutcome,
  transact,
  writtenUnlessConditionFails,
} from '../../../platform/dynamo/transactions';
import { updateExpression } from '../../../platform/dynamo/update';

export const memberKey = (memberId: string) => itemKey('member', { memberId });

export class MemberRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Creates a member unless one with that id exists; false when it did (a repeated trigger). */
  async createMember(member: Member): Promise<boolean> {
    return putIfAbsent(this.doc, this.tableName, { ...memberKey(member.memberId), entity: 'member', ...member });
  }

  /**
   * Writes a member's profile (the local stack's members and tests); `local.email` is the local member record's address
   * (where the local stack's notifications go; in the cloud it is the user pool's).
   */
  async putMember(member: Member, local: { email?: string } = {}): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...memberKey(member.memberId), entity: 'member', ...member, ...local },
      }),
    );
  }

  async getMember(
    memberId: string,
  ): Promise<{ member: Member; holdsVersion: number; planVersion: number } | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: memberKey(memberId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return {
      member: stripStorage<Member>(Item),
      holdsVersion: Number(Item.holdsVersion ?? 0),
      planVersion: Number(Item.planVersion ?? 0),
    };
  }

  /**
   * Changes the member's plan fields, conditioned on the plan version read (a concurrent change makes it stale),
   * together with `extra` items (the purchase that causes it).
   */
  changePlan(
    memberId: string,
    planVersion: number,
    set: Partial<Pick<Member, 'plan' | 'contractStart' | 'paidUntil' | 'nextPlan' | 'renewalStopped'>>,
    extra: readonly TaggedItem[] = [],
  ): Promise<TransactOutcome> {
    return transact(this.doc, [
      {
        item: {
          Update: {
            TableName: this.tableName,
            Key: memberKey(memberId),
            ...updateExpression(
              { set: { ...set, planVersion: planVersion + 1 } },
              { names: { '#planVersion': 'planVersion' }, values: { ':planVersion': planVersion } },
            ),
            ConditionExpression:
              planVersion === 0
                ? 'attribute_exists(PK) AND (attribute_not_exists(#planVersion) OR #planVersion = :planVersion)'
                : '#planVersion = :planVersion',
          },
        },
        onConditionFailed: 'stale',
      },
      ...extra,
    ]);
  }

  /** Links a member to a company once: refused (false) when the member already belongs to one. */
  async linkCompany(memberId: string, company: Company): Promise<boolean> {
    return writtenUnlessConditionFails(
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: memberKey(memberId),
          UpdateExpression: 'SET #plan = :corporate, companyId = :companyId, companyName = :companyName',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(companyId) OR companyId = :null)',
          ExpressionAttributeNames: { '#plan': 'plan' },
          ExpressionAttributeValues: {
            ':corporate': 'corporate',
            ':companyId': company.companyId,
            ':companyName': company.name,
            ':null': null,
          },
        }),
      ),
    );
  }

  /** Serializes a member's bookings: each one moves the holds version it read (stale when another moved it). */
  guard(memberId: string, holdsVersion: number): TaggedItem {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: memberKey(memberId),
          UpdateExpression: 'SET holdsVersion = :next',
          ConditionExpression:
            holdsVersion === 0
              ? 'attribute_exists(PK) AND (attribute_not_exists(holdsVersion) OR holdsVersion = :version)'
              : 'holdsVersion = :version',
          ExpressionAttributeValues: { ':version': holdsVersion, ':next': holdsVersion + 1 },
        },
      },
      onConditionFailed: 'stale',
    };
  }
}
