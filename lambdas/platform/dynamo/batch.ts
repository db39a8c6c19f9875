import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The most keys one `BatchGetItem` takes. */
export const BATCH_GET_KEYS = 100;

/**
 * The items of `keys` that exist (in no particular order): one `BatchGetItem` per {@link BATCH_GET_KEYS} keys, the
 * keys a batch leaves unprocessed (throttling) asked again until none is left; `attributes`, when given, are all each
 * item is read with.
 */
export async function batchGetAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Record<string, unknown>[],
  attributes?: readonly string[],
): Promise<Record<string, unknown>[]> {
  const projection = attributes
    ? {
        ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(attributes.map((name, i) => [`#a${i}`, name])),
      }
    : {};
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_KEYS) {
    let wanted: Record<string, unknown>[] = keys.slice(i, i + BATCH_GET_KEYS);
    while (wanted.length > 0) {
      const { Responses, UnprocessedKeys } = await doc.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: wanted, ...projection } } }),
      );
      items.push(...(Responses?.[tableName] ?? []));
      wanted = UnprocessedKeys?.[tableName]?.Keys ?? [];
      if (wanted.length > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return items;
}
