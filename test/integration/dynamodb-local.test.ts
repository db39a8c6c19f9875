import { createServer, type Server } from 'node:net';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTablesCommand,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../contracts/table';
import { JAVA_MISSING_MESSAGE, portInUseMessage, startDynamoDbLocal } from '../../lib/local/dynamodb-local';
import { freePort, isPortFree } from '../../lib/local/ports';
import { createTable, localDynamoClient } from '../../lib/local/table';
import { type TestTable, testTable } from './support/dynamo';

describe('the local table', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await testTable();
  });
  afterAll(async () => {
    await table?.drop();
  });

  it('is created from the table definition, with TTL, and creating it again is a no-op', async () => {
    await createTable(table.client, table.tableName);
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    const indexes = Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.Projection?.ProjectionType]);
    expect(indexes?.sort()).toEqual([
      ['GSI1', 'ALL'],
      ['GSI2', 'ALL'],
      ['GSI3', 'ALL'],
    ]);
    const ttl = await table.client.send(new DescribeTimeToLiveCommand({ TableName: table.tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: tableDefinition.ttlAttribute,
      TimeToLiveStatus: 'ENABLED',
    });
  });

  it('puts and gets an item, dropping undefined attributes', async () => {
    const item = { PK: 'MEMBER#m1', SK: '#PROFILE', name: 'Aiko', nickname: undefined };
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }));
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { PK: 'MEMBER#m1', SK: '#PROFILE' } }),
    );
    expect(Item).toEqual({ PK: 'MEMBER#m1', SK: '#PROFILE', name: 'Aiko' });
  });

  it('queries GSI1', async () => {
    for (const [id, start] of [
      ['r1', '2030-01-01T01:00:00Z'],
      ['r2', '2030-01-01T00:00:00Z'],
    ] as const) {
      await table.doc.send(
        new PutCommand({
          TableName: table.tableName,
          Item: { PK: `RES#${id}`, SK: '#META', GSI1PK: 'MEMBER#m1#RES', GSI1SK: `${start}#${id}` },
        }),
      );
    }
    const { Items } = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': 'MEMBER#m1#RES' },
      }),
    );
    expect(Items?.map((i) => i.PK)).toEqual(['RES#r2', 'RES#r1']);
  });

  it('cancels a TransactWriteItems whose condition fails and writes nothing', async () => {
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { PK: 'SPACE#s1', SK: 'SLOT#t0' } }));
    const write = table.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table.tableName,
              Item: { PK: 'RES#r9', SK: '#META' },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: table.tableName,
              Item: { PK: 'SPACE#s1', SK: 'SLOT#t0' },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      }),
    );
    const error = await write.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual([
      'None',
      'ConditionalCheckFailed',
    ]);
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: { PK: 'RES#r9', SK: '#META' } }),
    );
    expect(Item).toBeUndefined();
  });
});

describe('startDynamoDbLocal', () => {
  it('rejects a busy port with a one-line message', async () => {
    const port = await freePort();
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      await expect(startDynamoDbLocal({ port })).rejects.toThrow(portInUseMessage(port));
      expect(portInUseMessage(port)).toBe(`Port ${port} is in use (set DYNAMODB_PORT to another port)`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('rejects with a one-line message when Java is missing', async () => {
    const error = await startDynamoDbLocal({ port: await freePort(), javaCommand: '/nonexistent/java' }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(JAVA_MISSING_MESSAGE);
    expect(JAVA_MISSING_MESSAGE).not.toContain('\n');
  });

  it('starts a second instance and stops it, leaving no process and a free port', async () => {
    const port = await freePort();
    const local = await startDynamoDbLocal({ port });
    const { client } = localDynamoClient(local.endpoint);
    try {
      expect(local.endpoint).toBe(`http://127.0.0.1:${port}`);
      const { TableNames } = await client.send(new ListTablesCommand({}));
      expect(TableNames).toEqual([]);
    } finally {
      client.destroy();
      await local.stop();
    }
    expect(() => process.kill(local.pid, 0)).toThrow();
    expect(await isPortFree(port)).toBe(true);
    await local.stop();
  });
});
