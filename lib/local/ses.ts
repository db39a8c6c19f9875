/**
 * Local stand-in for SES v2: `aws-ses-v2-local` (a registry package) in this process. It serves SES v2 `SendEmail`
 * (`POST /v2/email/outbound-emails`, any AWS signature accepted), the mailbox page at `/` and the stored mails as JSON
 * at `GET /store` (`POST /clear-store` empties it). Its store is one per process, kept across a stop and start.
 */
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

export function sesPortInUseHint(): string {
  return 'local SES; set SES_PORT to another port';
}

/** One mail as the local SES keeps it. */
export interface LocalMail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  /** Epoch seconds (wall time). */
  at: number;
}

export interface LocalSes {
  /** `http://host:port`: the `endpoint` of an SES v2 client, and the mailbox page. */
  endpoint: string;
  port: number;
  /** Every mail sent so far. */
  mails(): Promise<LocalMail[]>;
  /** Stops serving (SES "down"); the mails are kept. Idempotent. */
  stop(): Promise<void>;
}

interface SesServerModule {
  default: (config?: { host?: string; port?: number }) => Promise<Server>;
}

const require = createRequire(import.meta.url);

/** Starts the local SES. Fails with one line (`Port … is in use (local SES; …)`) when the port is taken. */
export async function startLocalSes(options: { port: number; host?: string }): Promise<LocalSes> {
  const host = options.host ?? '127.0.0.1';
  const start = (require('aws-ses-v2-local') as SesServerModule).default;
  const server = await start({ host, port: options.port });
  // the package's listen callback is also its error callback: a server that is not listening could not bind
  if (!server.listening) {
    server.close();
    throw new Error(`Port ${options.port} is in use (${sesPortInUseHint()})`);
  }
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://${host}:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    port,
    mails: async () => {
      const answer = await fetch(`${endpoint}/store`);
      if (!answer.ok) throw new Error(`local SES answered ${answer.status}`);
      return ((await answer.json()) as { emails: LocalMail[] }).emails;
    },
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
