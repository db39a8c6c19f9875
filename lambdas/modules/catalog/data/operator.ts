/** Operator accounts of partners: who may answer requests and manage the partner's facilities, in which role. */
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OperatorRole } from '../../../../contracts/auth';
import { itemKey } from '../../../platform/dynamo/keys';

export interface OperatorRecord {
  operatorId: string;
  partnerId: string;
  operatorRole: OperatorRole;
}

const operatorKey = (operatorId: string) => itemKey('operator', { operatorId });

export class OperatorRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putOperator(operator: OperatorRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...operatorKey(operator.operatorId), entity: 'operator', ...operator },
      }),
    );
  }
}
