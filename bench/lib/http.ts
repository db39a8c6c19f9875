/** A small keep-alive HTTP client for the local gateway (JSON in, JSON out). */
import { Agent, request } from 'node:http';

/** Below the local gateway's keep-alive timeout (`server.keepAliveTimeout`, 5 s). */
const IDLE_SOCKET_MS = 4_000;

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
  body: any;
}

export class Api {
  /**
   * Idle sockets are dropped after 4 s, before the gateway's 5 s keep-alive timeout closes them: reusing a socket
   * the server is closing at that moment fails with ECONNRESET.
   */
  private readonly agent = new Agent({
    keepAlive: true,
    maxSockets: 64,
    keepAliveMsecs: 1_000,
    timeout: IDLE_SOCKET_MS,
  });
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  call(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<Answer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = { ...extraHeaders };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const req = request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', reject);
        res.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      });
      req.once('error', reject);
      req.end(payload);
    });
  }

  get(path: string, token?: string): Promise<Answer> {
    return this.call('GET', path, undefined, token);
  }

  post(path: string, body?: unknown, token?: string): Promise<Answer> {
    return this.call('POST', path, body, token);
  }

  /** Fails with the answer when its status is not `expected`. */
  async expect(expected: number, answer: Promise<Answer>, what: string): Promise<Answer> {
    const got = await answer;
    if (got.status !== expected) {
      throw new Error(`${what}: expected ${expected}, got ${got.status} ${JSON.stringify(got.body).slice(0, 300)}`);
    }
    return got;
  }

  close(): void {
    this.agent.destroy();
  }
}
