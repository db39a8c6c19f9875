/**
 * Item types against DynamoDB Local: every seeded facility and space carries its version, and each item type's
 * keys are the ones its registry entry (contracts/table.ts) describes.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogDeps, facilityKey, spaceKey } from '../../../lambdas/modules/catalog';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import * as demo from '../../../lib/local/demo-data';
import type { LocalStack } from '../../../lib/local/stack';
import { startTestStack } from '../support/local-stack';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startTestStack('2026-11-24T10:00:00+09:00');
});
afterAll(async () => stack?.stop());

describe('facility and space items', () => {
  it('carry a version, read back through their repositories', async () => {
    const { facilities, spaces } = catalogDeps();
    for (const facility of demo.facilities) {
      expect((await facilities.getFacility(facility.facilityId))?.version).toBe(1);
    }
    for (const space of demo.spaces) expect((await spaces.getSpace(space.spaceId))?.version).toBe(1);
  });

  it('are stored under the keys of their registry entries, with their index keys', async () => {
    const { doc, tableName } = tableContext();
    const facility = demo.facilities[0];
    const space = demo.spaces[0];
    if (!facility || !space) throw new Error('demo data has no facility or space');
    const { Item: facilityItem } = await doc.send(
      new GetCommand({ TableName: tableName, Key: facilityKey(facility.facilityId) }),
    );
    expect(facilityItem).toMatchObject({
      PK: `FACILITY#${facility.facilityId}`,
      SK: '#META',
      GSI1PK: 'FACILITIES',
      GSI1SK: `${facility.address.prefecture}#${facility.facilityId}`,
      version: 1,
    });
    const { Item: spaceItem } = await doc.send(new GetCommand({ TableName: tableName, Key: spaceKey(space.spaceId) }));
    expect(spaceItem).toMatchObject({
      PK: `SPACE#${space.spaceId}`,
      SK: '#META',
      GSI1PK: `FACILITY#${space.facilityId}`,
      GSI1SK: `SPACE#${space.spaceId}`,
      GSI2PK: 'SPACES',
      GSI2SK: `${space.facilityId}#${space.spaceId}`,
      version: 1,
    });
  });
});
