/**
 * The OpenAPI document and the response contracts: the committed `contracts/openapi.json` is what the handlers'
 * contracts generate (run `npm run openapi` after changing a schema), the local gateway serves it, it covers
 * every route row, and an answer that does not match its schema is a fault where answers are checked.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SCOPE, CLAIMS } from '../../../contracts/auth';
import { meResponse } from '../../../contracts/http/membership';
import { rows as membershipRows } from '../../../lambdas/modules/membership/routes';
import { type ContractHandler, httpHandler, VALIDATE_RESPONSES_ENV } from '../../../lambdas/platform/http';
import { routes } from '../../../lambdas/routes';
import { loadHandlers } from '../../../lib/local/gateway';
import { lambdaContext } from '../../../lib/local/lambda-context';
import type { LocalStack } from '../../../lib/local/stack';
import { OPENAPI_FILE, openApiDocument } from '../../../lib/openapi';
import { client, startTestStack } from '../support/local-stack';
import { NOW, paramsOf } from './support';

// biome-ignore lint/suspicious/noExplicitAny: a parsed document, read field by field
type Json = Record<string, any>;

const committed = JSON.parse(readFileSync(new URL(`../../../${OPENAPI_FILE}`, import.meta.url), 'utf8')) as Json;
let handlers: Map<string, ContractHandler>;
let stack: LocalStack;

beforeAll(async () => {
  handlers = await loadHandlers();
  stack = await startTestStack(NOW);
});
afterAll(async () => stack?.stop());

describe('the OpenAPI document', () => {
  it(`is up to date in ${OPENAPI_FILE} (npm run openapi)`, () => {
    const generated = JSON.parse(JSON.stringify(openApiDocument([...handlers.values()].map((h) => h.contract))));
    expect(committed).toEqual(generated);
  });

  it('is served by the local gateway at /openapi.json', async () => {
    const answer = await client(stack.url).get('/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(committed);
  });

  it('has one operation per route row: its method, path, success status and the API scope', () => {
    expect(committed.openapi).toBe('3.1.0');
    const operations = Object.values(committed.paths as Json).flatMap((ops) => Object.values(ops as Json));
    expect(operations).toHaveLength(routes.length);
    for (const route of routes) {
      const op = committed.paths[route.path]?.[route.method.toLowerCase()] as Json | undefined;
      expect(op?.operationId, route.id).toBe(route.id);
      const status = String(handlers.get(route.id)?.contract.schemas.response.status);
      expect(Object.keys(op?.responses ?? {}), route.id).toEqual([status, '4XX', '5XX']);
      expect(op?.security, route.id).toEqual([{ cognito: [API_SCOPE] }]);
      const pathParams = ((op?.parameters ?? []) as Json[]).filter((p) => p.in === 'path').map((p) => p.name);
      expect(pathParams, route.id).toEqual(paramsOf(route));
      expect(Boolean(op?.requestBody), route.id).toBe(route.method === 'POST');
    }
    expect(committed.paths['/v1/reservations'].post.responses['201']).toBeDefined();
    expect(committed.paths['/v1/reservations/{id}/unlock'].post.responses['202']).toBeDefined();
  });

  it('describes strict answers (no field the contract does not name) and problem+json errors', () => {
    for (const route of routes) {
      const op = committed.paths[route.path][route.method.toLowerCase()] as Json;
      const [success] = Object.values(op.responses as Json) as Json[];
      expect(success?.content['application/json'].schema.additionalProperties, route.id).toBe(false);
      expect(op.responses['4XX'].content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
    expect(committed.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'code', 'detail']);
  });
});

describe('checking answers against their schemas', () => {
  // a handler of the get-me row that answers something the contract does not allow
  // (the compiler refuses it too: hence the cast)
  const wrong = httpHandler(
    membershipRows.getMe,
    { response: { status: 200, body: meResponse } },
    async () => ({ memberId: 'member-basic', unexpected: true }) as never,
  );
  const event = {
    headers: {},
    requestContext: {
      authorizer: { jwt: { claims: { sub: 'member-basic', [CLAIMS.role]: 'member' }, scopes: [API_SCOPE] } },
    },
  } as never;

  it('makes a mismatching answer a 500 where answers are checked (local stack, tests)', async () => {
    expect(process.env[VALIDATE_RESPONSES_ENV]).toBe('true');
    const result = await wrong(event, lambdaContext('get-me'));
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(String(result.body))).toMatchObject({ code: 'INTERNAL_ERROR' });
  });

  it('lets it through where they are not (the cloud)', async () => {
    process.env[VALIDATE_RESPONSES_ENV] = 'false';
    try {
      const result = await wrong(event, lambdaContext('get-me'));
      expect(result.statusCode).toBe(200);
    } finally {
      process.env[VALIDATE_RESPONSES_ENV] = 'true';
    }
  });
});
