import { describe, expect, it } from 'vitest';
import { type IndexEntry, ITEM_TYPES, type ItemType, tableDefinition } from '../../../contracts/table';
import { fill, fillPrefix, indexKey, itemKey } from '../../../lambdas/platform/dynamo/keys';

/** The literal text before a template's first placeholder, and after its last. */
const ends = (template: string) => {
  const first = template.indexOf('{');
  const last = template.lastIndexOf('}');
  return first < 0
    ? { prefix: template, suffix: template, fixed: true }
    : {
        prefix: template.slice(0, first),
        suffix: template.slice(last + 1),
        fixed: false,
      };
};

/** Whether some string could match both templates (a placeholder matches anything). */
function mayOverlap(a: string, b: string): boolean {
  const x = ends(a);
  const y = ends(b);
  if (x.fixed && y.fixed) return a === b;
  const prefixes = x.prefix.startsWith(y.prefix) || y.prefix.startsWith(x.prefix);
  const suffixes = x.suffix.endsWith(y.suffix) || y.suffix.endsWith(x.suffix);
  return prefixes && suffixes;
}

const types = Object.entries(ITEM_TYPES) as Array<[string, ItemType]>;
const pairs = types.flatMap(([a, ta], i) => types.slice(i + 1).map(([b, tb]) => [a, ta, b, tb] as const));
const entries = types.flatMap(([name, type]) => (type.indexes ?? []).map((entry) => [name, entry] as const));

describe('the key registry', () => {
  it.each(pairs)('%s and %s never share a table key', (_a, ta, _b, tb) => {
    expect(mayOverlap(ta.pk, tb.pk) && mayOverlap(ta.sk, tb.sk)).toBe(false);
  });

  it('no two item types share an index partition', () => {
    const clashes: string[] = [];
    for (const [i, [a, ea]] of entries.entries()) {
      for (const [b, eb] of entries.slice(i + 1)) {
        if (a === b) continue;
        if (ea.index === eb.index && mayOverlap(ea.pk, eb.pk)) clashes.push(`${a} ~ ${b} in ${ea.index}`);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('the entries of one item type in one index are told apart by their partitions', () => {
    const byTypeAndIndex = new Map<string, IndexEntry[]>();
    for (const [name, entry] of entries) {
      const key = `${name}/${entry.index}`;
      byTypeAndIndex.set(key, [...(byTypeAndIndex.get(key) ?? []), entry]);
    }
    for (const list of byTypeAndIndex.values()) {
      for (const [i, a] of list.entries()) {
        for (const b of list.slice(i + 1)) expect(mayOverlap(a.pk, b.pk)).toBe(false);
      }
    }
  });

  it('names only indexes the table has', () => {
    const names = tableDefinition.globalSecondaryIndexes.map((i) => i.indexName as string);
    for (const [, entry] of entries) expect(names).toContain(entry.index);
  });

  it('catches a clash: a new item type reusing a prefix is reported', () => {
    expect(mayOverlap('SPACE#{spaceId}', 'SPACE#{x}')).toBe(true);
    expect(mayOverlap('SLOT#{utcSlotStart}', 'SLOT#{other}')).toBe(true);
    expect(mayOverlap('MEMBER#{memberId}#RES', 'MEMBER#{memberId}#PAY')).toBe(false);
    expect(mayOverlap('FACILITIES', 'FACILITY#{facilityId}')).toBe(false);
    expect(mayOverlap('#META', '#PROFILE')).toBe(false);
  });
});

describe('key building', () => {
  it('fills templates and refuses a missing value', () => {
    expect(itemKey('reservation', { reservationId: 'r1' })).toEqual({ PK: 'RES#r1', SK: '#META' });
    expect(() => fill('RES#{reservationId}', {})).toThrow('needs reservationId');
  });

  it('fills a prefix up to the first missing value', () => {
    expect(fillPrefix('{prefecture}#{facilityId}', { prefecture: '東京都' })).toBe('東京都#');
    expect(fillPrefix('HOLD#{utcEnd}#{reservationId}', {})).toBe('HOLD#');
    expect(fillPrefix('SPACES', {})).toBe('SPACES');
  });

  it('puts index entries under the index key attributes', () => {
    const [byMember] = ITEM_TYPES.reservation.indexes;
    expect(indexKey(byMember, { memberId: 'm1', utcStart: '2026-11-24T05:00:00.000Z', reservationId: 'r1' })).toEqual({
      GSI1PK: 'MEMBER#m1#RES',
      GSI1SK: '2026-11-24T05:00:00.000Z#r1',
    });
  });

  it('lists visits and reservations per partner by time on GSI3 (the usage screens)', () => {
    const byPartner = (type: 'visit' | 'reservation') =>
      ITEM_TYPES[type].indexes.find((entry: IndexEntry) => entry.index === 'GSI3') as IndexEntry;
    expect(
      indexKey(byPartner('visit'), { partnerId: 'p1', utcCheckedInAt: '2026-11-24T01:00:00.000Z', visitId: 'v1' }),
    ).toEqual({ GSI3PK: 'PARTNER#p1#VISITS', GSI3SK: '2026-11-24T01:00:00.000Z#v1' });
    expect(
      indexKey(byPartner('reservation'), {
        partnerId: 'p1',
        utcStart: '2026-11-24T05:00:00.000Z',
        reservationId: 'r1',
      }),
    ).toEqual({ GSI3PK: 'PARTNER#p1#RESERVATIONS', GSI3SK: '2026-11-24T05:00:00.000Z#r1' });
    // GSI3 holds the usage lists only
    expect(entries.filter(([, entry]) => entry.index === 'GSI3').map(([name]) => name)).toEqual([
      'reservation',
      'visit',
    ]);
  });
});
