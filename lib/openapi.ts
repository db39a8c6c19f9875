/**
 * The OpenAPI 3.1 document of the HTTP API, generated from what the handlers are made with: each route row
 * (method, path, caller, refusals) and its handler's contract (the zod schemas of its path, query, body and
 * success answer). Answers and bodies are named schemas (`contracts/http/names.ts`) that operations reference,
 * so generated clients get named types; every problem a route can answer is declared with its codes.
 * `npm run openapi` writes it to `contracts/openapi.json`; a test fails when that file is stale.
 */
import { API_SCOPE } from '../contracts/auth';
import { MAX_CSV_LINES } from '../contracts/csv/spec';
import type { ErrorCode } from '../contracts/errors';
import { instantText } from '../contracts/http/common';
import { ANSWER_NAMES, BODY_NAMES } from '../contracts/http/names';
import * as z from '../contracts/zod';
import {
  type ContractHandler,
  type DeclaredProblem,
  declaredProblems,
  type FileAnswer,
  type FileDescription,
  IDEMPOTENCY_HEADER,
  MAX_BODY_BYTES,
} from '../lambdas/platform/http';
import { needsIfMatch, type Route } from '../lambdas/platform/route';

type JsonSchema = Record<string, unknown>;
type Contract = ContractHandler['contract'];

/** Where the committed document lives, relative to the project root. */
export const OPENAPI_FILE = 'contracts/openapi.json';

const SCHEMAS = '#/components/schemas/';
const ref = (name: string) => ({ $ref: `${SCHEMAS}${name}` });

/** The instant clients send: ISO 8601 with an offset. */
const INSTANT_DESCRIPTION = 'ISO 8601 date and time with an offset (Z or ±hh:mm), e.g. 2026-11-24T14:00:00+09:00.';

/** Marks the wire form of instants as `date-time`; everything else as zod writes it. */
const override: NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'] = ({ zodSchema, jsonSchema }) => {
  if (zodSchema === instantText) {
    jsonSchema.format = 'date-time';
    jsonSchema.description = INSTANT_DESCRIPTION;
  }
  // integers: their width, for generators that care (OWASP integer-format)
  if (jsonSchema.type === 'integer' && jsonSchema.format === undefined) {
    const { minimum, maximum } = jsonSchema as { minimum?: number; maximum?: number };
    const int32 = minimum !== undefined && maximum !== undefined && minimum >= -(2 ** 31) && maximum < 2 ** 31;
    jsonSchema.format = int32 ? 'int32' : 'int64';
  }
  // calendar dates (YYYY-MM-DD) in requests
  if (jsonSchema.type === 'string' && jsonSchema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') jsonSchema.format = 'date';
};

/** A JSON Schema (2020-12, what OpenAPI 3.1 uses) of one schema, without the dialect line. */
function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', override }) as JsonSchema;
  return rest;
}

