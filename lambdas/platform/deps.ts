/**
 * The composition root of the platform's ports: one adapter of each per process, made on first use from the
 * environment (endpoints point them at the local stand-ins). Modules take what they use from here; a
 * function's bundle carries only the adapters it reaches.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { IotDoorPublisher } from './adapters/iot-door-publisher';
import { SfnTimerStarter } from './adapters/sfn-timer-starter';
import type { DoorPublisher, Ids, TimerStarter } from './ports';

export { clock } from './clock';
export { tableContext } from './dynamo/client';

/** Random UUIDs. */
export const uuids: Ids = { next: () => randomUUID() };

/** Six-digit keypad codes from the CSPRNG (leading zeros kept). */
export const keypadCodes: Ids = { next: () => String(randomInt(0, 1_000_000)).padStart(6, '0') };

/** Twelve digits from the CSPRNG (leading zeros kept): a reservation number before its `R-` and dashes. */
export const reservationNumberDigits: Ids = {
  next: () => String(randomInt(0, 1_000_000_000_000)).padStart(12, '0'),
};

let timers: TimerStarter | undefined;
/** Step Functions, or the local runner (`SFN_ENDPOINT`). */
export function timerStarter(): TimerStarter {
  timers ??= new SfnTimerStarter(process.env.SFN_ENDPOINT);
  return timers;
}

let doors: DoorPublisher | undefined;
/** The IoT data plane: `IOT_DATA_ENDPOINT` is the account's endpoint, or the local one. */
export function doorPublisher(): DoorPublisher {
  doors ??= new IotDoorPublisher(process.env.IOT_DATA_ENDPOINT);
  return doors;
}
