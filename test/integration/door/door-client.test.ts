import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codesTopic, eventsTopic, unlockTopic } from '../../../contracts/mqtt';
import { type DoorClient, type DoorClientOptions, startDoorClient } from '../../../iot/door-client';
import { type LocalBroker, startBroker } from '../../../lib/local/broker';
import { doorClientScenarios } from './scenarios';
import {
  fakeLock,
  makeCommand,
  type Observer,
  recordCommands,
  sleep,
  startObserver,
  uniqueDoorId,
  waitFor,
} from './support';

describe('door client against the local aedes broker', () => {
  doorClientScenarios(() => startBroker({ port: 0 }));
});

describe('door client edge cases (aedes)', () => {
  let broker: LocalBroker;
  let observer: Observer;
  const doors: DoorClient[] = [];

  beforeAll(async () => {
    broker = await startBroker({ port: 0 });
    observer = await startObserver(broker.url);
  });
  afterEach(async () => {
    await Promise.all(doors.splice(0).map((door) => door.stop()));
  });
  afterAll(async () => {
    await observer?.stop();
    await broker?.stop();
  });

  async function door(options: Partial<DoorClientOptions> = {}) {
    const doorId = options.doorId ?? uniqueDoorId();
    const lock = fakeLock();
    const client = startDoorClient({ doorId, url: broker.url, lock, holdMs: 0, ...options });
    doors.push(client);
    const handled = recordCommands(client);
    await client.connected;
    return { doorId, lock, client, handled };
  }

  const eventOf = (commandId: string) => waitFor(() => observer.eventsFor(commandId)[0], `the event of ${commandId}`);

  it('rejects a command on its topic that names another door, without unlocking', async () => {
    const { doorId, lock } = await door();
    const command = makeCommand('some-other-door');
    await observer.send(command, unlockTopic(doorId));
    expect(await eventOf(command.commandId)).toMatchObject({ doorId, result: 'rejected', reason: 'wrong-door' });
    expect(observer.events.find((e) => e.event.commandId === command.commandId)?.topic).toBe(eventsTopic(doorId));
    expect(lock.opens).toEqual([]);
  });

  it('subscribes only to its own unlock and codes topics and never sees another door’s commands', async () => {
    const subscriptions: string[][] = [];
    const onSubscribe = (subs: { topic: string }[], client: { id: string }) => {
      if (client.id === mine) subscriptions.push(subs.map((s) => s.topic));
    };
    const mine = uniqueDoorId('mine');
    broker.aedes.on('subscribe', onSubscribe);
    const { lock, handled } = await door({ doorId: mine });
    broker.aedes.off('subscribe', onSubscribe);
    expect(subscriptions).toEqual([[unlockTopic(mine), codesTopic(mine)]]);

    const other = await door();
    // Addressed to `mine` in the payload, but sent on the other door's topic.
    const command = makeCommand(mine);
    await observer.send(command, unlockTopic(other.doorId));
    expect(await eventOf(command.commandId)).toMatchObject({ doorId: other.doorId, reason: 'wrong-door' });
    await sleep(200);
    expect(handled).toEqual([]);
    expect(lock.opens).toEqual([]);
    expect(other.lock.opens).toEqual([]);
  });

  it('uses the door id as MQTT client id with a persistent session by default', async () => {
    const doorId = uniqueDoorId();
    const seen = new Promise<{ id: string; clean: boolean }>((resolve) =>
      broker.aedes.once('clientReady', (client) => resolve({ id: client.id, clean: client.clean })),
    );
    await door({ doorId });
    expect(await seen).toEqual({ id: doorId, clean: false });
  });

  it('rejects a malformed command that carries a command id, and drops one that does not', async () => {
    const { doorId, lock, handled } = await door();
    await observer.send('not json', unlockTopic(doorId));
    await observer.send({ doorId, purpose: 'entry' }, unlockTopic(doorId));
    await observer.send({ commandId: 'broken-1', doorId, purpose: 'dance' }, unlockTopic(doorId));
    expect(await eventOf('broken-1')).toMatchObject({ doorId, result: 'rejected', reason: 'malformed' });
    await waitFor(() => handled.length === 3, 'three messages handled');
    expect(handled.map((h) => h.outcome)).toEqual(['dropped', 'dropped', 'rejected']);
    expect(lock.opens).toEqual([]);
  });

  it('does not report twice for a rejected command delivered twice', async () => {
    const { doorId, handled } = await door();
    const command = makeCommand('another-door');
    await observer.send(command, unlockTopic(doorId));
    await observer.send(command, unlockTopic(doorId));
    await waitFor(() => handled.length === 2, 'both deliveries handled');
    await sleep(200);
    expect(observer.eventsFor(command.commandId).map((e) => e.reason)).toEqual(['wrong-door']);
  });

  it('judges expiry with its own clock', async () => {
    const issued = Date.parse('2025-04-01T00:00:00Z');
    let clock = issued + 29_999;
    const { doorId, lock } = await door({ now: () => clock });
    const fresh = makeCommand(doorId, {}, issued);
    await observer.send(fresh);
    expect(await eventOf(fresh.commandId)).toMatchObject({ result: 'unlocked', at: '2025-04-01T00:00:29.999Z' });
    clock = issued + 30_000;
    const stale = makeCommand(doorId, {}, issued);
    await observer.send(stale);
    expect(await eventOf(stale.commandId)).toMatchObject({ result: 'rejected', reason: 'expired' });
    expect(lock.opens).toHaveLength(1);
  });

  it('reports failed when the lock adapter throws', async () => {
    const { doorId, lock } = await door();
    lock.failWith = new Error('jammed');
    const command = makeCommand(doorId);
    await observer.send(command);
    expect(await eventOf(command.commandId)).toMatchObject({ result: 'failed', reason: 'lock-error' });
  });
});

