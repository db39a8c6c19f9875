/** The member-number counter: one atomic counter item (hot only at sign-up). */
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { itemKey } from '../../../platform/dynamo/keys';

export class MemberNumberCounter {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The next member number, `TW` and six digits. */
  async next(): Promise<string> {
    const { Attributes } = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: itemKey('counter', { name: 'memberNumber' }),
        UpdateExpression: 'ADD #value :one',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return `TW${String(Attributes?.value ?? 0).padStart(6, '0')}`;
  }
}
