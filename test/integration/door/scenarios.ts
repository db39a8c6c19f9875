/**
 * Door-client scenarios shared by every broker (aedes in process, Mosquitto as a child process).
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { eventsTopic } from '../../../contracts/mqtt';
import { type DoorClient, startDoorClient } from '../../../iot/door-client';
import {
  expiredCommand,
  fakeLock,
  makeCommand,
  type Observer,
  recordCommands,
  sleep,
  startObserver,
  type TestBroker,
  uniqueDoorId,
  waitFor,
} from './support';

export function doorClientScenarios(start: () => Promise<TestBroker>): void {
  let broker: TestBroker;
  let observer: Observer;
  const doors: DoorClient[] = [];

  beforeAll(async () => {
    broker = await start();
    observer = await startObserver(broker.url);
  });
  afterEach(async () => {
    await Promise.all(doors.splice(0).map((door) => door.stop()));
  });
  afterAll(async () => {
    await observer?.stop();
    await broker?.stop();
  });

  async function door(doorId = uniqueDoorId()) {
    const lock = fakeLock();
    const client = startDoorClient({ doorId, url: broker.url, lock, holdMs: 0 });
    doors.push(client);
    const handled = recordCommands(client);
    await client.connected;
    return { doorId, lock, client, handled };
  }

  it('unlocks for a fresh command and reports unlocked on its events topic', async () => {
    const { doorId, lock, handled } = await door();
    const command = makeCommand(doorId);
    await observer.send(command);
    const [event] = await waitFor(() => {
      const events = observer.eventsFor(command.commandId);
      return events.length > 0 && events;
    }, 'the unlocked event');
    expect(event).toMatchObject({ commandId: command.commandId, doorId, result: 'unlocked' });
    expect(event?.reason).toBeUndefined();
    expect(Math.abs(Date.parse(event?.at ?? '') - Date.now())).toBeLessThan(10_000);
    expect(observer.events.find((e) => e.event.commandId === command.commandId)?.topic).toBe(eventsTopic(doorId));
    expect(lock.opens).toEqual([0]);
    expect(handled.map((h) => [h.outcome, h.published])).toEqual([['unlocked', true]]);
  });

  it('never unlocks for an expired command and reports rejected/expired', async () => {
    const { doorId, lock, handled } = await door();
    const command = expiredCommand(doorId);
    await observer.send(command);
    const [event] = await waitFor(() => {
      const events = observer.eventsFor(command.commandId);
      return events.length > 0 && events;
    }, 'the rejected event');
    expect(event).toMatchObject({ commandId: command.commandId, doorId, result: 'rejected', reason: 'expired' });
    expect(lock.opens).toEqual([]);
    expect(handled.map((h) => h.outcome)).toEqual(['rejected']);
  });

  it('opens once and reports once when the same command arrives twice', async () => {
    const { doorId, lock, handled } = await door();
    const command = makeCommand(doorId);
    await observer.send(command);
    await observer.send(command);
    await waitFor(() => handled.length === 2, 'both deliveries handled');
    await waitFor(() => observer.eventsFor(command.commandId).length > 0, 'the event');
    await sleep(300);
    expect(handled.map((h) => h.outcome).sort()).toEqual(['duplicate', 'unlocked']);
    expect(lock.opens).toEqual([0]);
    expect(observer.eventsFor(command.commandId).map((e) => e.result)).toEqual(['unlocked']);
  });
}
