import { describe, expect, it } from 'vitest';
import { ITEM_TYPES } from '../../../contracts/table';
import { USAGE_INDEX_KEYS, usageIndexBackfill } from '../../../lib/migrations/gsi3';

const reservation = {
  PK: 'RES#r1',
  SK: '#META',
  entity: 'reservation',
  reservationId: 'r1',
  partnerId: 'partner-tw',
  start: '2026-11-24T01:00:00.000Z',
  end: '2026-11-24T02:00:00.000Z',
};
const visit = {
  PK: 'VISIT#v1',
  SK: '#META',
  entity: 'visit',
  visitId: 'v1',
  partnerId: 'partner-regus',
  checkedInAt: '2026-11-24T01:00:00.000Z',
  guests: [],
};

describe('the GSI3 backfill decision (usageIndexBackfill)', () => {
  it('knows the keys of exactly the item types contracts/table.ts lists in GSI3', () => {
    const listed = Object.entries(ITEM_TYPES)
      .filter(([, type]) =>
        ((type as { indexes?: Array<{ index: string }> }).indexes ?? []).some((i) => i.index === 'GSI3'),
      )
      .map(([name]) => name)
      .sort();
    expect(Object.keys(USAGE_INDEX_KEYS).sort()).toEqual(listed);
  });

  it('gives a reservation and a visit without GSI3 keys the keys their writes make', () => {
    expect(usageIndexBackfill(reservation)).toEqual({
      kind: 'index',
      keys: { GSI3PK: 'PARTNER#partner-tw#RESERVATIONS', GSI3SK: '2026-11-24T01:00:00.000Z#r1' },
    });
    expect(usageIndexBackfill(visit)).toEqual({
      kind: 'index',
      keys: { GSI3PK: 'PARTNER#partner-regus#VISITS', GSI3SK: '2026-11-24T01:00:00.000Z#v1' },
    });
  });

  it('skips an item indexed already, and items of other types', () => {
    expect(usageIndexBackfill({ ...visit, GSI3PK: 'x', GSI3SK: 'y' })).toEqual({
      kind: 'skip',
      reason: 'indexed already',
    });
    for (const item of [
      { PK: 'FACILITY#f', SK: '#META', entity: 'facility' },
      { PK: 'SALES#s', SK: '#META', entity: 'salesRecord' },
      { PK: 'COUNTER#c', SK: '#META' },
    ]) {
      expect(usageIndexBackfill(item)).toEqual({ kind: 'skip', reason: 'not listed in GSI3' });
    }
  });

  it('leaves a visit or reservation without the fields of its keys as it is', () => {
    const { partnerId: _, ...noPartner } = reservation;
    expect(usageIndexBackfill(noPartner)).toMatchObject({ kind: 'unindexable' });
    const { checkedInAt: __, ...noCheckIn } = visit;
    expect(usageIndexBackfill(noCheckIn)).toMatchObject({ kind: 'unindexable' });
  });
});
