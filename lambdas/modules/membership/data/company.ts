/** Companies of corporate members and the corporate codes members link with. */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Company } from '../../../domain/model';
import { stripStorage } from '../../../platform/dynamo/items';
import { itemKey } from '../../../platform/dynamo/keys';

export const companyKey = (companyId: string) => itemKey('company', { companyId });
const corporateCodeKey = (code: string) => itemKey('corporateCode', { code });

export const companyFromItem = (item: Record<string, unknown>): Company => stripStorage<Company>(item);

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
