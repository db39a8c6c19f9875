/**
 * Helpers for the contract tests: a client that can send headers, path filling from the route table,
 * and views of the command log.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { commandLog } from '../../../lambdas/platform/dynamo/client';
import type { Route } from '../../../lambdas/routes';
import { type Answer, client, memberToken } from '../support/local-stack';

// Tuesday 2026-11-24, 10:00 in Tokyo. H1T opens 08:00–21:00.
export const NOW = '2026-11-24T10:00:00+09:00';
export const TODAY = '2026-11-24';
export const TOMORROW = '2026-11-25';
export const FACILITY = 'h1t-kudanshita';
export const SPACE = 'h1t-kudanshita-box';
export const CORPORATE_CODE = '1234567890123456';

/** `2026-11-24T14:00:00+09:00` from a date and a time in Tokyo. */
export const at = (date: string, time: string) => `${date}T${time}:00+09:00`;

/** The contract tests' client: the shared one. */
export const http = client;
export type Http = ReturnType<typeof http>;

/** Names of the `{param}` placeholders of a route path. */
export const paramsOf = (route: Pick<Route, 'path'>): string[] =>
  [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);

/** A route path with every `{param}` substituted; throws when a value is missing. */
export function fillPath(route: Pick<Route, 'id' | 'path'>, values: Readonly<Record<string, string>>): string {
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {${name}} of route ${route.id}`);
    return encodeURIComponent(value);
  });
}

/** One concrete request of a route. */
export interface RouteRequest {
  /** Path with the query string, if any. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export const send = (api: Http, route: Route, request: RouteRequest, token?: string) =>
  api.call(route.method, request.path, { token, body: request.body, headers: request.headers });

/** Asserts a problem+json answer with a status and code. */
export function expectProblem(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, code: answer.body?.code }, JSON.stringify(answer.body)).toEqual({ status, code });
  expect(answer.contentType).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
}

/** The fields named by a 400 answer. */
export const fieldsOf = (answer: Answer): string[] =>
  (answer.body?.errors ?? []).map((e: { field: string }) => e.field);

/** Commands sent while `run` ran (the local stack runs in this process; calls must be sequential). */
export async function commandsDuring<T>(run: () => Promise<T>): Promise<{ result: T; commands: string[] }> {
  const before = commandLog.length;
  const result = await run();
  return { result, commands: commandLog.slice(before) };
}

/**
 * Commands that write (or try to write) to the table, by their SDK command name (`PutItemCommand`,
 * `UpdateItemCommand`, `DeleteItemCommand`, `TransactWriteItemsCommand`, `BatchWriteItemCommand`, and
 * the document client's `PutCommand`, `UpdateCommand`, `TransactWriteCommand`…).
 */
export const WRITE_COMMAND = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;
export const writesIn = (commands: readonly string[]) => commands.filter((c) => WRITE_COMMAND.test(c));
export const isTransaction = (command: string) => /^TransactWrite/.test(command);
export const isPut = (command: string) => /^Put/.test(command);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the table is quiet: the door controllers of the local stack answer unlock commands
 * asynchronously and their events are recorded with an `UpdateItem` that would otherwise land in the
 * command log of a later call. Waits for the command's result when one is given, then for `quietMs`
 * without any new command.
 */
export async function settle(api: Http, token?: string, commandId?: string, quietMs = 150): Promise<void> {
  const deadline = Date.now() + 10_000;
  if (commandId && token) {
    while (Date.now() < deadline) {
      const answer = await api.get(`/v1/unlock-commands/${commandId}`, token);
      if (answer.status !== 200 || answer.body.status !== 'sent') break;
      await sleep(25);
    }
  }
  let seen = commandLog.length;
  while (Date.now() < deadline) {
    await sleep(quietMs);
    if (commandLog.length === seen) return;
    seen = commandLog.length;
  }
}

/** A new member created through `/local/members`, with its token. */
export async function newMember(api: Http, plan: 'basic' | 'premium' = 'premium', contractStart = '2026-11-10') {
  const memberId = `m-${randomUUID().slice(0, 12)}`;
  const created = await api.post('/local/members', { memberId, plan, contractStart });
  if (created.status !== 201) throw new Error(`could not create a member: ${JSON.stringify(created.body)}`);
  return { memberId, token: memberToken(memberId) };
}

/** Books `[start, end)` of a space; throws unless it is created. */
export async function book(api: Http, token: string, spaceId: string, start: string, end: string) {
  const answer = await api.post('/v1/reservations', { spaceId, start, end }, token);
  if (answer.status !== 201) throw new Error(`could not book: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string; status: string; end: string; start: string };
}

/** A token with its payload replaced (signature kept): must be refused. */
export function withForgedPayload(token: string, change: Record<string, unknown>): string {
  const [head, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const forged = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url');
  return `${head}.${forged}.${signature}`;
}

/** A token with a different signature. */
export function withBadSignature(token: string): string {
  const [head, payload, signature] = token.split('.') as [string, string, string];
  const bytes = Buffer.from(signature, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0xff;
  return `${head}.${payload}.${bytes.toString('base64url')}`;
}

/** An unsigned token (`alg: none`) with the claims of a real one. */
export function unsigned(token: string): string {
  const [, payload] = token.split('.') as [string, string, string];
  const head = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return `${head}.${payload}.`;
}
