/**
 * The local stack's servers refuse a port another process holds with one clear line (README: "when a port is
 * missing"), and pick a free one for port 0.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ControllableClock } from '../../lib/local/clock';
import { startGateway } from '../../lib/local/gateway';
import { listenOn } from '../../lib/local/ports';
import { LocalStepFunctions, startStepFunctionsEndpoint } from '../../lib/local/step-functions';

describe('listening on a port', () => {
  it('answers the port it got for 0, and says which port is in use and what to do', async () => {
    const holder = createServer();
    const port = await listenOn(holder, 0, '127.0.0.1', 'holder');
    expect(port).toBeGreaterThan(0);
    try {
      await expect(startGateway({ port, handlers: new Map() })).rejects.toThrow(
        `Port ${port} is in use (local gateway; set PORT to another port)`,
      );
      const timers = await LocalStepFunctions.create(new ControllableClock());
      await expect(startStepFunctionsEndpoint(timers, port)).rejects.toThrow(
        `Port ${port} is in use (local Step Functions endpoint)`,
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
