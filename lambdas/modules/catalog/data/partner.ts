/** Partners (加盟店企業): the companies that run facilities. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { stripStorage } from '../../../platform/dynamo/items';
import { itemKey } from '../../../platform/dynamo/keys';
import { type TaggedItem, transact, writtenUnlessConditionFails } from '../../../platform/dynamo/transactions';
import { updateExpression } from '../../../platform/dynamo/update';

export interface PartnerRecord {
  partnerId: string;
  name: string;
  facilityIds: string[];
  payoutRatePercent: number;
  /** Where the partner's payment notices are sent (004 §1-1 ②). */
  paymentNoticeEmails: string[];
  /** The version of the partner's profile (name, payment-notice e-mails): one up with every edit of it. */
  version: number;
}

/** What the partner's full operators edit of it (api.md PATCH partner). */
export type PartnerProfileFields = Pick<PartnerRecord, 'name' | 'paymentNoticeEmails'>;

const partnerKey = (partnerId: string) => itemKey('partner', { partnerId });

/** The condition of an edit on `expected`: a partner stored before profiles had versions is at version 1. */
const atVersion = (expected: number) =>
  expected === 1 ? '(attribute_not_exists(#version) OR #version = :expected)' : '#version = :expected';

export class PartnerRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putPartner(partner: PartnerRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...partnerKey(partner.partnerId), entity: 'partner', ...partner },
      }),
    );
  }

  /** Writes a new partner (without operators: the seed); false when its id is taken, and nothing is written. */
  async createPartner(partner: PartnerRecord): Promise<boolean> {
    return (await transact(this.doc, [this.newPartner(partner)])).ok;
  }

  /** In a facility's creating transaction: the partner (which must exist) lists the facility. */
  facilityAdded(partnerId: string, facilityId: string): TaggedItem {
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: partnerKey(partnerId),
          UpdateExpression: 'SET facilityIds = list_append(if_not_exists(facilityIds, :none), :one)',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':none': [], ':one': [facilityId] },
        },
      },
      onConditionFailed: { code: 'NOT_FOUND', detail: `Partner ${partnerId} not found` },
    };
  }

  async getPartner(partnerId: string): Promise<PartnerRecord | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: partnerKey(partnerId) }));
    if (!Item) return undefined;
    const stored = stripStorage<PartnerRecord>(Item);
    return { ...stored, paymentNoticeEmails: stored.paymentNoticeEmails ?? [], version: stored.version ?? 1 };
  }

  /** In a new partner's transaction: the partner, only while no partner has its id (409 `INVALID_STATE`). */
  newPartner(partner: PartnerRecord): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...partnerKey(partner.partnerId), entity: 'partner', ...partner },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      onConditionFailed: { code: 'INVALID_STATE', detail: `A partner with id ${partner.partnerId} exists` },
    };
  }

  /**
   * Sets the partner's profile fields at `expectedVersion` (its version goes one up), leaving the rest of the partner
   * as it is: `false` when the partner is missing or at another version, and nothing is written.
   */
  editProfile(partnerId: string, fields: PartnerProfileFields, expectedVersion: number): Promise<boolean> {
    return writtenUnlessConditionFails(
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: partnerKey(partnerId),
          ConditionExpression: `attribute_exists(PK) AND ${atVersion(expectedVersion)}`,
          ...updateExpression(
            { set: { ...fields, version: expectedVersion + 1 } },
            { names: { '#version': 'version' }, values: { ':expected': expectedVersion } },
          ),
        }),
      ),
    );
  }
}
