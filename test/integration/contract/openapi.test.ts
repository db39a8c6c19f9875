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
import {
  type ContractHandler,
  declaredProblems,
  httpHandler,
  VALIDATE_RESPONSES_ENV,
} from '../../../lambdas/platform/http';
import { ApiError, STATUS_OF_CODE } from '../../../lambdas/platform/problems';
import { needsIfMatch, type Route, routes } from '../../../lambdas/routes';
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

/** The contract a route's handler was made with. */
const contractOf = (route: Route) => {
  const handler = handlers.get(route.id);
  if (!handler) throw new Error(`No handler for ${route.id}`);
  return handler.contract;
};

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

  it('is rendered at /docs from the registry package, with no CDN', async () => {
    const page = await fetch(`${stack.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain("fetch('/openapi.json')");
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css']) {
      expect(html).toContain(asset);
      const answer = await fetch(`${stack.url}${asset}`);
      expect(answer.status, asset).toBe(200);
      expect((await answer.arrayBuffer()).byteLength, asset).toBeGreaterThan(100_000);
    }
  });

  it('has one operation per route row: its method, path, success status and the API scope', () => {
    expect(committed.openapi).toBe('3.1.0');
    const operations = Object.values(committed.paths as Json).flatMap((ops) => Object.values(ops as Json));
    expect(operations).toHaveLength(routes.length);
    for (const route of routes) {
      const op = committed.paths[route.path]?.[route.method.toLowerCase()] as Json | undefined;
      expect(op?.operationId, route.id).toBe(route.id);
      const status = String(handlers.get(route.id)?.contract.schemas.response.status);
      const problems = [...new Set(declaredProblems(contractOf(route)).map((p) => String(p.status))), '429'].sort();
      expect(Object.keys(op?.responses ?? {}).sort(), route.id).toEqual([status, ...problems].sort());
      expect(op?.security, route.id).toEqual([route.caller.role === 'admin' ? { staffBearer: [] } : { bearer: [] }]);
      expect(committed.components.securitySchemes.bearer.description).toContain(API_SCOPE);
      const pathParams = ((op?.parameters ?? []) as Json[]).filter((p) => p.in === 'path').map((p) => p.name);
      expect(pathParams, route.id).toEqual(paramsOf(route));
      expect(Boolean(op?.requestBody), route.id).toBe(route.method !== 'GET');
      const ifMatch = ((op?.parameters ?? []) as Json[]).find((p) => p.name === 'If-Match');
      expect(Boolean(ifMatch?.required), route.id).toBe(needsIfMatch(route));
    }
    // every edit sends If-Match but those api.md exempts (photo deletion, congestion)
    const edits = routes.filter((r) => ['PATCH', 'PUT', 'DELETE'].includes(r.method));
    expect(edits.filter((r) => !needsIfMatch(r)).map((r) => r.id)).toEqual(['delete-photo', 'set-congestion']);
    expect(committed.paths['/v1/reservations'].post.responses['201']).toBeDefined();
    expect(committed.paths['/v1/reservations/{id}/unlock'].post.responses['202']).toBeDefined();
  });

  it('names every answer and body, strict (no field the contract does not name)', () => {
    const schemas = committed.components.schemas as Json;
    for (const route of routes) {
      const op = committed.paths[route.path][route.method.toLowerCase()] as Json;
      const [success] = Object.values(op.responses as Json) as Json[];
      const response = contractOf(route).schemas.response;
      if (response.status === 204) {
        expect(success?.content, route.id).toBeUndefined();
      } else if ('file' in response) {
        // a file: its media type only, as binary (no JSON schema to name)
        expect(success?.content, route.id).toEqual({
          [response.file.mediaType]: { schema: { type: 'string', format: 'binary' } },
        });
        expect(success?.headers['Content-Disposition'].description, route.id).toContain(response.file.disposition);
      } else {
        const answer = success?.content['application/json'].schema.$ref as string;
        expect(answer, route.id).toMatch(/^#\/components\/schemas\/[A-Z]\w+$/);
        expect(schemas[answer.split('/').pop() as string].additionalProperties, route.id).toBe(false);
      }
      const body = op.requestBody?.content['application/json'].schema.$ref as string | undefined;
      if (op.requestBody) expect(body, route.id).toMatch(/^#\/components\/schemas\/[A-Z]\w+$/);
    }
    for (const name of [
      'Reservation',
      'Facility',
      'FacilitySummary',
      'Availability',
      'UnlockCommand',
      'Me',
      'Problem',
    ]) {
      expect(schemas[name], name).toBeDefined();
    }
    expect(schemas.Facility.properties.spaces.items).toEqual({ $ref: '#/components/schemas/Space' });
    // the open space's QR poster answers a PDF
    expect(Object.keys(committed.paths['/v1/operator/spaces/{spaceId}/qr'].get.responses['200'].content)).toEqual([
      'application/pdf',
    ]);
    // a payment notice answers JSON, or its PDF when asked
    const notice = committed.paths['/v1/operator/payment-notices/{id}'].get.responses['200'];
    expect(Object.keys(notice.content)).toEqual(['application/json', 'application/pdf']);
    expect(notice.content['application/pdf']).toEqual({ schema: { type: 'string', format: 'binary' } });
    expect(notice.headers['Content-Disposition'].description).toContain('With Accept: application/pdf: attachment');
    expect(schemas.Problem.required).toEqual(['type', 'title', 'status', 'code', 'detail']);
  });

  it('declares every problem a route can answer, with the codes of each status', () => {
    for (const route of routes) {
      const op = committed.paths[route.path][route.method.toLowerCase()] as Json;
      for (const { status, code } of declaredProblems(contractOf(route))) {
        const schema = op.responses[String(status)].content['application/problem+json'].schema;
        expect(schema.allOf[0], route.id).toEqual({ $ref: '#/components/schemas/Problem' });
        expect(schema.allOf[1].properties.code.enum, `${route.id} ${status}`).toContain(code);
        expect(STATUS_OF_CODE[code] === status || status === 413, `${code} ${status}`).toBe(true);
      }
      expect(op.responses['429'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/GatewayMessage',
      });
    }
    const create = committed.paths['/v1/reservations'].post;
    expect(create.responses['409'].content['application/problem+json'].schema.allOf[1].properties.code.enum).toEqual(
      expect.arrayContaining(['SLOT_UNAVAILABLE', 'OVERLAPS_OWN_RESERVATION', 'INVALID_STATE']),
    );
    // a list that answers CSV: both media types, its file name, and 422 EXPORT_TOO_LARGE
    const facilities = committed.paths['/v1/operator/facilities'].get;
    expect(Object.keys(facilities.responses['200'].content)).toEqual(['application/json', 'text/csv']);
    expect(facilities.responses['200'].headers['Content-Disposition'].description).toContain('facilities.csv');
    expect(
      facilities.responses['422'].content['application/problem+json'].schema.allOf[1].properties.code.enum,
    ).toEqual(['EXPORT_TOO_LARGE']);
    const key = (create.parameters as Json[]).find((p) => p.in === 'header');
    expect(key).toMatchObject({ name: 'Idempotency-Key', schema: { minLength: 1, maxLength: 64 } });
  });

  it('types query parameters as what they mean, and instants as date-time', () => {
    const facilities: Json = Object.fromEntries(
      (committed.paths['/v1/facilities'].get.parameters as Json[]).map((p) => [p.name, p]),
    );
    expect(facilities.openEarly.schema).toEqual({ type: 'boolean' });
    expect(facilities.lat.schema).toMatchObject({ type: 'number', minimum: -90, maximum: 90 });
    expect(facilities.amenities).toMatchObject({ style: 'form', explode: false, schema: { type: 'array' } });
    for (const p of Object.values(facilities)) expect(p.description, p.name).toEqual(expect.any(String));
    const limit = (committed.paths['/v1/reservations'].get.parameters as Json[]).find((p) => p.name === 'limit');
    expect(limit?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    const start = committed.components.schemas.NewReservation.properties.start;
    expect(start).toMatchObject({ type: 'string', format: 'date-time' });
  });
});

/** An event of member-basic, as API Gateway hands it to a handler. */
const event = {
  headers: {},
  requestContext: {
    authorizer: { jwt: { claims: { sub: 'member-basic', [CLAIMS.role]: 'member' }, scopes: [API_SCOPE] } },
  },
} as never;

describe('checking answers against their schemas', () => {
  // a handler of the get-me row that answers something the contract does not allow
  // (the compiler refuses it too: hence the cast)
  const wrong = httpHandler(
    membershipRows.getMe,
    { response: { status: 200, body: meResponse } },
    async () => ({ memberId: 'member-basic', unexpected: true }) as never,
  );

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

describe('checking problems against what the route declares', () => {
  // a handler of the get-me row that refuses with a code its row does not declare
  const undeclared = httpHandler(membershipRows.getMe, { response: { status: 200, body: meResponse } }, async () => {
    throw new ApiError('SLOT_UNAVAILABLE', 'not a refusal of get-me');
  });
  const declared = httpHandler(membershipRows.getMe, { response: { status: 200, body: meResponse } }, async () => {
    throw new ApiError('NOT_FOUND', 'Member not found');
  });

  it('answers a declared refusal as it is', async () => {
    const result = await declared(event, lambdaContext('get-me'));
    expect(result.statusCode).toBe(404);
    expect(JSON.parse(String(result.body))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('makes an undeclared one a 500 where answers are checked, and lets it through where they are not', async () => {
    expect((await undeclared(event, lambdaContext('get-me'))).statusCode).toBe(500);
    process.env[VALIDATE_RESPONSES_ENV] = 'false';
    try {
      const result = await undeclared(event, lambdaContext('get-me'));
      expect(result.statusCode).toBe(409);
    } finally {
      process.env[VALIDATE_RESPONSES_ENV] = 'true';
    }
  });
});
