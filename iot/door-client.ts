/**
 * Door-controller reference client (api.md, "Door controllers"): subscribes to its own unlock topic,
 * opens the lock for fresh commands addressed to it, and reports every decision on its events topic. A keypad
 * door also keeps the codes the backend adds and removes on its codes topic, and opens for a typed code
 * (`enterCode`) only inside its validity.
 *
 * MQTT 3.1.1 (the local broker speaks nothing else), QoS 1 both ways, persistent session
 * (`clean: false`, client id = thing name) so commands and codes sent during an outage are delivered on
 * reconnect; redeliveries are absorbed by the seen-set, stale ones by `expiresAt`.
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import {
  codesTopic,
  commandId as commandIdSchema,
  type DoorEvent,
  type DoorEventResult,
  doorEventReasons,
  eventsTopic,
  isDoorId,
  type KeypadCodeMessage,
  keypadCodeMessage,
  type UnlockCommand,
  unlockCommand,
  unlockTopic,
} from '../contracts/mqtt';
import { type BackoffOptions, backoffDelay } from './backoff';
import { KeypadCodes, type TypedCodeRefusal } from './keypad-codes';
import type { LockAdapter } from './lock-adapters';
import { SeenSet } from './seen-set';

export const DEFAULT_HOLD_MS = 5_000;
export const DEFAULT_SEEN_CAPACITY = 1_024;

export interface DoorClientOptions {
  /** The door this controller drives; also its IoT thing name. */
  doorId: string;
  /** `mqtt://host:port` locally, `mqtts://<iot-endpoint>:8883` in the cloud. */
  url: string;
  /** PEM client certificate, private key and CA (IoT Core). */
  cert?: string | Buffer;
  key?: string | Buffer;
  ca?: string | Buffer;
  /** MQTT client id; default the door id (IoT policies bind `client/${iot:Connection.Thing.ThingName}`). */
  clientId?: string;
  lock: LockAdapter;
  /** How long the lock stays open per command (default 5 s). */
  holdMs?: number;
  /** Epoch milliseconds (default the system clock). */
  now?: () => number;
  /** How many recent command ids are remembered for duplicate detection (default 1024). */
  seenCapacity?: number;
  /** Reconnect backoff (default 1 s doubling to a 30 s cap, with jitter). */
  backoff?: BackoffOptions;
  /** MQTT keepalive in seconds (default 30; IoT Core accepts 30–1200). */
  keepaliveSeconds?: number;
  /** How long `stop()` waits for commands in progress (default 2 s). */
  stopTimeoutMs?: number;
  /** Diagnostic lines (connects, retries, errors). Default: silent. */
  log?: (line: string) => void;
}

/** What the client did with one message on its unlock topic. */
export type CommandOutcome = DoorEventResult | 'duplicate' | 'dropped';

export interface HandledCommand {
  outcome: CommandOutcome;
  commandId?: string;
  reason?: string;
  /** The parsed command, when the payload was valid. */
  command?: UnlockCommand;
  /** The event reported on the events topic (absent for duplicates and dropped payloads). */
  event?: DoorEvent;
  /** Whether the broker acknowledged the event (QoS 1 PUBACK). */
  published: boolean;
}

/** What the door did with a typed code. */
export interface TypedCode {
  outcome: 'unlocked' | 'rejected' | 'failed';
  reason?: TypedCodeRefusal | 'lock-error';
  reservationId?: string;
}

export interface DoorClientEvents {
  /** After each valid message on the codes topic was applied (an invalid one is reported through `error`). */
  code: (message: KeypadCodeMessage) => void;
  /** After each typed code was decided (and the lock opened for it). */
  typed: (result: TypedCode) => void;
  /** After each message on the unlock topic has been handled (and its event published). */
  command: (handled: HandledCommand) => void;
  /** After an event was acknowledged by the broker. */
  event: (event: DoorEvent) => void;
  /** After each (re)connect, once the unlock subscription is in place. */
  ready: (info: { sessionPresent: boolean }) => void;
  /** The connection dropped; the next attempt is due in `delayMs`. */
  offline: (info: { attempt: number; delayMs: number }) => void;
  /** A non-fatal error (connection refused, subscription denied, publish failed...). */
  error: (error: Error) => void;
}

export interface DoorClient {
  readonly doorId: string;
  /** Resolves once first connected and subscribed; rejects if stopped before that. */
  readonly connected: Promise<void>;
  on<E extends keyof DoorClientEvents>(event: E, listener: DoorClientEvents[E]): () => void;
  /** A code typed on the keypad: opens the lock when a kept code matches and is valid now. */
  enterCode(typed: string): Promise<TypedCode>;
  /** Whether a code is kept (added, not removed, not yet past its validity when last checked). */
  hasCode(code: string): boolean;
  /** Waits briefly for commands in progress, then disconnects. Idempotent. */
  stop(): Promise<void>;
  /** The underlying mqtt.js client (tests, diagnostics). */
  readonly mqtt: MqttClient;
}

