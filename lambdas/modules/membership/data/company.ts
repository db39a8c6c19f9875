/** Companies of corporate members and the corporate codes members link with. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Company } from '../../../domain/model';
import { stripStorage } from '../../../platform/dynamo/items';
import { itemKey } from '../../../platform/dynamo/keys';
import { transact, writtenUnlessConditionFails } from '../../../platform/dynamo/transactions';

export const companyKey = (companyId: string) => itemKey('company', { companyId });
const corporateCodeKey = (code: string) => itemKey('corporateCode', { code });

export const companyFromItem = (item: Record<string, unknown>): Company => {
  const company = stripStorage<Company>(item);
  // companies written before versions existed are at version 1
  return { ...company, version: company.version ?? 1 };
};

export class CompanyRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Writes a company and its corporate code. */
  async putCompany(company: Company): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...companyKey(company.companyId), entity: 'company', ...company },
      }),
    );
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...corporateCodeKey(company.corporateCode), entity: 'corporateCode', companyId: company.companyId },
      }),
    );
  }

  /**
   * Writes a new company with its corporate code, in one transaction: `taken` when its id or its code is another
   * company's (nothing written then).
   */
  async createCompany(company: Company): Promise<'created' | 'taken'> {
    const outcome = await transact(this.doc, [
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...companyKey(company.companyId), entity: 'company', ...company },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: 'stale',
      },
      {
        item: {
          Put: {
            TableName: this.tableName,
            Item: { ...corporateCodeKey(company.corporateCode), entity: 'corporateCode', companyId: company.companyId },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        onConditionFailed: 'stale',
      },
    ]);
    return outcome.ok ? 'created' : 'taken';
  }

  async getCompany(companyId: string): Promise<Company | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: companyKey(companyId), ConsistentRead: true }),
    );
    return Item ? companyFromItem(Item) : undefined;
  }

  /** Sets a company's monthly cap over the version `expectedVersion`; false when another edit came first. */
  setMonthlyCap(companyId: string, monthlyCap: number | null, expectedVersion: number): Promise<boolean> {
    return writtenUnlessConditionFails(
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: companyKey(companyId),
          UpdateExpression: 'SET monthlyCap = :cap, #version = :next',
          // companies written before versions existed are at version 1
          ConditionExpression:
            'attribute_exists(PK) AND (#version = :expected OR (attribute_not_exists(#version) AND :expected = :one))',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':cap': monthlyCap,
            ':next': expectedVersion + 1,
            ':expected': expectedVersion,
            ':one': 1,
          },
        }),
      ),
    );
  }

  /** The company a corporate code belongs to. */
  async companyOfCode(code: string): Promise<Company | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: corporateCodeKey(code) }));
    if (!Item) return undefined;
    const company = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: companyKey(String(Item.companyId)) }),
    );
    return company.Item ? companyFromItem(company.Item) : undefined;
  }
}
