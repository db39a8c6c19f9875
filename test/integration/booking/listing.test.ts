/**
 * Listing a member's reservations page by page (`limit`, `cursor` → `nextCursor`): pages follow the scope's
 * order, skip reservations of other scopes, never repeat or lose one, and bad cursors are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_QUERIES } from '../../../lambdas/modules/booking/listing';
import { routes } from '../../../lambdas/routes';
import type { LocalStack } from '../../../lib/local/stack';
import { client, startTestStack } from '../support/local-stack';
import { at, newMember } from './fixtures';

// Tuesday 2026-11-24, 10:00 in Tokyo.
const NOW = '2026-11-24T10:00:00+09:00';
const DAYS = ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01'];
/** Days whose booking stays upcoming; the others are cancelled (past). */
const KEPT = new Set(['2026-11-27', '2026-11-29']);

let stack: LocalStack;
let api: ReturnType<typeof client>;
let token: string;
/** Reservation id by day. */
const ids = new Map<string, string>();

beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = client(stack.url);
  ({ token } = await newMember(api, 'premium'));
  for (const day of DAYS) {
    const spaceId = 'solotime-shibuya-open';
    const created = await api.post(
      '/v1/reservations',
      { spaceId, start: at(day, '10:00'), end: at(day, '11:00') },
      token,
    );
    expect(created.status).toBe(201);
    ids.set(day, created.body.id);
    if (!KEPT.has(day))
      expect((await api.post(`/v1/reservations/${created.body.id}/cancel`, undefined, token)).status).toBe(200);
  }
});
afterAll(async () => stack?.stop());

/** Every page of a scope, following `nextCursor`. */
async function pages(scope: string, limit: number): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const query = `scope=${scope}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const answer = await api.get(`/v1/reservations?${query}`, token);
    expect(answer.status).toBe(200);
    out.push(answer.body.items.map((r: { id: string }) => r.id));
    cursor = answer.body.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('no last page');
}

const byDays = (days: string[]) => days.map((d) => ids.get(d));

describe('paging the member’s reservations', () => {
  it('lists the past newest first, in pages of the limit, skipping upcoming ones', async () => {
    const past = DAYS.filter((d) => !KEPT.has(d)).reverse();
    const got = await pages('past', 2);
    expect(got.flat()).toEqual(byDays(past));
    expect(got.map((p) => p.length)).toEqual([2, 2, 1]);
  });

  it('lists upcoming ones by start, one a page, the cancelled skipped', async () => {
    const got = await pages('upcoming', 1);
    expect(got.flat()).toEqual(byDays([...KEPT].sort()));
    for (const page of got) expect(page.length).toBeLessThanOrEqual(1);
  });

  it('gives everything in one page without a limit, and then no cursor', async () => {
    const answer = await api.get('/v1/reservations?scope=past', token);
    expect(answer.body.items).toHaveLength(DAYS.length - KEPT.size);
    expect(answer.body).not.toHaveProperty('nextCursor');
  });

  it('refuses a cursor of another scope, one it did not make, and limits outside 1–100', async () => {
    const first = await api.get('/v1/reservations?scope=past&limit=1', token);
    const cursor = first.body.nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const otherScope = await api.get(`/v1/reservations?scope=upcoming&cursor=${cursor}`, token);
    expect(otherScope).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', errors: [{ field: 'query.cursor' }] },
    });
    const forged = Buffer.from('["past","yesterday","x"]').toString('base64url');
    for (const bad of [forged, 'bm90LWpzb24', 'a.b']) {
      const answer = await api.get(`/v1/reservations?scope=past&cursor=${bad}`, token);
      expect(answer, bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    }
    for (const limit of ['0', '101', '2.5', 'ten']) {
      const answer = await api.get(`/v1/reservations?scope=past&limit=${limit}`, token);
      expect(answer, limit).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    }
  });

  it("stays within the route's documented number of queries", () => {
    const row = routes.find((r) => r.id === 'list-reservations');
    expect(row?.maxTableCommands).toBe(MAX_PAGE_QUERIES);
  });
});
