import type { TestProject } from 'vitest/node';
import { EXPORTS_BUCKET_ENV, PHOTOS_BUCKET_ENV, S3_ENDPOINT_ENV } from '../../contracts/files';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../lib/local/dynamodb-local';
import { freePort } from '../../lib/local/ports';
import { findMosquitto } from '../../lib/local/prerequisites';
import { LOCAL_EXPORTS_BUCKET, LOCAL_PHOTOS_BUCKET, type LocalS3, startLocalS3 } from '../../lib/local/s3';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    /** The run's local S3 (path-style), holding {@link LOCAL_PHOTOS_BUCKET} and {@link LOCAL_EXPORTS_BUCKET}. */
    s3Endpoint: string;
    photosBucket: string;
    exportsBucket: string;
  }
}

/**
 * Integration-test global setup: first checks what the tests need on this machine (Mosquitto; Java when
 * DynamoDB Local is started here), failing at once in one line that says what to install; then uses
 * `DYNAMODB_ENDPOINT` when set, otherwise starts DynamoDB Local on a free port for the whole run and stops it
 * in teardown. A local S3 with the photos and exports buckets is started on a free port for the whole run too; its
 * endpoint and buckets are provided and exported (`S3_ENDPOINT`, `PHOTOS_BUCKET`, `EXPORTS_BUCKET`) for the handlers
 * the tests run in process.
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
  let s3: LocalS3;
  try {
    s3 = await startLocalS3({ port: 0, buckets: [LOCAL_PHOTOS_BUCKET, LOCAL_EXPORTS_BUCKET] });
  } catch (error) {
    await local?.stop();
    throw error;
  }
  process.env[S3_ENDPOINT_ENV] = s3.endpoint;
  process.env[PHOTOS_BUCKET_ENV] = LOCAL_PHOTOS_BUCKET;
  process.env[EXPORTS_BUCKET_ENV] = LOCAL_EXPORTS_BUCKET;
  project.provide('s3Endpoint', s3.endpoint);
  project.provide('photosBucket', LOCAL_PHOTOS_BUCKET);
  project.provide('exportsBucket', LOCAL_EXPORTS_BUCKET);
  return async () => {
    await s3.stop();
    delete process.env[S3_ENDPOINT_ENV];
    delete process.env[PHOTOS_BUCKET_ENV];
    delete process.env[EXPORTS_BUCKET_ENV];
    if (local) {
      await local.stop();
      delete process.env.DYNAMODB_ENDPOINT;
    }
  };
}
