import type { TestProject } from 'vitest/node';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../lib/local/dynamodb-local';
import { freePort } from '../../lib/local/ports';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

/**
 * Integration-test global setup: uses `DYNAMODB_ENDPOINT` when set, otherwise starts DynamoDB Local
 * on a free port for the whole run and stops it in teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let local: DynamoDbLocal | undefined;
  let endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) {
    local = await startDynamoDbLocal({ port: await freePort() });
    endpoint = local.endpoint;
    process.env.DYNAMODB_ENDPOINT = endpoint;
  }
  project.provide('dynamodbEndpoint', endpoint);
  return async () => {
    if (local) {
      await local.stop();
      delete process.env.DYNAMODB_ENDPOINT;
    }
  };
}
