/**
 * The OpenAPI 3.1 document of the HTTP API, generated from what the handlers are made with: each route row
 * (method, path, caller) and its handler's contract (the zod schemas of its path, query, body and success
 * answer). `npm run openapi` writes it to `contracts/openapi.json`; a test fails when that file is stale.
 */
import * as z from 'zod';
import { API_SCOPE } from '../contracts/auth';
import { problemResponse } from '../contracts/http/common';
import type { ContractHandler } from '../lambdas/platform/http';
import { IDEMPOTENCY_HEADER, MAX_BODY_BYTES } from '../lambdas/platform/http';

type JsonSchema = Record<string, unknown>;
type Contract = ContractHandler['contract'];

/** Where the committed document lives, relative to the project root. */
export const OPENAPI_FILE = 'contracts/openapi.json';

/** A JSON Schema (2020-12, what OpenAPI 3.1 uses) of what a client sends or receives. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Path or query parameters: one per property of the (object) schema. */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function operation(contract: Contract): JsonSchema {
  const { route, schemas } = contract;
  const headers = route.idempotent
    ? [
        {
          name: IDEMPOTENCY_HEADER,
          in: 'header',
          required: false,
          description: 'Repeating a request with the same key answers the first answer; another body is 422.',
          schema: { type: 'string', minLength: 1, maxLength: 128 },
        },
      ]
    : [];
  const body = schemas.body
    ? {
        requestBody: {
          required: !schemas.body.safeParse(undefined).success,
          description: `JSON, at most ${MAX_BODY_BYTES} bytes; an unknown field is a 400 that names it.`,
          content: { 'application/json': { schema: jsonSchema(schemas.body, 'input') } },
        },
      }
    : {};
  const caller = route.caller.role === 'member' ? 'a member' : `an operator (${route.caller.operatorRoles.join(', ')})`;
  return {
    operationId: route.id,
    summary: route.id.replaceAll('-', ' '),
    description: `For ${caller}.`,
    tags: [route.caller.role],
    security: [{ cognito: [API_SCOPE] }],
    parameters: [...parameters(schemas.path, 'path'), ...parameters(schemas.query, 'query'), ...headers],
    ...body,
    responses: {
      [String(schemas.response.status)]: {
        description: 'Success',
        content: { 'application/json': { schema: jsonSchema(schemas.response.body, 'output') } },
      },
      '4XX': problem('Refused: the code says why (api.md error codes)'),
      '5XX': problem('A fault on our side'),
    },
  };
}

/** The document for the handlers' contracts, in the order of the route table. */
export function openApiDocument(contracts: readonly Contract[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const contract of contracts) {
    const { route } = contract;
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, JsonSchema>)[route.method.toLowerCase()] = operation(contract);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Coworking reservation API',
      version: '1',
      description:
        'Members find, book, check in, unlock and check out; operators answer booking requests. ' +
        'Instants are ISO 8601 with the facility zone offset; errors are problem+json with a code.',
    },
    servers: [{ url: '/', description: 'the stage API URL (stack output ApiUrl), or http://127.0.0.1:3000 locally' }],
    paths,
    components: {
      securitySchemes: {
        cognito: {
          type: 'oauth2',
          description: `Cognito access token with the ${API_SCOPE} scope (an ID token is refused).`,
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://<user pool domain>/oauth2/authorize',
              tokenUrl: 'https://<user pool domain>/oauth2/token',
              scopes: { [API_SCOPE]: 'The coworking API' },
            },
          },
        },
      },
      schemas: { Problem: jsonSchema(problemResponse, 'output') },
    },
  };
}
