/**
 * The MQTT floor of an unlock: a QoS 1 publish on the stack's broker to a subscriber on another
 * connection (what a door controller receives), with a payload the size of an unlock command.
 */
import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { deal, type PhaseResult, runLoad } from './load';
import type { Progress } from './progress';

const TOPIC = 'bench/floor';

export class MqttFloor {
  private readonly waiting = new Map<string, () => void>();

  private constructor(
    private readonly publisher: MqttClient,
    private readonly subscriber: MqttClient,
  ) {
    subscriber.on('message', (_topic, payload) => {
      const id = (JSON.parse(payload.toString('utf8')) as { commandId: string }).commandId;
      this.waiting.get(id)?.();
      this.waiting.delete(id);
    });
  }

  static async connect(url: string): Promise<MqttFloor> {
    const options = { protocolVersion: 4 as const, reconnectPeriod: 0, connectTimeout: 5_000 };
    const subscriber = await mqtt.connectAsync(url, { ...options, clientId: `bench-sub-${randomUUID().slice(0, 8)}` });
    const publisher = await mqtt.connectAsync(url, { ...options, clientId: `bench-pub-${randomUUID().slice(0, 8)}` });
    await subscriber.subscribeAsync(TOPIC, { qos: 1 });
    return new MqttFloor(publisher, subscriber);
  }

  /** One publish → receive, in ms. */
  private async once(): Promise<void> {
    const commandId = randomUUID();
    const received = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('MQTT floor: message not received within 5 s')), 5_000);
      this.waiting.set(commandId, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const issuedAt = new Date().toISOString();
    const payload = JSON.stringify({
      commandId,
      doorId: 'bench-floor-door',
      reservationId: randomUUID(),
      purpose: 'reentry',
      issuedAt,
      expiresAt: issuedAt,
    });
    await this.publisher.publishAsync(TOPIC, payload, { qos: 1 });
    await received;
  }

  async measure(progress: Progress): Promise<{ c1: PhaseResult; c16: PhaseResult }> {
    const step = { exec: () => this.once() };
    progress.step('latency unlock: MQTT floor (publish → receive)');
    await runLoad(
      deal(32, 16, () => 0),
      step,
    );
    const c1 = await runLoad(
      deal(100, 1, () => 0),
      step,
      progress,
    );
    const c16 = await runLoad(
      deal(200, 16, () => 0),
      step,
      progress,
    );
    return { c1, c16 };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.endAsync(true), this.subscriber.endAsync(true)]);
  }
}