/** Connects a door controller and starts handling unlock commands. */
export function startDoorClient(options: DoorClientOptions): DoorClient {
  const { doorId, lock } = options;
  if (!isDoorId(doorId)) throw new Error(`Invalid door id ${JSON.stringify(doorId)}: letters, digits, - and _ only`);
  const now = options.now ?? (() => Date.now());
  const holdMs = options.holdMs ?? DEFAULT_HOLD_MS;
  const log = options.log ?? (() => {});
  const stopTimeoutMs = options.stopTimeoutMs ?? 2_000;
  const seen = new SeenSet(options.seenCapacity ?? DEFAULT_SEEN_CAPACITY);
  const commandTopic = unlockTopic(doorId);
  const reportTopic = eventsTopic(doorId);
  const keypadTopic = codesTopic(doorId);
  const codes = new KeypadCodes();

  const listeners: { [E in keyof DoorClientEvents]: Set<DoorClientEvents[E]> } = {
    code: new Set(),
    typed: new Set(),
    command: new Set(),
    event: new Set(),
    ready: new Set(),
    offline: new Set(),
    error: new Set(),
  };
  const emit = <E extends keyof DoorClientEvents>(event: E, ...args: Parameters<DoorClientEvents[E]>) => {
    for (const listener of listeners[event]) {
      try {
        (listener as (...a: Parameters<DoorClientEvents[E]>) => void)(...args);
      } catch (error) {
        log(`listener for ${event} threw: ${(error as Error).message}`);
      }
    }
  };
  const fail = (error: Error) => {
    log(`error: ${error.message}`);
    emit('error', error);
  };

  let resolveConnected!: () => void;
  let rejectConnected!: (error: Error) => void;
  const connected = new Promise<void>((resolve, reject) => {
    resolveConnected = resolve;
    rejectConnected = reject;
  });
  connected.catch(() => {});

  const mqttOptions: IClientOptions = {
    protocolVersion: 4,
    clientId: options.clientId ?? doorId,
    clean: false,
    keepalive: options.keepaliveSeconds ?? 30,
    reconnectPeriod: 0,
    resubscribe: false,
    connectTimeout: 10_000,
    ...(options.cert === undefined ? {} : { cert: options.cert }),
    ...(options.key === undefined ? {} : { key: options.key }),
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    ...(options.url.startsWith('mqtts:') ? { rejectUnauthorized: true } : {}),
  };
  const client = mqtt.connect(options.url, mqttOptions);

  let stopped = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  const inflight = new Set<Promise<void>>();

  client.on('error', (error) => fail(error));

  client.on('connect', (connack) => {
    attempt = 0;
    // Small packets both ways (PUBACK, then the door's event): without this, Nagle's algorithm holds the event
    // until the broker's delayed ACK, some 40 ms later (bench: unlock end to end).
    (client.stream as { setNoDelay?: (noDelay: boolean) => void } | undefined)?.setNoDelay?.(true);
    log(`connected to ${options.url} as ${mqttOptions.clientId} (session present: ${connack.sessionPresent})`);
    // Subscribe on every connect: idempotent when the session survived, required when it did not
    // (a restarted broker, an expired IoT Core session).
    client
      .subscribeAsync({ [commandTopic]: { qos: 1 }, [keypadTopic]: { qos: 1 } })
      .then((granted) => {
        const refused = granted.filter((g) => g.qos === 128).map((g) => g.topic);
        if (refused.length > 0) {
          fail(new Error(`Subscription to ${refused.join(', ')} refused by the broker`));
          return;
        }
        log(`subscribed to ${commandTopic} and ${keypadTopic}`);
        resolveConnected();
        emit('ready', { sessionPresent: connack.sessionPresent });
      })
      .catch((error: Error) => {
        if (!stopped) fail(new Error(`Subscribing to ${commandTopic} and ${keypadTopic} failed: ${error.message}`));
      });
  });

  client.on('close', () => {
    if (stopped || retryTimer !== undefined) return;
    const delayMs = backoffDelay(attempt, options.backoff);
    attempt += 1;
    log(`connection closed; retry ${attempt} in ${delayMs} ms`);
    emit('offline', { attempt, delayMs });
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (stopped) return;
      // Keep the stores: unacknowledged QoS 1 events are resent in the resumed session.
      client.reconnect({ incomingStore: client.incomingStore, outgoingStore: client.outgoingStore });
    }, delayMs);
  });

  client.on('message', (topic, payload) => {
    if (stopped) return;
    if (topic === keypadTopic) {
      keep(payload);
      return;
    }
    const work = handle(topic, payload)
      .then((handled) => emit('command', handled))
      .catch((error: Error) => fail(error));
    inflight.add(work);
    void work.finally(() => inflight.delete(work));
  });

  function keep(payload: Buffer): void {
    let raw: unknown;
    try {
      raw = JSON.parse(payload.toString('utf8'));
    } catch {
      raw = undefined;
    }
    const parsed = keypadCodeMessage.safeParse(raw);
    if (!parsed.success) {
      fail(new Error(`Dropped a malformed message on ${keypadTopic}`));
      return;
    }
    codes.apply(parsed.data);
    log(`code ${parsed.data.action} for reservation ${parsed.data.reservationId}`);
    emit('code', parsed.data);
  }

  async function enterCode(typed: string): Promise<TypedCode> {
    const decision = codes.decide(typed.trim(), now());
    let result: TypedCode;
    if (!decision.ok) result = { outcome: 'rejected', reason: decision.reason };
    else {
      try {
        await lock.open(holdMs);
        result = { outcome: 'unlocked', reservationId: decision.reservationId };
      } catch (error) {
        log(`lock failed for a typed code: ${(error as Error).message}`);
        result = { outcome: 'failed', reason: 'lock-error', reservationId: decision.reservationId };
      }
    }
    emit('typed', result);
    return result;
  }

  async function report(
    commandId: string,
    result: DoorEventResult,
    reason?: string,
  ): Promise<{ event: DoorEvent; published: boolean }> {
    const event: DoorEvent = {
      commandId,
      doorId,
      result,
      ...(reason === undefined ? {} : { reason }),
      at: new Date(now()).toISOString(),
    };
    try {
      await client.publishAsync(reportTopic, JSON.stringify(event), { qos: 1 });
      emit('event', event);
      return { event, published: true };
    } catch (error) {
      fail(new Error(`Publishing ${result} for ${commandId} failed: ${(error as Error).message}`));
      return { event, published: false };
    }
  }

  /** Decides synchronously (duplicate detection must not race a redelivery), then acts. */
  function handle(topic: string, payload: Buffer): Promise<HandledCommand> {
    if (topic !== commandTopic) {
      return Promise.resolve({ outcome: 'dropped', reason: `unexpected topic ${topic}`, published: false });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(payload.toString('utf8'));
    } catch {
      raw = undefined;
    }
    const parsed = unlockCommand.safeParse(raw);
    if (!parsed.success) {
      const id = commandIdSchema.safeParse((raw as { commandId?: unknown } | null | undefined)?.commandId);
      if (!id.success) {
        return Promise.resolve({ outcome: 'dropped', reason: doorEventReasons.malformed, published: false });
      }
      if (!seen.addIfNew(id.data))
        return Promise.resolve({ outcome: 'duplicate', commandId: id.data, published: false });
      return rejected(id.data, doorEventReasons.malformed);
    }
    const command = parsed.data;
    if (!seen.addIfNew(command.commandId)) {
      return Promise.resolve({ outcome: 'duplicate', commandId: command.commandId, command, published: false });
    }
    if (command.doorId !== doorId) return rejected(command.commandId, doorEventReasons.wrongDoor, command);
    if (Date.parse(command.expiresAt) <= now()) return rejected(command.commandId, doorEventReasons.expired, command);
    return unlock(command);
  }

  async function rejected(commandId: string, reason: string, command?: UnlockCommand): Promise<HandledCommand> {
    const { event, published } = await report(commandId, 'rejected', reason);
    return { outcome: 'rejected', commandId, reason, event, published, ...(command ? { command } : {}) };
  }

  async function unlock(command: UnlockCommand): Promise<HandledCommand> {
    try {
      await lock.open(holdMs);
    } catch (error) {
      log(`lock failed for ${command.commandId}: ${(error as Error).message}`);
      const reason = doorEventReasons.lockError;
      const { event, published } = await report(command.commandId, 'failed', reason);
      return { outcome: 'failed', commandId: command.commandId, reason, command, event, published };
    }
    const { event, published } = await report(command.commandId, 'unlocked');
    return { outcome: 'unlocked', commandId: command.commandId, command, event, published };
  }

  let stopping: Promise<void> | undefined;
  async function stop(): Promise<void> {
    stopping ??= (async () => {
      stopped = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      retryTimer = undefined;
      rejectConnected(new Error(`Door client ${doorId} stopped before it connected`));
      await withTimeout(Promise.allSettled([...inflight]), stopTimeoutMs);
      const graceful = client.connected && Object.keys(client.outgoing).length === 0;
      const ended = await withTimeout(client.endAsync(!graceful), stopTimeoutMs);
      if (!ended) client.stream?.destroy();
      log('stopped');
    })();
    return stopping;
  }

  return {
    doorId,
    connected,
    mqtt: client,
    stop,
    enterCode,
    hasCode: (code) => codes.has(code),
    on(event, listener) {
      listeners[event].add(listener);
      return () => {
        listeners[event].delete(listener);
      };
    },
  };
}

/** Whether `promise` settled within `ms`. */
async function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true).catch(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
