import { IoTDataPlaneClient, PublishCommand } from '@aws-sdk/client-iot-data-plane';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_WILDCARD, unlockTopic } from '../../../contracts/mqtt';
import { startDoorClient } from '../../../iot/door-client';
import { type LocalBroker, startBroker } from '../../../lib/local/broker';
import { type IotEndpoint, startIotEndpoint } from '../../../lib/local/iot-endpoint';
import { fakeLock, makeCommand, uniqueDoorId, waitFor } from './support';

describe('local broker', () => {
  it('refuses a port in use with a one-line error', async () => {
    const first = await startBroker({ port: 0 });
    try {
      await expect(startBroker({ port: first.port })).rejects.toThrow(
        `Port ${first.port} is in use (set MQTT_PORT to another port)`,
      );
    } finally {
      await first.stop();
    }
  });

  it('publishes from the server side and observes client publishes through a filter', async () => {
    const broker = await startBroker({ port: 0 });
    const client = await mqtt.connectAsync(broker.url, { protocolVersion: 4, reconnectPeriod: 0 });
    try {
      const seen: string[] = [];
      const unsubscribe = await broker.onPublish(EVENTS_WILDCARD, (topic, payload) =>
        seen.push(`${topic} ${payload.toString()}`),
      );
      const received: string[] = [];
      client.on('message', (topic, payload) => received.push(`${topic} ${payload.toString()}`));
      await client.subscribeAsync('doors/d1/unlock', { qos: 1 });
      await broker.publish('doors/d1/unlock', '{"x":1}', 1);
      await client.publishAsync('doors/d1/events', 'e1', { qos: 1 });
      await client.publishAsync('doors/d1/other', 'o1', { qos: 1 });
      await waitFor(() => received.length === 1 && seen.length === 1, 'both directions');
      expect(received).toEqual(['doors/d1/unlock {"x":1}']);
      expect(seen).toEqual(['doors/d1/events e1']);
      await unsubscribe();
      await client.publishAsync('doors/d1/events', 'e2', { qos: 1 });
      expect(seen).toEqual(['doors/d1/events e1']);
    } finally {
      await client.endAsync(true);
      await broker.stop();
    }
  });

  it('stop() disconnects clients and frees the port', async () => {
    const broker = await startBroker({ port: 0 });
    const client = await mqtt.connectAsync(broker.url, { protocolVersion: 4, reconnectPeriod: 0 });
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    await broker.stop();
    await broker.stop();
    await closed;
    const again = await startBroker({ port: broker.port });
    await again.stop();
    await client.endAsync(true);
  });
});

describe('local IoT data-plane endpoint', () => {
  let broker: LocalBroker;
  let endpoint: IotEndpoint;
  let iot: IoTDataPlaneClient;

  beforeAll(async () => {
    broker = await startBroker({ port: 0 });
    endpoint = await startIotEndpoint({ port: 0, broker });
    iot = new IoTDataPlaneClient({
      endpoint: endpoint.url,
      region: 'ap-northeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterAll(async () => {
    iot?.destroy();
    await endpoint?.stop();
    await broker?.stop();
  });

  it('forwards a PublishCommand from the real SDK client to MQTT subscribers', async () => {
    const subscriber = await mqtt.connectAsync(broker.url, { protocolVersion: 4, reconnectPeriod: 0 });
    try {
      const received: { topic: string; payload: string; qos: number; retain: boolean }[] = [];
      subscriber.on('message', (topic, payload, packet) =>
        received.push({ topic, payload: payload.toString(), qos: packet.qos, retain: packet.retain }),
      );
      await subscriber.subscribeAsync('doors/+/unlock', { qos: 1 });
      const answer = await iot.send(
        new PublishCommand({
          topic: 'doors/door-9/unlock',
          qos: 1,
          payload: new TextEncoder().encode('{"hello":"ü"}'),
        }),
      );
      expect(answer.$metadata.httpStatusCode).toBe(200);
      await waitFor(() => received.length === 1, 'the MQTT delivery');
      expect(received).toEqual([{ topic: 'doors/door-9/unlock', payload: '{"hello":"ü"}', qos: 1, retain: false }]);
    } finally {
      await subscriber.endAsync(true);
    }
  });

  it('drives a door client end to end: SDK publish → unlock → event', async () => {
    const doorId = uniqueDoorId();
    const lock = fakeLock();
    const door = startDoorClient({ doorId, url: broker.url, lock, holdMs: 0 });
    const events: string[] = [];
    const unsubscribe = await broker.onPublish(EVENTS_WILDCARD, (_topic, payload) => events.push(payload.toString()));
    try {
      await door.connected;
      const command = makeCommand(doorId);
      await iot.send(
        new PublishCommand({
          topic: unlockTopic(doorId),
          qos: 1,
          payload: new TextEncoder().encode(JSON.stringify(command)),
        }),
      );
      const event = await waitFor(() => events[0], 'the door event');
      expect(JSON.parse(event)).toMatchObject({ commandId: command.commandId, doorId, result: 'unlocked' });
      expect(lock.opens).toEqual([0]);
    } finally {
      await unsubscribe();
      await door.stop();
    }
  });

  it('answers InvalidRequestException for a wildcard topic', async () => {
    await expect(
      iot.send(new PublishCommand({ topic: 'doors/+/unlock', qos: 1, payload: new Uint8Array() })),
    ).rejects.toMatchObject({ name: 'InvalidRequestException', $metadata: { httpStatusCode: 400 } });
  });

  it('answers 404 for other routes', async () => {
    const response = await fetch(`${endpoint.url}/things/x/shadow`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
  });
});
