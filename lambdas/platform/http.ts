import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ErrorCode } from '../../contracts/errors';
import * as z from '../../contracts/zod';
import { clock } from './clock';
import { type CsvAnswer, csvFile, wantsCsv } from './csv';
import { tableContext } from './dynamo/client';
import { idempotently } from './idempotency';
import { DynamoIdempotencyStore } from './idempotency-store';
import { authorize, type Identity, identityOf } from './identity';
import { instrument, logger, metrics } from './instrument';
import { prefersToJson } from './negotiation';
import { admitted } from './operator-access';
import { ApiError, type FieldProblem, problemBody, STATUS_OF_CODE } from './problems';
import { needsIfMatch, type Route } from './route';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 16 * 1024;

export interface HttpRequest<B, Q, P> {
  body: B;
  query: Q;
  path: P;
  identity: Identity;
  headers: Readonly<Record<string, string | undefined>>;
  /** The time of the request, read once from the clock. */
  now: number;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
}

/** A success answer with a body: its status and the schema of its body (`contracts/http/<module>.ts`). */
export interface BodyAnswer<R> {
  status: 200 | 201 | 202;
  body: z.ZodMiniType<R>;
  /** The version an editable resource's answer carries, sent as its `ETag` (api.md "Edits"). */
  etag?: (answer: R) => number;
  /** A list that also answers CSV when asked with `Accept: text/csv` (api.md "CSV"; `csvAnswer` in csv.ts). */
  csv?: CsvAnswer<R>;
  /**
   * A resource that is also a document (a payment notice's PDF): answered as that file when `Accept` asks for its
   * media type rather than JSON ({@link wantsDocument}); the route's body then returns a {@link FileBody} instead.
   */
  document?: FileDescription;
}

/** A success answer without a body (a deletion): `204 No Content`; the route's body returns nothing. */
export interface NoContent {
  status: 204;
}

/** The body a route with a {@link FileAnswer} returns: the file's bytes and the name it is saved as. */
export interface FileBody {
  bytes: Uint8Array;
  /** Letters, digits, `.`, `_` and `-` only: it goes into `content-disposition` as it is. */
  fileName: string;
}

/**
 * A success answer that is a file rather than JSON (the printable QR poster, a PDF): its media type and how a browser
 * should take it. The route's body returns a {@link FileBody}; the answer carries it base64-encoded with
 * `isBase64Encoded`, which is how a Lambda hands API Gateway (an HTTP API needs no binary media types) a binary body.
 * Lambda answers at most 6 MB, the base64 counted: a file answer is for documents of kilobytes.
 */
export interface FileAnswer {
  status: 200;
  file: FileDescription;
}

/** A file a route answers: its media type and how a browser should take it. */
export interface FileDescription {
  mediaType: string;
  /** `attachment` (saved under its name) or `inline` (shown); `content-disposition` with the body's file name. */
  disposition: 'attachment' | 'inline';
  /** What the file is, for the OpenAPI document. */
  description: string;
}

const FILE_NAME = /^[A-Za-z0-9._-]{1,128}$/;

/** A route's contract: what it reads (path, query, body) and what it answers on success. */
export interface RouteSchemas<B, Q, P, R> {
  body?: z.ZodMiniType<B>;
  query?: z.ZodMiniType<Q>;
  path?: z.ZodMiniType<P>;
  /** The success answer: its one status and, but for 204 and files, the schema of its body. */
  response: BodyAnswer<R> | NoContent | FileAnswer;
}

/** The contract of a route whose success answer is a file: its body returns a {@link FileBody}. */
export type FileRouteSchemas<B, Q, P> = Omit<RouteSchemas<B, Q, P, FileBody>, 'response'> & { response: FileAnswer };

/** The contract of a resource that is also a document: its body returns the resource or, when asked, the file. */
export type DocumentRouteSchemas<B, Q, P, R> = Omit<RouteSchemas<B, Q, P, R>, 'response'> & {
  response: BodyAnswer<R> & { document: FileDescription };
};

/** Whether a request to a route whose answer is also `document` asks for the file (`Accept`) rather than JSON. */
export const wantsDocument = (accept: string | undefined, document: FileDescription): boolean =>
  prefersToJson(accept, document.mediaType);

