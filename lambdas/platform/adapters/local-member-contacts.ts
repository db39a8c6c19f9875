import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { itemKey } from '../dynamo/keys';
import type { MemberContacts } from '../ports';

/**
 * Members' addresses on the local stack, where there is no user pool: the `email` of the local member record (written
 * by `POST /local/members` and the demo data).
 */
export class LocalMemberContacts implements MemberContacts {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async emailOf(memberId: string): Promise<string | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: itemKey('member', { memberId }),
        ProjectionExpression: 'email',
      }),
    );
    const email = Item?.email;
    return typeof email === 'string' && email !== '' ? email : undefined;
  }
}
