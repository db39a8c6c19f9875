/**
 * Section 3: one unlock end to end, one at a time: the request is sent → the gateway answers 202 → the
 * door controller (the stack's real door client) receives the command over MQTT → it opens, publishes its
 * event, and the door-event handler has recorded it on the command (status `unlocked`).
 */
import type { DoorClient } from '../../iot/door-client';
import type { Api } from './http';
import type { TableObserver } from './observe';
import type { Progress } from './progress';
import { type Percentiles, percentiles } from './stats';

export interface UnlockE2eSection {
  count: number;
  /** Request sent → 202 received. */
  accepted: Percentiles;
  /** Request sent → the door controller has the command. */
  doorReceived: Percentiles;
  /** Request sent → the door's answer is recorded on the command. */
  recorded: Percentiles;
  /** 202 received → recorded. */
  acceptedToRecorded: Percentiles;
  /** Commands whose final status (GET /v1/unlock-commands/{id}) is `unlocked`. */
  unlocked: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureUnlockE2e(
  api: Api,
  doors: ReadonlyMap<string, DoorClient>,
  observer: TableObserver,
  stays: readonly { token: string; id: string; doorId: string }[],
  progress: Progress,
  count = 100,
): Promise<UnlockE2eSection> {
  progress.step(`unlock end to end: ${count} unlocks, one at a time`);
  const doorAt = new Map<string, number>();
  const recordedAt = new Map<string, number>();
  const detach: Array<() => void> = [];
  for (const door of doors.values()) {
    const listener = (_topic: string, payload: Buffer) => {
      try {
        const id = (JSON.parse(payload.toString('utf8')) as { commandId?: string }).commandId;
        if (id && !doorAt.has(id)) doorAt.set(id, performance.now());
      } catch {
        // not a command
      }
    };
    door.mqtt.on('message', listener);
    detach.push(() => door.mqtt.off('message', listener));
  }
  detach.push(observer.onRecorded((id, at) => recordedAt.set(id, at)));

  const accepted: number[] = [];
  const received: number[] = [];
  const recorded: number[] = [];
  const acceptedToRecorded: number[] = [];
  const issued: Array<{ id: string; token: string }> = [];
  try {
    for (let i = 0; i < count; i++) {
      const stay = stays[i % stays.length];
      if (!stay) throw new Error('No checked-in stay for the end-to-end unlocks');
      const t0 = performance.now();
      const answer = await api.expect(
        202,
        api.post(`/v1/reservations/${stay.id}/unlock`, { doorId: stay.doorId }, stay.token),
        'unlock (end to end)',
      );
      const t1 = performance.now();
      const commandId = String(answer.body.commandId);
      const deadline = t1 + 5_000;
      while (!recordedAt.has(commandId)) {
        if (performance.now() > deadline)
          throw new Error(`Unlock ${commandId}: the door's answer was not recorded within 5 s`);
        await sleep(1);
      }
      const door = doorAt.get(commandId);
      const rec = recordedAt.get(commandId) as number;
      if (door === undefined) throw new Error(`Unlock ${commandId}: recorded, but no door controller saw the command`);
      accepted.push(t1 - t0);
      received.push(door - t0);
      recorded.push(rec - t0);
      acceptedToRecorded.push(rec - t1);
      issued.push({ id: commandId, token: stay.token });
      progress.tick(i + 1, count);
    }
  } finally {
    for (const off of detach) off();
  }
  let unlocked = 0;
  for (const { id, token } of issued) {
    const answer = await api.expect(200, api.get(`/v1/unlock-commands/${id}`, token), 'GET unlock command');
    if (answer.body.status === 'unlocked') unlocked++;
  }
  if (unlocked !== issued.length) {
    throw new Error(`Unlock end to end: ${issued.length - unlocked} of ${issued.length} commands are not \`unlocked\``);
  }
  return {
    count,
    accepted: percentiles(accepted),
    doorReceived: percentiles(received),
    recorded: percentiles(recorded),
    acceptedToRecorded: percentiles(acceptedToRecorded),
    unlocked,
  };
}