describe('door client reconnects', () => {
  it('comes back after the broker restarts on the same port and still unlocks', async () => {
    let broker = await startBroker({ port: 0 });
    const { port } = broker;
    const doorId = uniqueDoorId();
    const lock = fakeLock();
    const door = startDoorClient({
      doorId,
      url: broker.url,
      lock,
      holdMs: 0,
      backoff: { initialMs: 200, maxMs: 1_000 },
    });
    const handled = recordCommands(door);
    let readies = 0;
    const offline: number[] = [];
    door.on('ready', () => {
      readies += 1;
    });
    door.on('offline', ({ delayMs }) => offline.push(delayMs));
    let observer: Observer | undefined;
    try {
      await door.connected;
      await broker.stop();
      await waitFor(() => offline.length > 0, 'the client to notice');
      await sleep(500); // let a retry or two hit the closed port
      broker = await startBroker({ port });
      await waitFor(() => readies >= 2, 'the client to reconnect and resubscribe', 15_000);
      expect(offline.every((d) => d >= 100 && d <= 1_000)).toBe(true);

      observer = await startObserver(broker.url);
      const command = makeCommand(doorId);
      await observer.send(command);
      await waitFor(() => observer?.eventsFor(command.commandId)[0], 'the unlocked event after reconnect');
      expect(lock.opens).toEqual([0]);
      expect(handled.map((h) => h.outcome)).toEqual(['unlocked']);
    } finally {
      await door.stop();
      await observer?.stop();
      await broker.stop();
    }
  });

  it('keeps retrying when the broker is not there yet, then connects', async () => {
    const { freePort } = await import('../../../lib/local/ports');
    const port = await freePort();
    const lock = fakeLock();
    const door = startDoorClient({
      doorId: uniqueDoorId(),
      url: `mqtt://127.0.0.1:${port}`,
      lock,
      backoff: { initialMs: 100, maxMs: 400 },
    });
    const attempts: number[] = [];
    door.on('offline', ({ attempt }) => attempts.push(attempt));
    let broker: LocalBroker | undefined;
    try {
      await waitFor(() => attempts.length >= 3, 'three failed attempts');
      expect(attempts.slice(0, 3)).toEqual([1, 2, 3]);
      broker = await startBroker({ port });
      await door.connected;
    } finally {
      await door.stop();
      await broker?.stop();
    }
  });

  it('rejects `connected` when stopped before it ever connected', async () => {
    const { freePort } = await import('../../../lib/local/ports');
    const door = startDoorClient({
      doorId: uniqueDoorId(),
      url: `mqtt://127.0.0.1:${await freePort()}`,
      lock: fakeLock(),
    });
    await door.stop();
    await expect(door.connected).rejects.toThrow(/stopped before it connected/);
  });
});
