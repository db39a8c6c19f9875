import { afterEach, describe, expect, it } from 'vitest';
import { API_SCOPE, CLAIMS } from '../../contracts/auth';
import type { CsvSpec } from '../../contracts/csv/spec';
import * as z from '../../contracts/zod';
import { csvAnswer } from '../../lambdas/platform/csv';
import { declaredProblems, httpHandler, VALIDATE_RESPONSES_ENV } from '../../lambdas/platform/http';
import { type Claim, type IdempotencyStore, idempotently } from '../../lambdas/platform/idempotency';
import { retryOnStale, STALE, STALE_RETRIES } from '../../lambdas/platform/retry';
import { MEMBER, needsIfMatch, type Route } from '../../lambdas/platform/route';
import { lambdaContext } from '../../lib/local/lambda-context';

/** The store's contract in memory: claims, answers, abandoned claims. */
class MemoryStore<A> implements IdempotencyStore<A> {
  readonly records = new Map<string, { hash: string; answer?: A }>();
  async claim(scope: string, hash: string): Promise<Claim<A>> {
    const record = this.records.get(scope);
    if (!record) {
      this.records.set(scope, { hash });
      return { kind: 'claimed' };
    }
    return this.describe(record, hash);
  }
  async look(scope: string, hash: string) {
    const record = this.records.get(scope);
    return record ? this.describe(record, hash) : undefined;
  }
  async complete(scope: string, answer: A) {
    const record = this.records.get(scope);
    if (record) record.answer = answer;
  }
  async abandon(scope: string) {
    this.records.delete(scope);
  }
  private describe(record: { hash: string; answer?: A }, hash: string): Claim<A> {
    if (record.hash !== hash) return { kind: 'reused' };
    return record.answer === undefined ? { kind: 'inProgress' } : { kind: 'done', answer: record.answer };
  }
}

describe('retryOnStale', () => {
  it('answers the first attempt that is not stale', async () => {
    let attempts = 0;
    const answer = await retryOnStale(
      async () => (++attempts < 3 ? STALE : attempts),
      () => new Error('gave up'),
    );
    expect(answer).toBe(3);
  });

  it('throws what `exhausted` makes after 1 + retries stale attempts', async () => {
    let attempts = 0;
    await expect(
      retryOnStale(
        async () => {
          attempts++;
          return STALE;
        },
        () => new Error('gave up'),
      ),
    ).rejects.toThrow('gave up');
    expect(attempts).toBe(1 + STALE_RETRIES);
  });
});