/** The named schemas of one direction, converted together so that they reference each other by name. */
function namedSchemas(names: ReadonlyArray<readonly [z.ZodMiniType, string]>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: 'any',
    override,
    uri: (id) => `${SCHEMAS}${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
    delete schema.id;
  }
  return schemas;
}

/** The name a schema has in the document; a route made with an unnamed answer or body is a fault. */
function nameOf(names: ReadonlyArray<readonly [z.ZodMiniType, string]>, schema: z.ZodMiniType, what: string): string {
  const found = names.find(([named]) => named === schema);
  if (!found) throw new Error(`${what} has no name in contracts/http/names.ts`);
  return found[1];
}

/** Path or query parameters: one per property of the (object) schema, typed as what it means. */
function parameters(schema: z.ZodMiniType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const shape = (schema as unknown as { shape?: Record<string, z.ZodMiniType> }).shape ?? {};
  return Object.entries(shape).map(([name, property]) => {
    const { description, ...type } = jsonSchema(property, 'output');
    const list = type.type === 'array';
    return {
      name,
      in: where,
      required: where === 'path' || !property.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: type,
      ...(list ? { style: 'form', explode: false } : {}),
    };
  });
}

/** What API Gateway answers by itself (not problem+json): a 401 of its JWT authorizer, a 429 of its throttling. */
const GATEWAY_MESSAGE = 'GatewayMessage';

/** Declared problems of a route by status, each with its codes. */
function problemResponses(problems: readonly DeclaredProblem[]): Record<string, JsonSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const { status, code } of problems) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const problem = {
      schema: {
        allOf: [
          ref('Problem'),
          { type: 'object', properties: { status: { const: status }, code: { enum: [...new Set(codes)] } } },
        ],
      },
    };
    responses[String(status)] = {
      description: STATUS_DESCRIPTION[status] ?? 'Refused: the code says why',
      content: {
        'application/problem+json': problem,
        ...(status === 401 ? { 'application/json': { schema: ref(GATEWAY_MESSAGE) } } : {}),
      },
    };
  }
  responses['429'] = {
    description: 'Throttled by API Gateway (the stage’s rate and burst limits); retry later',
    content: { 'application/json': { schema: ref(GATEWAY_MESSAGE) } },
  };
  return responses;
}

const STATUS_DESCRIPTION: Record<number, string> = {
  400: 'A path, query or body field, or the Idempotency-Key, does not match the contract (errors name them)',
  401: 'No valid access token (API Gateway answers {"message":"Unauthorized"} before the function runs)',
  403: 'The token’s role may not call this route, or the member’s plan may not book here',
  404: 'No such resource, or not the caller’s',
  409: 'The state does not allow it now (taken, overlapping, changed meanwhile)',
  413: `The body is larger than ${MAX_BODY_BYTES} bytes`,
  422: 'The rules refuse it: the code says which',
  500: 'A fault on our side',
};

function operation(contract: Contract): JsonSchema {
  const { route, schemas } = contract;
  const headers = route.idempotent
    ? [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Repeating a request with the same key and body answers the first answer; the same key with another ' +
            'body is 422 IDEMPOTENCY_KEY_REUSED. 1 to 64 visible ASCII characters; the header name is ' +
            `case-insensitive (${IDEMPOTENCY_HEADER}).`,
          schema: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7E]{1,64}$' },
        },
      ]
    : [];
  const ifMatch = needsIfMatch(route)
    ? [
        {
          name: 'If-Match',
          in: 'header',
          required: true,
          description: 'The ETag of the resource as last read; missing is 428, not the current version 412.',
          schema: { type: 'string', maxLength: 40, pattern: '^(W/)?"?[0-9]{1,12}"?$' },
        },
      ]
    : [];
  const bodySchema = schemas.body ? { schema: ref(nameOf(BODY_NAMES, schemas.body, `The body of ${route.id}`)) } : {};
  const body = schemas.body
    ? {
        requestBody: {
          required: !schemas.body.safeParse(undefined).success,
          description:
            route.method === 'PATCH'
              ? `A JSON merge patch of the fields listed, at most ${MAX_BODY_BYTES} bytes; an unknown field is a 400 that names it.`
              : `JSON, at most ${MAX_BODY_BYTES} bytes; an unknown field is a 400 that names it.`,
          content:
            route.method === 'PATCH'
              ? { 'application/merge-patch+json': bodySchema, 'application/json': bodySchema }
              : { 'application/json': bodySchema },
        },
      }
    : {};
  const caller =
    route.caller.role === 'member'
      ? 'a member'
      : route.caller.role === 'admin'
        ? 'the service’s staff (admin)'
        : `an operator (${route.caller.operatorRoles.join(', ')})`;
  return {
    operationId: route.id,
    summary: route.id.replaceAll('-', ' '),
    description: `For ${caller}.`,
    tags: [route.caller.role],
    security: [route.caller.role === 'admin' ? { staffBearer: [] } : { bearer: [] }],
    parameters: [...parameters(schemas.path, 'path'), ...parameters(schemas.query, 'query'), ...headers, ...ifMatch],
    ...body,
    responses: {
      [String(schemas.response.status)]: success(route, schemas.response),
      ...problemResponses(declaredProblems(contract)),
    },
  };
}

/** The origins that may read an answer's headers, as API Gateway sets them. */
const ALLOW_ORIGIN: JsonSchema = {
  description:
    'Set by API Gateway for the origins the stage allows (lib/config.ts); ETag and Content-Disposition are exposed',
  schema: { type: 'string', maxLength: 200 },
};

/** A file's `Content-Disposition`: the name it is saved as (`asked`: when the answer is the file on asking). */
const fileDisposition = (file: FileDescription, asked = ''): JsonSchema => ({
  description: `${asked}${file.disposition}; filename="…": the name to save it as`,
  schema: { type: 'string', maxLength: 200 },
});

/** A file's media type, its body a binary string. */
const fileContent = (file: FileDescription): JsonSchema => ({
  [file.mediaType]: { schema: { type: 'string', format: 'binary' } },
});

/** A file answer: its media type as a binary string, the name it is saved as. */
function fileSuccess({ file }: FileAnswer): JsonSchema {
  return {
    description: file.description,
    headers: { 'Content-Disposition': fileDisposition(file), 'Access-Control-Allow-Origin': ALLOW_ORIGIN },
    content: fileContent(file),
  };
}

/**
 * The success answer of a route: its body (none for 204; a file; JSON, and CSV for a list that has one, or the file of a
 * resource that is also a document), its headers.
 */
function success(route: Route, response: Contract['schemas']['response']): JsonSchema {
  if ('file' in response) return fileSuccess(response);
  if (!('body' in response)) return { description: 'Done: no content' };
  const headers: Record<string, JsonSchema> = {
    ...(response.etag
      ? {
          ETag: {
            description: 'The version of the resource: send it as If-Match to edit it',
            schema: { type: 'string', maxLength: 40, pattern: '^"[0-9]{1,12}"$' },
          },
        }
      : {}),
    ...(response.csv
      ? {
          'Content-Disposition': {
            description: `With Accept: text/csv: attachment; filename="${response.csv.fileName}"`,
            schema: { type: 'string', maxLength: 200 },
          },
        }
      : {}),
    ...(response.document
      ? {
          'Content-Disposition': fileDisposition(response.document, `With Accept: ${response.document.mediaType}: `),
        }
      : {}),
  };
  if (Object.keys(headers).length > 0) headers['Access-Control-Allow-Origin'] = ALLOW_ORIGIN;
  return {
    description: response.document
      ? `Success: the resource as JSON, or with Accept: ${response.document.mediaType} ${response.document.description}`
      : 'Success',
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: {
      'application/json': {
        schema: ref(nameOf(ANSWER_NAMES, response.body, `The answer of ${route.id}`)),
      },
      ...(response.csv
        ? {
            'text/csv': {
              schema: {
                type: 'string',
                description:
                  `Asked with Accept: text/csv: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting, the partner ` +
                  `site's Japanese column headers first, at most ${MAX_CSV_LINES} lines (else 422 EXPORT_TOO_LARGE). ` +
                  `A text cell that a spreadsheet would read as a formula (starting with = + - @, a tab, CR or LF) ` +
                  `has a leading ' (CWE-1236); number cells never do.`,
              },
            },
          }
        : {}),
      ...(response.document ? fileContent(response.document) : {}),
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
    servers: [
      {
        url: 'https://{apiId}.execute-api.ap-northeast-1.amazonaws.com',
        description: 'a deployed stage: its stack output ApiUrl (locally, npm start serves http://127.0.0.1:3000)',
        variables: { apiId: { default: 'api-id', description: 'the HTTP API id of the stage' } },
        'x-internal': false,
      },
    ],
    tags: [
      { name: 'member', description: 'Routes for members (the mobile app)' },
      { name: 'operator', description: 'Routes for partners’ operators (the partner console)' },
      { name: 'admin', description: 'Routes for the service’s staff (the back office) and its payment provider' },
    ],
    paths,
    components: {
      securitySchemes: {
        staffBearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An access token of the service’s staff: a Cognito access token (JWT, RS256, checked as RFC8725 asks) ' +
            `with the ${API_SCOPE} scope whose custom:role is admin; staff accounts are made by staff only.`,
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            `A Cognito access token (JWT, RS256) with the ${API_SCOPE} scope; an ID token is refused. API Gateway's ` +
            'JWT authorizer checks signature, issuer, audience and expiry as RFC8725 (JSON Web Token best current ' +
            'practices) asks, before any function runs. Locally, a token of POST /local/tokens or npm run token.',
        },
      },
      schemas: {
        ...namedSchemas(ANSWER_NAMES, 'output'),
        ...namedSchemas(BODY_NAMES, 'input'),
        [GATEWAY_MESSAGE]: {
          type: 'object',
          description: 'What API Gateway answers by itself, e.g. {"message":"Unauthorized"}.',
          properties: { message: { type: 'string' } },
          required: ['message'],
        },
      },
    },
  };
}