/** The file an answer is: a file route's, or a document's when `Accept` asks for it; none for JSON and CSV. */
function fileOf<R>(response: Answers<R>, accept: string | undefined): FileDescription | undefined {
  if ('file' in response) return response.file;
  if ('body' in response && response.document && wantsDocument(accept, response.document)) return response.document;
  return undefined;
}

/** Set (to `true`) where every answer is checked against its route's response schema: the local stack and tests. */
export const VALIDATE_RESPONSES_ENV = 'VALIDATE_RESPONSES';

/** A handler with the contract it was made with (for the OpenAPI document). */
export type ContractHandler = ((event: HttpEvent, context: Context) => Promise<HttpResult>) & {
  readonly contract: { readonly route: Route; readonly schemas: RouteSchemas<unknown, unknown, unknown, unknown> };
};

/** Routes without query parameters refuse any (an unknown field is a 400 that names it). */
const NO_QUERY = z.strictObject({});
/** Routes without a body refuse one. */
const NO_BODY = z.undefined({ error: 'This route takes no body' });

/** Field problems of a zod error, with unknown keys named one by one. */
export function fieldProblems(error: z.core.$ZodError, where: string): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const base = [where, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: `${base}.${key}`, message: 'Unknown field' }));
    }
    return [{ field: base, message: issue.message }];
  });
}

function parsePart<T>(schema: z.ZodMiniType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = fieldProblems(result.error, where);
    throw new ApiError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  return result.data;
}

function readBody(event: HttpEvent): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) {
    throw new ApiError('VALIDATION_FAILED', `The body is larger than ${MAX_BODY_BYTES} bytes`, undefined, 413);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError('VALIDATION_FAILED', 'The body is not valid JSON', [
      { field: 'body', message: 'Malformed JSON' },
    ]);
  }
}

const json = (status: number, body: unknown, contentType = 'application/json'): HttpResult => ({
  statusCode: status,
  headers: { 'content-type': contentType },
  body: body === undefined ? '' : JSON.stringify(body),
});

/**
 * The version an edit was made on, for the routes that need one (`needsIfMatch` in route.ts), from `If-Match` (`"7"`,
 * `W/"7"` or `7`): missing is 428
 * `PRECONDITION_REQUIRED`, anything else than a version 400 naming the header. A stale one is for the write to
 * find (412 `VERSION_MISMATCH`).
 */
export function expectedVersion(headers: Readonly<Record<string, string | undefined>>): number {
  const value = headers['if-match'];
  if (value === undefined) throw new ApiError('PRECONDITION_REQUIRED', 'Send If-Match with the ETag you read');
  const match = /^(?:W\/)?"?(\d{1,12})"?$/.exec(value.trim());
  if (!match) {
    throw new ApiError('VALIDATION_FAILED', 'If-Match must be the ETag of the resource', [
      { field: 'header.if-match', message: 'Expected an ETag such as "3"' },
    ]);
  }
  return Number(match[1]);
}

/** A problem a route may answer: its status and api.md code. */
export interface DeclaredProblem {
  status: number;
  code: ErrorCode;
}

/**
 * Every problem a route can answer: what any route can (401 without a valid token, 403 for another role, 400
 * for a field or query it does not take, 413 for a body over {@link MAX_BODY_BYTES}, 500), 409 and 422 of the
 * idempotency key where it takes one, 428 and 412 of an edit that needs If-Match, 422 `EXPORT_TOO_LARGE` of a list
 * that answers CSV, and the refusals of its own rules (the row's `refusals`).
 */
export function declaredProblems({ route, schemas }: ContractHandler['contract']): DeclaredProblem[] {
  const codes: ErrorCode[] = ['VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN', 'INTERNAL_ERROR'];
  if (route.idempotent) codes.push('IDEMPOTENCY_KEY_REUSED', 'INVALID_STATE');
  if (needsIfMatch(route)) codes.push('PRECONDITION_REQUIRED', 'VERSION_MISMATCH');
  if ('csv' in schemas.response && schemas.response.csv) codes.push('EXPORT_TOO_LARGE');
  codes.push(...(route.refusals ?? []));
  const problems = [...new Set(codes)].map((code) => ({ status: STATUS_OF_CODE[code], code }));
  return [...problems, { status: 413, code: 'VALIDATION_FAILED' }];
}

