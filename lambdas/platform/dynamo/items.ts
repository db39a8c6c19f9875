type Instant = number;

import { keyAttributes } from '../../../contracts/table';
import { isoUtc } from './keys';

/**
 * Attributes that only the table needs (the keys of the table and of every index, the type tag); stripped when an item
 * becomes a domain object.
 */
const STORAGE_ATTRIBUTES: readonly string[] = [...keyAttributes, 'ttl', 'entity', 'holdsVersion', 'planVersion'];

export function stripStorage<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item };
  for (const attribute of STORAGE_ATTRIBUTES) delete copy[attribute];
  return copy as T;
}

export const instantToItem = (t: Instant | null): string | null => (t === null ? null : isoUtc(t));
export const instantFromItem = (value: unknown): Instant | null =>
  typeof value === 'string' ? Date.parse(value) : null;
