/**
 * Door-client scenarios shared by every broker (aedes in process, Mosquitto as a child process).
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { codesTopic, eventsTopic, type KeypadCodeMessage } from '../../../contracts/mqtt';
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

  async function door(doorId = uniqueDoorId(), now?: () => number) {
    const lock = fakeLock();
    const client = startDoorClient({ doorId, url: broker.url, lock, holdMs: 0, ...(now ? { now } : {}) });
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

  const code = (overrides: Partial<KeypadCodeMessage> = {}): KeypadCodeMessage => ({
    action: 'add',
    code: '042917',
    reservationId: 'res-keypad',
    validFrom: '2026-11-24T14:00:00+09:00',
    validUntil: '2026-11-24T15:05:00+09:00',
    ...overrides,
  });
  const sendCode = (doorId: string, message: KeypadCodeMessage) =>
    observer.client.publishAsync(codesTopic(doorId), JSON.stringify(message), { qos: 1 });

  it('keeps the codes sent to it and opens for a typed code only inside its validity, until it is removed', async () => {
    let now = Date.parse('2026-11-24T13:59:00+09:00');
    const { doorId, lock, client } = await door(uniqueDoorId('keypad'), () => now);
    await sendCode(doorId, code());
    await waitFor(() => client.hasCode('042917'), 'the code kept');
    expect(await client.enterCode('042917')).toEqual({ outcome: 'rejected', reason: 'not-yet-valid' });
    now = Date.parse('2026-11-24T14:30:00+09:00');
    expect(await client.enterCode('111111')).toEqual({ outcome: 'rejected', reason: 'unknown-code' });
    expect(await client.enterCode('042917')).toEqual({ outcome: 'unlocked', reservationId: 'res-keypad' });
    expect(lock.opens).toEqual([0]);
    await sendCode(doorId, code({ action: 'remove' }));
    await waitFor(() => !client.hasCode('042917'), 'the code removed');
    expect(await client.enterCode('042917')).toEqual({ outcome: 'rejected', reason: 'unknown-code' });
    await sendCode(doorId, code({ reservationId: 'res-late' }));
    await waitFor(() => client.hasCode('042917'), 'another code kept');
    now = Date.parse('2026-11-24T15:05:00+09:00');
    expect(await client.enterCode('042917')).toEqual({ outcome: 'rejected', reason: 'expired' });
    expect(lock.opens).toEqual([0]);
  });

  it('gets the codes sent while it was offline when it reconnects (persistent session, QoS 1)', async () => {
    const now = () => Date.parse('2026-11-24T14:30:00+09:00');
    const doorId = uniqueDoorId('keypad');
    const first = await door(doorId, now);
    await first.client.stop();
    await sendCode(doorId, code());
    const again = await door(doorId, now);
    await waitFor(() => again.client.hasCode('042917'), 'the code sent while offline');
    expect(await again.client.enterCode('042917')).toMatchObject({ outcome: 'unlocked' });
    expect(again.lock.opens).toEqual([0]);
  });
}