/** Turns any error into problem+json; unexpected ones are logged and answered as 500 without detail. */
export function errorResult(error: unknown): HttpResult {
  if (error instanceof ApiError) {
    metrics.addMetric(error.status >= 500 ? 'ServerError' : 'ClientError', MetricUnit.Count, 1);
    return json(error.status, problemBody(error), 'application/problem+json');
  }
  metrics.addMetric('ServerError', MetricUnit.Count, 1);
  logger.error('Unhandled error', error as Error);
  return json(
    500,
    problemBody(new ApiError('INTERNAL_ERROR', 'Something went wrong on our side')),
    'application/problem+json',
  );
}

/**
 * The answer of a failed request; where answers are checked ({@link VALIDATE_RESPONSES_ENV}), a problem the
 * route does not declare is a fault of ours: logged and answered as 500.
 */
const errorMapper = (contract: ContractHandler['contract']): MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: async (request) => {
    const { route } = contract;
    const error = request.error;
    const undeclared =
      error instanceof ApiError &&
      process.env[VALIDATE_RESPONSES_ENV] === 'true' &&
      !declaredProblems(contract).some((p) => p.code === error.code && p.status === error.status);
    request.response = errorResult(
      undeclared ? new Error(`${route.id} answered ${error.status} ${error.code}, which it does not declare`) : error,
    );
  },
});

/** The header that carries a client's idempotency key (api.md). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,64}$/;

const callerId = (identity: Identity) =>
  identity.role === 'member'
    ? identity.memberId
    : identity.role === 'operator'
      ? identity.operatorId
      : identity.adminId;

let idempotencyStore: DynamoIdempotencyStore<HttpAnswer> | undefined;

/**
 * Runs `answer` once per route, caller and `Idempotency-Key`; without a key it just runs. The key is
 * scoped by the caller, so two members never share one.
 */
function withIdempotencyKey(
  route: Route,
  request: HttpRequest<unknown, unknown, unknown>,
  answer: () => Promise<HttpAnswer>,
): Promise<HttpAnswer> {
  const key = request.headers[IDEMPOTENCY_HEADER];
  if (key === undefined) return answer();
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new ApiError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 64 visible ASCII characters', [
      { field: `header.${IDEMPOTENCY_HEADER}`, message: 'Expected 1 to 64 visible ASCII characters' },
    ]);
  }
  if (!idempotencyStore) {
    const { doc, tableName } = tableContext();
    idempotencyStore = new DynamoIdempotencyStore(doc, tableName);
  }
  const scope = `${route.id}#${callerId(request.identity)}#${key}`;
  return idempotently(idempotencyStore, scope, { path: request.path, body: request.body }, answer);
}

/** The answer of `route`, checked against its schema when {@link VALIDATE_RESPONSES_ENV} is set. */
function checkedAnswer<R>(route: Route, response: Answers<R>, answer: HttpAnswer, accept: string | undefined) {
  if (process.env[VALIDATE_RESPONSES_ENV] !== 'true') return answer;
  if (fileOf(response, accept)) {
    const file = answer.body as Partial<FileBody> | undefined;
    if (!(file?.bytes instanceof Uint8Array) || file.bytes.byteLength === 0) {
      throw new Error(`${route.id} answers a file, yet returned no bytes`);
    }
    return answer;
  }
  if (!('body' in response)) {
    if (answer.body !== undefined) throw new Error(`${route.id} answers ${response.status}, yet returned a body`);
    return answer;
  }
  const checked = response.body.safeParse(answer.body);
  if (!checked.success) {
    throw new Error(`The answer of ${route.id} does not match its schema: ${z.prettifyError(checked.error)}`);
  }
  return answer;
}

/** The success answers a route may be made with. */
type Answers<R> = RouteSchemas<unknown, unknown, unknown, R>['response'];

/** A file answer: its bytes base64-encoded for API Gateway (the local gateway decodes them alike), with its name. */
function fileResult(file: FileDescription, status: number, { bytes, fileName }: FileBody): HttpResult {
  // a fault of ours, not the caller's: the name goes into a header as it is
  if (!FILE_NAME.test(fileName)) throw new Error(`Not a file name for content-disposition: ${fileName}`);
  return {
    statusCode: status,
    headers: {
      'content-type': file.mediaType,
      'content-disposition': `${file.disposition}; filename="${fileName}"`,
    },
    body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    isBase64Encoded: true,
  };
}

