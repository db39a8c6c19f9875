/**
 * Key building from the templates registered in `contracts/table.ts`. Each item type's data file builds its
 * keys through these and only from its own registry entry.
 */
import {
  type IndexEntry,
  ITEM_TYPES,
  type ItemTypeName,
  type KeyTemplate,
  tableDefinition,
} from '../../../contracts/table';

/** ISO 8601 UTC with milliseconds, e.g. `2026-11-24T05:00:00.000Z`; sorts as it reads. */
export const isoUtc = (t: number): string => new Date(t).toISOString();

const PLACEHOLDER = /\{(\w+)\}/g;

/** A key template with every `{name}` replaced by its value; a missing value is a programming error. */
export function fill(template: KeyTemplate, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Key ${template} needs ${name}`);
    return value;
  });
}

/**
 * The key up to the first placeholder without a value: what `begins_with` and ranges use, e.g.
 * `{prefecture}#{facilityId}` with a prefecture → `東京都#`.
 */
export function fillPrefix(template: KeyTemplate, values: Readonly<Record<string, string>>): string {
  let out = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    out += template.slice(last, match.index);
    const value = values[match[1] as string];
    if (value === undefined) return out;
    out += value;
    last = (match.index ?? 0) + match[0].length;
  }
  return out + template.slice(last);
}

/** The table key (`PK`, `SK`) of an item of `type`. */
export function itemKey(type: ItemTypeName, values: Readonly<Record<string, string>>): { PK: string; SK: string } {
  const { pk, sk } = ITEM_TYPES[type];
  return { PK: fill(pk, values), SK: fill(sk, values) };
}

/** The index key attributes (`GSI1PK`, `GSI1SK`…) of an item in an index entry. */
export function indexKey(entry: IndexEntry, values: Readonly<Record<string, string>>): Record<string, string> {
  const index = indexAttributes(entry);
  return { [index.pk]: fill(entry.pk, values), [index.sk]: fill(entry.sk, values) };
}

/** The key attribute names of an index entry's index (`GSI1PK`, `GSI1SK`). */
export function indexAttributes(entry: Pick<IndexEntry, 'index'>): { name: string; pk: string; sk: string } {
  const index = tableDefinition.globalSecondaryIndexes.find((i) => i.indexName === entry.index);
  if (!index) throw new Error(`No index ${entry.index}`);
  return { name: index.indexName, pk: index.partitionKey, sk: index.sortKey };
}
