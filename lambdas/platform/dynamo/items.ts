type Instant = number;

import { keyAttributes } from '../../../contracts/table';
import { isoUtc } from './keys';

/**
 * Attributes that only the table needs (the keys of the table and of every index, the type tag); stripped when an item
 * becomes a domain object.
 */
const STORAGE_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...keyAttributes,
  'ttl',
  'entity',
  'holdsVersion',
  'planVersion',
]);

/**
 * The item without its storage attributes, its other attributes in their order. Built by copying what stays rather
 * than deleting from a copy: an object that had properties deleted is slow to read ever after (V8 turns it into a
 * dictionary), and domain objects are read field by field (a CSV's thousand records, say).
 */
export function stripStorage<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = {};
  for (const attribute of Object.keys(item)) {
    if (!STORAGE_ATTRIBUTES.has(attribute)) copy[attribute] = item[attribute];
  }
  return copy as T;
}

export const instantToItem = (t: Instant | null): string | null => (t === null ? null : isoUtc(t));
export const instantFromItem = (value: unknown): Instant | null =>
  typeof value === 'string' ? Date.parse(value) : null;
