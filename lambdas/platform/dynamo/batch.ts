import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The most keys one `BatchGetItem` asks for (DynamoDB's limit). */
export const BATCH_GET_KEYS = 100;
/** Rounds of asking again for keys a batch left unprocessed (throttling) before giving up. */
const MAX_ROUNDS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every item of `keys` that exists, in no particular order: one `BatchGetItem` per {@link BATCH_GET_KEYS} distinct keys
 * (a key given twice is asked once), and the keys a batch leaves unprocessed asked again after a pause that grows.
 * `attributes`, when given, are all each item is read with.
 * @throws Error when keys are still unprocessed after {@link MAX_ROUNDS} rounds
 */
export async function batchGetAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Record<string, unknown>[],
  options: { consistentRead?: boolean; attributes?: readonly string[] } = {},
): Promise<Record<string, unknown>[]> {
  const { attributes } = options;
  const projection = attributes
    ? {
        ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(attributes.map((name, i) => [`#a${i}`, name])),
      }
    : {};
  const distinct = [...new Map(keys.map((key) => [JSON.stringify(key), key])).values()];
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < distinct.length; i += BATCH_GET_KEYS) {
    let pending: Record<string, unknown>[] = distinct.slice(i, i + BATCH_GET_KEYS);
    for (let round = 0; pending.length > 0; round++) {
      if (round === MAX_ROUNDS) throw new Error(`${pending.length} keys still unprocessed after ${MAX_ROUNDS} rounds`);
      if (round > 0) await sleep(25 * 2 ** round);
      const { Responses, UnprocessedKeys } = await doc.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ...projection,
              ...(options.consistentRead ? { ConsistentRead: true } : {}),
            },
          },
        }),
      );
      items.push(...(Responses?.[tableName] ?? []));
      pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return items;
}
