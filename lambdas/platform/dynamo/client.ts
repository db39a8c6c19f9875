import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface TableContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/** Every DynamoDB command sent through clients made here, by name; tests and benchmarks read it. */
export const commandLog: string[] = [];

/** A document client with the project's marshalling and a command-recording middleware. */
export function makeDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      commandLog.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'commandLog' },
  );
  return doc;
}

let shared: TableContext | undefined;

/** The process-wide table context, made once from `TABLE_NAME` and (locally) `DYNAMODB_ENDPOINT`. */
export function tableContext(): TableContext {
  if (!shared) {
    const tableName = process.env.TABLE_NAME;
    if (!tableName) throw new Error('TABLE_NAME is not set');
    const endpoint = process.env.DYNAMODB_ENDPOINT;
    const client = new DynamoDBClient(endpoint ? { endpoint } : {});
    shared = { doc: makeDocumentClient(client), tableName };
  }
  return shared;
}
