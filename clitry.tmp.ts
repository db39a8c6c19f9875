import { spawn } from 'node:child_process';
import mqtt from 'mqtt';
import { startBroker } from './lib/local/broker';

const broker = await startBroker({ port: 0 });
const child = spawn('npx', ['tsx', 'iot/cli.ts', '--door', 'cli-door', '--url', broker.url, '--hold', '500'], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
child.stdout.on('data', (d) => process.stdout.write(`[out] ${d}`));
child.stderr.on('data', (d) => process.stdout.write(`[err] ${d}`));
const events: string[] = [];
await broker.onPublish('doors/+/events', (t, p) => events.push(`${t} ${p}`));
await new Promise((r) => setTimeout(r, 2500));
const c = await mqtt.connectAsync(broker.url, { protocolVersion: 4 });
const now = Date.now();
const cmd = {
  commandId: 'cmd-1',
  doorId: 'cli-door',
  reservationId: 'r1',
  purpose: 'entry',
  issuedAt: new Date(now).toISOString(),
  expiresAt: new Date(now + 30000).toISOString(),
};
await c.publishAsync('doors/cli-door/unlock', JSON.stringify(cmd), { qos: 1 });
await c.publishAsync('doors/cli-door/unlock', JSON.stringify(cmd), { qos: 1 });
await c.publishAsync(
  'doors/cli-door/unlock',
  JSON.stringify({
    ...cmd,
    commandId: 'cmd-2',
    expiresAt: new Date(now - 1).toISOString(),
    issuedAt: new Date(now - 30001).toISOString(),
  }),
  { qos: 1 },
);
await new Promise((r) => setTimeout(r, 1000));
const t0 = Date.now();
child.kill('SIGINT');
const code = await new Promise((r) => child.once('exit', r));
console.log('exit', code, 'after', Date.now() - t0, 'ms');
console.log(events);
await c.endAsync();
await broker.stop();
