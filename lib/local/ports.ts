import { createServer, type Server } from 'node:net';

/**
 * Whether nothing listens on `port`. Binds the wildcard address (dual-stack where IPv6 exists),
 * which on Linux collides with a listener on any address, so a server bound to 0.0.0.0, [::]
 * or 127.0.0.1 all count as "in use". Errors other than EADDRINUSE (e.g. EACCES) are thrown.
 */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(false);
      else reject(error);
    });
    server.listen({ port, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** A port the OS considers free right now (bind to 0 on 127.0.0.1, read it back, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close(() => reject(new Error('Could not read the port of a listening socket')));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

/**
 * Starts `server` listening on `host:port` (0 picks a free port) and answers the port it got.
 * @throws Error `Port <port> is in use (<hint>)` when another process holds it; other errors as they are
 */
export async function listenOn(server: Server, port: number, host: string, hint: string): Promise<number> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port, host }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`Port ${port} is in use (${hint})`);
    throw error;
  }
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`Could not read the port of ${hint}`);
  return address.port;
}
