import type { TestProject } from 'vitest/node';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../lib/local/dynamodb-local';
import { freePort } from '../../lib/local/ports';
import { findMosquitto } from '../../lib/local/prerequisites';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

/**
 * Integration-test global setup: first checks what the tests need on this machine (Mosquitto; Java when
 * DynamoDB Local is started here), failing at once in one line that says what to install; then uses
 * `DYNAMODB_ENDPOINT` when set, otherwise starts DynamoDB Local on a free port for the whole run and stops it
 * in teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  findMosquitto();
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