/**
 * A success answer as the contract says: a file as its media type; no body for 204; a document's file or CSV when a
 * resource or list that has one is asked for it (`Accept`), else JSON, with the resource's `ETag` where it has one. An
 * answer with two media types varies by `Accept`.
 */
function successResult<R>(
  response: Answers<R>,
  status: number,
  result: R,
  headers: HttpRequest<unknown, unknown, unknown>['headers'],
): HttpResult {
  if ('file' in response) return fileResult(response.file, status, result as FileBody);
  if (!('body' in response)) return { statusCode: status, headers: {}, body: '' };
  const vary: Record<string, string> = response.csv || response.document ? { vary: 'accept' } : {};
  const file = fileOf(response, headers.accept);
  if (file) {
    const answer = fileResult(file, status, result as FileBody);
    return { ...answer, headers: { ...answer.headers, ...vary } };
  }
  if (response.csv && wantsCsv(headers.accept)) {
    const file = csvFile(response.csv, result);
    return { statusCode: status, headers: { ...file.headers, ...vary }, body: file.body };
  }
  const answer = json(status, result);
  const etag: Record<string, string> = response.etag ? { etag: `"${response.etag(result)}"` } : {};
  return { ...answer, headers: { ...answer.headers, ...etag, ...vary } };
}

/**
 * Wraps a route's body in the one middleware stack: logger → metrics → auth (an operator's token against its
 * account, operator-access.ts) and zod parsing → error mapper. The body gets parsed input and returns the answer's
 * body (nothing for a 204, the bytes and name of a file); the status is the contract's.
 */
export function httpHandler<B = undefined, Q = undefined, P = undefined>(
  route: Route,
  schemas: FileRouteSchemas<B, Q, P>,
  body: (request: HttpRequest<B, Q, P>) => Promise<FileBody>,
): ContractHandler;
export function httpHandler<R, B = undefined, Q = undefined, P = undefined>(
  route: Route,
  schemas: DocumentRouteSchemas<B, Q, P, R>,
  body: (request: HttpRequest<B, Q, P>) => Promise<R | FileBody>,
): ContractHandler;
export function httpHandler<R, B = undefined, Q = undefined, P = undefined>(
  route: Route,
  schemas: RouteSchemas<B, Q, P, R> & { response: BodyAnswer<R> | NoContent },
  body: (request: HttpRequest<B, Q, P>) => Promise<R>,
): ContractHandler;
export function httpHandler<R, B = undefined, Q = undefined, P = undefined>(
  route: Route,
  schemas: RouteSchemas<B, Q, P, R>,
  body: (request: HttpRequest<B, Q, P>) => Promise<R | FileBody>,
): ContractHandler {
  // the idempotency records keep JSON answers; a file is read again, not replayed
  if (route.idempotent && ('file' in schemas.response || ('body' in schemas.response && schemas.response.document))) {
    throw new Error(`${route.id}: a file answer is not idempotent`);
  }
  const answer = async (request: HttpRequest<B, Q, P>): Promise<HttpAnswer> => ({
    status: schemas.response.status,
    body: await body(request),
  });
  const inner = async (event: HttpEvent): Promise<HttpResult> => {
    const identity = await admitted(identityOf(event));
    authorize(identity, route.caller);
    const request: HttpRequest<B, Q, P> = {
      path: parsePart(schemas.path, event.pathParameters ?? {}, 'path'),
      query: parsePart((schemas.query ?? NO_QUERY) as z.ZodMiniType<Q>, event.queryStringParameters ?? {}, 'query'),
      body: parsePart((schemas.body ?? NO_BODY) as z.ZodMiniType<B>, readBody(event), 'body'),
      identity,
      headers: event.headers ?? {},
      now: clock.now(),
    };
    const answered = route.idempotent
      ? await withIdempotencyKey(route, request as HttpRequest<unknown, unknown, unknown>, () => answer(request))
      : await answer(request);
    const { status, body: result } = checkedAnswer(route, schemas.response, answered, request.headers.accept);
    const success = successResult(schemas.response, status, result as R, request.headers);
    metrics.addMetric('Success', MetricUnit.Count, 1);
    return success;
  };
  const contract = { route, schemas: schemas as RouteSchemas<unknown, unknown, unknown, unknown> };
  const handler = instrument<HttpEvent, HttpResult>(inner).use(errorMapper(contract));
  return Object.assign(handler, { contract });
}
