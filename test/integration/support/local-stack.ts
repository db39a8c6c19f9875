import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../../lib/local/stack';
import { issueToken, type TokenSubject } from '../../../lib/local/tokens';

/** A local stack on a free port with its own table, on the shared DynamoDB Local and local S3 of the test run. */
export async function startTestStack(
  frozenAt: string,
  more: Pick<LocalStackOptions, 'streamRetry'> = {},
): Promise<LocalStack> {
  return startLocalStack({
    ...more,
    port: 0,
    mqttPort: 0,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    s3Endpoint: inject('s3Endpoint'),
    photosBucket: inject('photosBucket'),
    tableName: `it-${randomUUID()}`,
    frozenAt: Date.parse(frozenAt),
  });
}

export interface Answer {
  status: number;
  contentType: string;
  /** The `ETag` of an editable resource's answer. */
  etag?: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in assertions
  body: any;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is instead of `body`. */
  raw?: string;
  headers?: Record<string, string>;
}

/** A small HTTP client for the local gateway; a body that is not JSON comes back as text. */
export function client(baseUrl: string) {
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const etag = res.headers.get('etag') ?? undefined;
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', ...(etag ? { etag } : {}), body };
  };
  return {
    /** Where the gateway listens, for a request the client does not make (raw bytes). */
    url: baseUrl,
    call,
    get: (path: string, token?: string) => call('GET', path, { token }),
    post: (path: string, body?: unknown, token?: string, headers?: Record<string, string>) =>
      call('POST', path, { body, token, headers }),
    patch: (path: string, body?: unknown, token?: string, headers?: Record<string, string>) =>
      call('PATCH', path, { body, token, headers }),
    put: (path: string, body?: unknown, token?: string, headers?: Record<string, string>) =>
      call('PUT', path, { body, token, headers }),
    delete: (path: string, token?: string, headers?: Record<string, string>) =>
      call('DELETE', path, { token, headers }),
  };
}

export const memberToken = (sub: string) => issueToken({ sub, role: 'member' });
export const adminToken = (sub = 'admin-1') => issueToken({ sub, role: 'admin' });
export const operatorToken = (sub: string, partnerId: string, operatorRole: TokenSubject['operatorRole']) =>
  issueToken({ sub, role: 'operator', partnerId, operatorRole });
