/**
 * The local stack's clock, as door controllers on the local broker follow it. The stack publishes its clock,
 * retained, on {@link LOCAL_CLOCK_TOPIC} whenever it moves; a door controller started by itself
 * (`npm run door`) reads it so that it judges command expiry and prints times on the stack's clock, not the
 * machine's. Local only: IoT Core has no such topic and a door there runs on its own (NTP) clock.
 */
import mqtt, { type MqttClient } from 'mqtt';

export const LOCAL_CLOCK_TOPIC = 'local/clock';

/** A running clock is the wall clock plus `offsetMs`; a frozen one stays at `now`. */
export interface LocalClockMessage {
  now: string;
  frozen: boolean;
  offsetMs: number;
}

/** The retained payload for a clock reading `now` at wall time `wall`. */
export function localClockMessage(now: number, frozen: boolean, wall: number = Date.now()): string {
  const message: LocalClockMessage = { now: new Date(now).toISOString(), frozen, offsetMs: now - wall };
  return JSON.stringify(message);
}

/** The clock a message describes, or undefined when the payload is not one. */
export function clockOf(payload: string, wall: () => number = Date.now): (() => number) | undefined {
  let message: Partial<LocalClockMessage>;
  try {
    message = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const at = typeof message.now === 'string' ? Date.parse(message.now) : Number.NaN;
  if (Number.isNaN(at) || typeof message.frozen !== 'boolean' || typeof message.offsetMs !== 'number') return undefined;
  const offsetMs = message.offsetMs;
  return message.frozen ? () => at : () => wall() + offsetMs;
}

export interface LocalClockFollower {
  /** The stack's clock once its message arrived, the wall clock until then (or when no stack publishes it). */
  now(): number;
  /** Whether a clock message has arrived. */
  readonly following: boolean;
  stop(): Promise<void>;
}

/**
 * Subscribes to the stack's clock on the broker at `url` (own MQTT client, clean session, reconnects);
 * `onMove` is called with the stack's time after each clock message.
 */
export function followLocalClock(
  url: string,
  clientId = `local-clock-${process.pid}`,
  onMove?: (now: number) => void,
): LocalClockFollower {
  let clock: (() => number) | undefined;
  const client: MqttClient = mqtt.connect(url, { protocolVersion: 4, clientId, clean: true, reconnectPeriod: 1_000 });
  client.on('connect', () => void client.subscribeAsync(LOCAL_CLOCK_TOPIC, { qos: 1 }).catch(() => undefined));
  client.on('error', () => undefined);
  client.on('message', (topic, payload) => {
    if (topic !== LOCAL_CLOCK_TOPIC) return;
    const next = clockOf(payload.toString('utf8'));
    if (next === undefined) return;
    clock = next;
    onMove?.(next());
  });
  return {
    now: () => (clock ? clock() : Date.now()),
    get following() {
      return clock !== undefined;
    },
    stop: async () => {
      await client.endAsync(true);
    },
  };
}
