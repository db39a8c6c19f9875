/**
 * Helpers for the door-channel integration tests: a recording lock, command factory, an observer
 * standing in for the backend (publishes commands, collects events), and a Mosquitto launcher.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import {
  type DoorEvent,
  doorEvent,
  EVENTS_WILDCARD,
  UNLOCK_COMMAND_TTL_MS,
  type UnlockCommand,
  unlockTopic,
} from '../../../contracts/mqtt';
import type { DoorClient, HandledCommand } from '../../../iot/door-client';
import type { LockAdapter } from '../../../iot/lock-adapters';
import { freePort } from '../../../lib/local/ports';
import { findMosquitto } from '../../../lib/local/prerequisites';

export const uniqueDoorId = (prefix = 'door') => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A lock that records every open and holds 0 ms; `failWith` makes the next opens throw. */
export function fakeLock(): LockAdapter & { opens: number[]; failWith?: Error } {
  const lock: LockAdapter & { opens: number[]; failWith?: Error } = {
    opens: [],
    async open(holdMs) {
      if (lock.failWith) throw lock.failWith;
      lock.opens.push(holdMs);
    },
  };
  return lock;
}

export function makeCommand(doorId: string, overrides: Partial<UnlockCommand> = {}, now = Date.now()): UnlockCommand {
  return {
    commandId: randomUUID(),
    doorId,
    reservationId: `res-${randomUUID().slice(0, 8)}`,
    purpose: 'entry',
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + UNLOCK_COMMAND_TTL_MS).toISOString(),
    ...overrides,
  };
}

export function expiredCommand(doorId: string, now = Date.now()): UnlockCommand {
  return makeCommand(doorId, {}, now - UNLOCK_COMMAND_TTL_MS - 1_000);
}

/** Polls `check` until it returns a value other than `undefined`/`false`. */
export async function waitFor<T>(check: () => T | undefined | false, label: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Everything a door client reported through `command`. */
export function recordCommands(door: DoorClient): HandledCommand[] {
  const handled: HandledCommand[] = [];
  door.on('command', (h) => handled.push(h));
  return handled;
}

export interface Observer {
  client: MqttClient;
  /** Events received on `doors/+/events`, with their topic. */
  events: { topic: string; event: DoorEvent }[];
  /** Publishes a command (QoS 1) to `topic`, by default the unlock topic of `command.doorId`. */
  send(command: unknown, topic?: string): Promise<void>;
  eventsFor(commandId: string): DoorEvent[];
  stop(): Promise<void>;
}

/** A plain mqtt.js client playing the backend: subscribed to every door's events. */
export async function startObserver(url: string): Promise<Observer> {
  const client = await mqtt.connectAsync(url, {
    protocolVersion: 4,
    clientId: `observer-${randomUUID().slice(0, 8)}`,
    clean: true,
    reconnectPeriod: 0,
  });
  const events: Observer['events'] = [];
  client.on('message', (topic, payload) => {
    events.push({ topic, event: doorEvent.parse(JSON.parse(payload.toString('utf8'))) });
  });
  await client.subscribeAsync(EVENTS_WILDCARD, { qos: 1 });
  return {
    client,
    events,
    async send(command, topic) {
      const target = topic ?? unlockTopic((command as UnlockCommand).doorId);
      const payload = typeof command === 'string' ? command : JSON.stringify(command);
      await client.publishAsync(target, payload, { qos: 1 });
    },
    eventsFor: (commandId) => events.filter((e) => e.event.commandId === commandId).map((e) => e.event),
    async stop() {
      await client.endAsync(true);
    },
  };
}

/** A broker a scenario can run against. */
export interface TestBroker {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs Mosquitto (`MOSQUITTO_BIN`, else on the PATH or where apt and brew put it) as a child process on a free
 * port (`listener <port> 127.0.0.1`, anonymous). Throws a one-line error when it is missing: these tests must
 * fail, not skip, without it (and the integration global setup fails before anything starts).
 */
export async function startMosquitto(): Promise<TestBroker & { port: number }> {
  const mosquitto = findMosquitto();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'mosquitto-'));
  const config = join(dir, 'mosquitto.conf');
  writeFileSync(config, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\n`);
  const child: ChildProcess = spawn(mosquitto, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, 10_000, () => (child.exitCode === null ? undefined : `exited with ${child.exitCode}`));
  } catch (error) {
    await stop();
    throw new Error(`Mosquitto did not start on port ${port}: ${(error as Error).message}\n${output}`);
  }
  return { url: `mqtt://127.0.0.1:${port}`, port, stop };
}

async function waitForPort(port: number, timeoutMs: number, dead: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = dead();
    if (reason) throw new Error(reason);
    const open = await new Promise<boolean>((resolve) => {
      const socket = tcpConnect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listening after ${timeoutMs} ms`);
    await sleep(50);
  }
}
