/**
 * `npm run door -- --door <doorId> [--url mqtt://127.0.0.1:1883]`
 * `npm run door -- --door <doorId> --endpoint <iot-endpoint> --cert f --key f [--ca f]`
 *
 * Flags fall back to DOOR_ID, MQTT_URL (else MQTT_PORT on 127.0.0.1), IOT_ENDPOINT, IOT_CERT, IOT_KEY,
 * IOT_CA, DOOR_HOLD_MS. Prints one line per command handled, and each lock open and close; stops cleanly on
 * SIGINT/SIGTERM. A keypad: each line typed on stdin is a code (it opens only for a code the backend added, inside
 * its validity); codes added and removed are printed without their digits. On a local broker it runs on the local stack's clock (`local/clock`, see local-clock.ts): times
 * it prints and command expiry follow the stack's clock, not the machine's.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { isDoorId } from '../contracts/mqtt';
import { DEFAULT_HOLD_MS, type HandledCommand, startDoorClient } from './door-client';
import { followLocalClock, type LocalClockFollower } from './local-clock';
import { consoleLock } from './lock-adapters';

const usage = `Usage: npm run door -- --door <doorId> [--url mqtt://127.0.0.1:1883]
       npm run door -- --door <doorId> --endpoint <iot-endpoint> --cert <file> --key <file> [--ca <file>]
Options: --hold <ms> (lock open time, default ${DEFAULT_HOLD_MS}), --client-id <id> (default the door id), --verbose
Keypad: type a code and Enter on stdin.`;

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

function readPem(label: string, file: string | undefined): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file);
  } catch (error) {
    return fail(`Cannot read ${label} ${file}: ${(error as Error).message}`);
  }
}

function describe(handled: HandledCommand, now: number): string {
  const command = handled.command
    ? ` reservation=${handled.command.reservationId} purpose=${handled.command.purpose}`
    : '';
  const reason = handled.reason ? ` (${handled.reason})` : '';
  const unsent = handled.event && !handled.published ? ' [event not acknowledged]' : '';
  return `${new Date(now).toISOString()} ${handled.outcome}${reason} command=${handled.commandId ?? '-'}${command}${unsent}`;
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>;
  try {
    values = parse();
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const env = process.env;
  const doorId = values.door ?? env.DOOR_ID;
  if (!doorId) return fail('Missing --door (or DOOR_ID).');
  if (!isDoorId(doorId)) return fail(`Invalid door id ${JSON.stringify(doorId)}: letters, digits, - and _ only.`);
  const endpoint = values.endpoint ?? env.IOT_ENDPOINT;
  const certFile = values.cert ?? env.IOT_CERT;
  const keyFile = values.key ?? env.IOT_KEY;
  const caFile = values.ca ?? env.IOT_CA;
  if (endpoint && (!certFile || !keyFile)) return fail('--endpoint needs --cert and --key (or IOT_CERT, IOT_KEY).');
  const url = endpoint
    ? `mqtts://${endpoint}:8883`
    : (values.url ?? env.MQTT_URL ?? `mqtt://127.0.0.1:${env.MQTT_PORT ?? '1883'}`);
  const holdText = values.hold ?? env.DOOR_HOLD_MS;
  const holdMs = holdText === undefined ? DEFAULT_HOLD_MS : Number(holdText);
  if (!Number.isInteger(holdMs) || holdMs < 0) return fail(`--hold must be a whole number of ms, got ${holdText}`);

  let clockSeen = false;
  const clock: LocalClockFollower | undefined = endpoint
    ? undefined
    : followLocalClock(url, `${doorId}-clock`, (at) => {
        if (!clockSeen) console.log(`Door ${doorId} runs on the local stack's clock (${new Date(at).toISOString()})`);
        clockSeen = true;
      });
  const now = () => clock?.now() ?? Date.now();
  const lock = consoleLock(doorId, { print: (line) => console.log(`${new Date(now()).toISOString()} ${line}`) });
  const door = startDoorClient({
    doorId,
    url,
    ...(endpoint ? { cert: readPem('certificate', certFile), key: readPem('key', keyFile) } : {}),
    ...(endpoint && caFile ? { ca: readPem('CA', caFile) } : {}),
    ...(values['client-id'] ? { clientId: values['client-id'] } : {}),
    lock,
    holdMs,
    now,
    log: values.verbose ? (line) => console.error(`[door ${doorId}] ${line}`) : undefined,
  });
  door.on('command', (handled) => console.log(describe(handled, now())));
  door.on('ready', ({ sessionPresent }) =>
    console.log(`Door ${doorId} listening on ${url} (session ${sessionPresent ? 'resumed' : 'new'})`),
  );
  door.on('offline', ({ attempt, delayMs }) =>
    console.error(`Door ${doorId} offline; reconnect attempt ${attempt} in ${(delayMs / 1000).toFixed(1)} s`),
  );
  door.on('error', (error) => {
    if (!values.verbose) console.error(`Door ${doorId}: ${error.message}`);
  });
  door.on('code', (code) =>
    console.log(
      `${new Date(now()).toISOString()} code ${code.action} reservation=${code.reservationId} valid ${code.validFrom} – ${code.validUntil}`,
    ),
  );
  const keypad = createInterface({ input: process.stdin, terminal: false });
  keypad.on('line', (line) => {
    if (line.trim() === '') return;
    void door.enterCode(line).then((typed) => {
      const reason = typed.reason ? ` (${typed.reason})` : '';
      const reservation = typed.reservationId ? ` reservation=${typed.reservationId}` : '';
      console.log(`${new Date(now()).toISOString()} keypad ${typed.outcome}${reason}${reservation}`);
    });
  });

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.error(`${signal}: stopping door ${doorId}`);
    keypad.close();
    await door.stop();
    await clock?.stop();
    await lock.close?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function parse() {
  return parseArgs({
    options: {
      door: { type: 'string' },
      url: { type: 'string' },
      endpoint: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      ca: { type: 'string' },
      hold: { type: 'string' },
      'client-id': { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
