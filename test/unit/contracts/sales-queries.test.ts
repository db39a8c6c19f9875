/**
 * The queries of the sales routes (contracts/http/sales.ts): a range of use dates is required and at most a year, a
 * monthly summary takes whole calendar months, and what is wrong is named field by field.
 */
import { describe, expect, it } from 'vitest';
import { SALES_ITEM_LABELS } from '../../../contracts/csv/sales.v1';
import { SALES_ITEMS, salesQuery, salesSummaryQuery } from '../../../contracts/http/sales';

/** The fields a query's refusal names, each once, sorted; `[]` when it is taken. */
const fieldsOf = (result: ReturnType<typeof salesQuery.safeParse>) =>
  result.success ? [] : [...new Set(result.error.issues.map((i) => i.path.join('.')))].sort();

describe('salesQuery', () => {
  it.each([
    [{ from: '2026-11-01', to: '2026-11-30' }, []],
    [{ from: '2026-11-24', to: '2026-11-24' }, []],
    // a year with its leap day: 366 days
    [{ from: '2027-03-01', to: '2028-02-29' }, []],
    [{ from: '2027-03-01', to: '2028-03-01' }, ['to']],
    [{ from: '2026-01-01', to: '2027-01-01' }, []],
    [{ from: '2026-01-01', to: '2027-01-02' }, ['to']],
    [{ from: '2026-11-30', to: '2026-11-01' }, ['from', 'to']],
    [{ to: '2026-11-30' }, ['from']],
    [{ from: '2026-11-01' }, ['to']],
    [{ from: '2026-02-29', to: '2026-03-01' }, ['from']],
    [{ from: '2026-11-01', to: '2026-11-31' }, ['to']],
    [{ from: '2026-11-01', to: '2026-11-30', item: 'coffee' }, ['item']],
    [{ from: '2026-11-01', to: '2026-11-30', limit: '0' }, ['limit']],
    [{ from: '2026-11-01', to: '2026-11-30', limit: '2.5' }, ['limit']],
    [{ from: '2026-11-01', to: '2026-11-30', cursor: 'a b' }, ['cursor']],
    [{ from: '2026-11-01', to: '2026-11-30', memberId: 'm-1' }, ['']],
  ])('%j → refused naming %j', (query, fields) => {
    expect(fieldsOf(salesQuery.safeParse(query))).toEqual(fields);
  });

  it('takes every item of a sales line, the ones the CSV labels', () => {
    for (const item of SALES_ITEMS) {
      expect(salesQuery.safeParse({ from: '2026-11-01', to: '2026-11-30', item }).success).toBe(true);
    }
    expect([...SALES_ITEMS].sort()).toEqual(Object.keys(SALES_ITEM_LABELS).sort());
  });

  it('reads limit as a number', () => {
    expect(salesQuery.parse({ from: '2026-11-01', to: '2026-11-30', limit: '25' }).limit).toBe(25);
  });
});

describe('salesSummaryQuery', () => {
  it.each([
    [{ unit: 'day', from: '2026-11-01', to: '2026-11-30' }, []],
    [{ unit: 'day', from: '2026-11-15', to: '2026-11-15', facilityId: 'tw-shibuya' }, []],
    [{ unit: 'day', from: '2026-01-01', to: '2027-01-02' }, ['to']],
    [{ unit: 'day', from: '2026-11-30', to: '2026-11-01' }, ['from', 'to']],
    [{ unit: 'month', from: '2026-11-01', to: '2026-11-30' }, []],
    [{ unit: 'month', from: '2028-02-01', to: '2028-02-29' }, []],
    [{ unit: 'month', from: '2026-02-01', to: '2026-02-28' }, []],
    [{ unit: 'month', from: '2026-01-01', to: '2028-12-31' }, []],
    [{ unit: 'month', from: '2026-01-01', to: '2029-01-31' }, ['to']],
    [{ unit: 'month', from: '2026-11-02', to: '2026-11-30' }, ['from']],
    [{ unit: 'month', from: '2026-11-01', to: '2026-11-29' }, ['to']],
    [{ unit: 'month', from: '2026-11-15', to: '2026-12-15' }, ['from', 'to']],
    [{ unit: 'month', from: '2026-12-01', to: '2026-11-30' }, ['from', 'to']],
    [{ unit: 'month', from: '2026-11-31', to: '2026-12-31' }, ['from']],
    [{ unit: 'week', from: '2026-11-01', to: '2026-11-30' }, ['unit']],
    [{ from: '2026-11-01', to: '2026-11-30' }, ['unit']],
    [{ unit: 'day', from: '2026-11-01', to: '2026-11-30', spaceId: 'x' }, ['']],
  ])('%j → refused naming %j', (query, fields) => {
    expect(fieldsOf(salesSummaryQuery.safeParse(query))).toEqual(fields);
  });
});
