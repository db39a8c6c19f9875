import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createTable, deleteTable, localDynamoClient } from '../../../lib/local/table';

export interface TestTable {
  endpoint: string;
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** Deletes the table and closes the clients. */
  drop(): Promise<void>;
}

/** The DynamoDB endpoint of this run (provided by the integration global setup, or `DYNAMODB_ENDPOINT`). */
export function dynamodbEndpoint(): string {
  const endpoint = inject('dynamodbEndpoint') ?? process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('No DynamoDB endpoint: run with the integration project or set DYNAMODB_ENDPOINT');
  return endpoint;
}

/** Creates a table named `test-<random>` with the project's table definition. */
export async function testTable(): Promise<TestTable> {
  const endpoint = dynamodbEndpoint();
  const { client, doc } = localDynamoClient(endpoint);
  const tableName = `test-${randomBytes(6).toString('hex')}`;
  await createTable(client, tableName);
  return {
    endpoint,
    client,
    doc,
    tableName,
    async drop() {
      try {
        await deleteTable(client, tableName);
      } finally {
        client.destroy();
      }
    },
  };
}