describe('idempotently, given a store', () => {
  it('runs once per scope and answers a repeat with the first answer', async () => {
    const store = new MemoryStore<number>();
    let runs = 0;
    const run = async () => ++runs;
    expect(await idempotently(store, 'scope-1', { a: 1, b: 2 }, run)).toBe(1);
    expect(await idempotently(store, 'scope-1', { b: 2, a: 1 }, run)).toBe(1);
    expect(runs).toBe(1);
  });

  it('refuses the same scope with another request', async () => {
    const store = new MemoryStore<number>();
    await idempotently(store, 'scope-1', { a: 1 }, async () => 1);
    await expect(idempotently(store, 'scope-1', { a: 2 }, async () => 2)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('frees the scope when the work fails, so that a retry runs again', async () => {
    const store = new MemoryStore<number>();
    await expect(
      idempotently(store, 'scope-1', {}, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(store.records.size).toBe(0);
    expect(await idempotently(store, 'scope-1', {}, async () => 7)).toBe(7);
  });
});

/** A synthetic row: a member's deletion (no table access). */
const deletion: Route = {
  id: 'delete-thing',
  module: 'test',
  method: 'DELETE',
  path: '/v1/things/{thingId}',
  caller: MEMBER,
  tableActions: [],
  maxTableCommands: 0,
};
/** A call of member-basic, as API Gateway hands it to a handler. */
const event = (headers: Record<string, string> = {}) =>
  ({
    headers,
    requestContext: {
      authorizer: { jwt: { claims: { sub: 'member-basic', [CLAIMS.role]: 'member' }, scopes: [API_SCOPE] } },
    },
  }) as never;

/** The contract of a route answering 204. */
const contract = (route: Route) => ({ route, schemas: { response: { status: 204 } } }) as const;

describe('edits and If-Match (api.md "Edits")', () => {
  it('makes every PATCH, PUT and DELETE need If-Match, and declare 428 and 412, unless its row exempts it', () => {
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      expect(needsIfMatch({ ...deletion, method }), method).toBe(true);
      expect(declaredProblems(contract({ ...deletion, method })).map((p) => p.code)).toEqual(
        expect.arrayContaining(['PRECONDITION_REQUIRED', 'VERSION_MISMATCH']),
      );
    }
    for (const method of ['GET', 'POST'] as const) expect(needsIfMatch({ ...deletion, method }), method).toBe(false);
    const exempt = { ...deletion, withoutIfMatch: true } as const;
    expect(needsIfMatch(exempt)).toBe(false);
    const codes = declaredProblems(contract(exempt)).map((p) => p.code);
    expect(codes).not.toContain('PRECONDITION_REQUIRED');
    expect(codes).not.toContain('VERSION_MISMATCH');
  });
});

describe('a 204 answer', () => {
  const validating = process.env[VALIDATE_RESPONSES_ENV];
  afterEach(() => {
    if (validating === undefined) delete process.env[VALIDATE_RESPONSES_ENV];
    else process.env[VALIDATE_RESPONSES_ENV] = validating;
  });

  it('is 204 with no body and no content type', async () => {
    let deleted = 0;
    const handler = httpHandler(deletion, { response: { status: 204 } }, async () => {
      deleted++;
    });
    const result = await handler(event(), lambdaContext('delete-thing'));
    expect(result).toEqual({ statusCode: 204, headers: {}, body: '' });
    expect(deleted).toBe(1);
  });

  it('is a fault (500) where answers are checked when the route returns a body anyway', async () => {
    process.env[VALIDATE_RESPONSES_ENV] = 'true';
    const handler = httpHandler(deletion, { response: { status: 204 } }, async () => ({ deleted: true }) as never);
    const result = await handler(event(), lambdaContext('delete-thing'));
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(String(result.body))).toMatchObject({ code: 'INTERNAL_ERROR' });
  });
});

describe('a list that answers CSV', () => {
  const list: Route = { ...deletion, id: 'list-things', method: 'GET', path: '/v1/things' };
  const items = z.strictObject({ items: z.array(z.strictObject({ id: z.string(), name: z.string() })) });
  const spec: CsvSpec<{ id: string; name: string }> = {
    fileName: 'things',
    columns: [
      { header: 'ID', type: 'text', cell: (t) => t.id },
      { header: '名前', type: 'text', cell: (t) => t.name },
    ],
  };
  const schemas = {
    response: { status: 200, body: items, csv: csvAnswer(spec, (answer: z.infer<typeof items>) => answer.items) },
  } as const;
  const answer = { items: [{ id: 'a', name: '会議室 "A"' }] };
  const handler = httpHandler(list, schemas, async () => answer);

  it('answers CSV to Accept: text/csv, as an attachment, varying by Accept', async () => {
    const result = await handler(event({ accept: 'text/csv' }), lambdaContext('list-things'));
    expect(result).toEqual({
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="things.csv"',
        vary: 'accept',
      },
      body: '\uFEFFID,名前\r\na,"会議室 ""A"""\r\n',
    });
  });

  it('writes a text cell that a spreadsheet would run as a formula with a leading quote (CWE-1236)', async () => {
    const hostile = httpHandler(list, schemas, async () => ({
      items: [{ id: 'b', name: '=HYPERLINK("https://x.example")' }],
    }));
    const result = await hostile(event({ accept: 'text/csv' }), lambdaContext('list-things'));
    expect(result.body).toBe('\uFEFFID,名前\r\nb,"\'=HYPERLINK(""https://x.example"")"\r\n');
  });

  it('answers JSON otherwise, varying by Accept', async () => {
    for (const headers of [{}, { accept: '*/*' }, { accept: 'application/json' }] as Record<string, string>[]) {
      const result = await handler(event(headers), lambdaContext('list-things'));
      expect(result.headers).toEqual({ 'content-type': 'application/json', vary: 'accept' });
      expect(JSON.parse(String(result.body))).toEqual(answer);
    }
  });

  it('declares 422 EXPORT_TOO_LARGE; a list without CSV does not', () => {
    expect(declaredProblems({ route: list, schemas })).toContainEqual({ status: 422, code: 'EXPORT_TOO_LARGE' });
    const json = { route: list, schemas: { response: { status: 200, body: items } } } as const;
    expect(declaredProblems(json).map((p) => p.code)).not.toContain('EXPORT_TOO_LARGE');
  });
});

describe('a file answer', () => {
  const validating = process.env[VALIDATE_RESPONSES_ENV];
  afterEach(() => {
    if (validating === undefined) delete process.env[VALIDATE_RESPONSES_ENV];
    else process.env[VALIDATE_RESPONSES_ENV] = validating;
  });
  const poster: Route = { ...deletion, id: 'get-poster', method: 'GET', path: '/v1/things/{thingId}/poster' };
  const file = { mediaType: 'application/pdf', disposition: 'attachment', description: 'A poster' } as const;
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80]);

  it('is its bytes base64-encoded for API Gateway, with its media type and name', async () => {
    // a view into a larger buffer: only its own bytes go out
    const inside = new Uint8Array([9, 9, ...bytes, 9]).subarray(2, 2 + bytes.length);
    const handler = httpHandler(poster, { response: { status: 200, file } }, async () => ({
      bytes: inside,
      fileName: 'qr-thing.pdf',
    }));
    const result = await handler(event(), lambdaContext('get-poster'));
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="qr-thing.pdf"' },
      body: Buffer.from(bytes).toString('base64'),
      isBase64Encoded: true,
    });
  });

  it('is a fault (500) for a name that would break the header, or no bytes where answers are checked', async () => {
    const named = httpHandler(poster, { response: { status: 200, file } }, async () => ({
      bytes,
      fileName: 'qr"; x=".pdf',
    }));
    expect((await named(event(), lambdaContext('get-poster'))).statusCode).toBe(500);
    process.env[VALIDATE_RESPONSES_ENV] = 'true';
    const empty = httpHandler(poster, { response: { status: 200, file } }, async () => ({
      bytes: new Uint8Array(),
      fileName: 'qr.pdf',
    }));
    expect((await empty(event(), lambdaContext('get-poster'))).statusCode).toBe(500);
  });

  it('is no idempotent route’s answer (the records keep JSON)', () => {
    expect(() =>
      httpHandler({ ...poster, idempotent: true }, { response: { status: 200, file } }, async () => ({
        bytes,
        fileName: 'qr.pdf',
      })),
    ).toThrow(/not idempotent/);
  });
});
