/**
 * The local gateway: serves the route table like API Gateway HTTP API with a JWT authorizer does in the
 * cloud. Matches the same rows, checks local tokens, builds API Gateway v2 events and calls the same
 * `handler` exports.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Context } from 'aws-lambda';
import type { ContractHandler, HttpEvent, HttpResult } from '../../lambdas/platform/http';
import { ApiError, problemBody } from '../../lambdas/platform/problems';
import { handlerEntry, type Route, routes } from '../../lambdas/routes';
import { lambdaContext } from './lambda-context';
import { listenOn } from './ports';
import { verifyToken } from './tokens';

export type LambdaHttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/** A local-only route (`/local/...`), answered in-process without a token. */
/** A local-only route: its answer is JSON, or raw bytes of `contentType` (pages and their scripts). */
export type LocalRouteHandler = (
  body: unknown,
  query: URLSearchParams,
) => Promise<{ status: number; body: unknown; contentType?: string }>;

export interface GatewayOptions {
  port: number;
  host?: string;
  handlers: ReadonlyMap<string, LambdaHttpHandler>;
  localRoutes?: Readonly<Record<string, LocalRouteHandler>>;
}

/** The largest body the gateway reads before refusing; handlers enforce their own, smaller limit. */
const MAX_GATEWAY_BODY = 1024 * 1024;

const compiled = routes.map((route) => {
  const names: string[] = [];
  const pattern = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, names, regex: new RegExp(`^${pattern}$`) };
});

/** The route row and path parameters for a request, or undefined. */
export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const { route, names, regex } of compiled) {
    if (route.method !== method) continue;
    const match = regex.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
    return { route, params };
  }
  return undefined;
}

/** Imports every route's handler module: the same files CDK bundles. */
export async function loadHandlers(): Promise<Map<string, ContractHandler>> {
  const loaded = await Promise.all(
    routes.map(async (route) => {
      const module = (await import(/* @vite-ignore */ `../../${handlerEntry(route)}`)) as {
        handler: ContractHandler;
      };
      return [route.id, module.handler] as const;
    }),
  );
  return new Map(loaded);
}

/** Writes a handler's result as API Gateway does: a base64 body (a file answer) goes out as its bytes. */
function send(res: ServerResponse, result: HttpResult): void {
  res.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
  const body = result.body ?? '';
  res.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

const problem = (error: ApiError): HttpResult => ({
  statusCode: error.status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify(problemBody(error)),
});

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_GATEWAY_BODY) throw new ApiError('VALIDATION_FAILED', 'The body is too large', undefined, 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** An API Gateway v2 event as the JWT authorizer would hand it on. */
export function buildEvent(
  req: IncomingMessage,
  url: URL,
  route: Route,
  params: Record<string, string>,
  claims: Record<string, string | number>,
  body: Buffer,
): HttpEvent {
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : (v ?? '')]),
  );
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = query[key] === undefined ? value : `${query[key]},${value}`;
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: Object.keys(params).length > 0 ? params : undefined,
    body: body.length > 0 ? body.toString('base64') : undefined,
    isBase64Encoded: body.length > 0,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
      authorizer: {
        principalId: '',
        integrationLatency: 0,
        jwt: { claims, scopes: String(claims.scope ?? '').split(' ') },
      },
    },
  } as HttpEvent;
}

async function handle(req: IncomingMessage, res: ServerResponse, options: GatewayOptions): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const method = (req.method ?? 'GET').toUpperCase();
  try {
    const local = options.localRoutes?.[`${method} ${url.pathname}`];
    if (local) {
      const raw = await readBody(req);
      let parsed: unknown;
      try {
        parsed = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
      } catch {
        throw new ApiError('VALIDATION_FAILED', 'The body is not valid JSON');
      }
      const answer = await local(parsed, url.searchParams);
      if (answer.contentType) {
        res.writeHead(answer.status, { 'content-type': answer.contentType });
        res.end(answer.body as string | Buffer);
        return;
      }
      return send(res, {
        statusCode: answer.status,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(answer.body),
      });
    }
    const matched = matchRoute(method, url.pathname);
    if (!matched) throw new ApiError('NOT_FOUND', `No route ${method} ${url.pathname}`);
    const handler = options.handlers.get(matched.route.id);
    if (!handler) throw new ApiError('NOT_FOUND', `No handler for ${matched.route.id}`);
    const authorization = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(authorization)?.[1];
    const claims = token ? verifyToken(token) : undefined;
    if (!claims) throw new ApiError('UNAUTHENTICATED', 'A valid bearer token is required');
    const body = await readBody(req);
    const event = buildEvent(req, url, matched.route, matched.params, claims, body);
    send(res, await handler(event, lambdaContext(matched.route.id)));
  } catch (error) {
    if (error instanceof ApiError) return send(res, problem(error));
    console.error(error);
    send(res, problem(new ApiError('INTERNAL_ERROR', 'The local gateway failed')));
  }
}

/** Starts the gateway; resolves once it listens. `port: 0` picks a free port. */
export async function startGateway(
  options: GatewayOptions,
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void handle(req, res, options);
  });
  server.keepAliveTimeout = 5_000;
  const port = await listenOn(
    server,
    options.port,
    options.host ?? '127.0.0.1',
    'local gateway; set PORT to another port',
  );
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
