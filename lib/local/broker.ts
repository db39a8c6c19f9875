/**
 * Local stand-in for IoT Core's message broker: aedes 1.x (MQTT 3.1.1) over plain TCP.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { Aedes, type AedesPublishPacket } from 'aedes';
import { listenOn } from './ports';

export type BrokerQos = 0 | 1;

export interface LocalBroker {
  aedes: Aedes;
  host: string;
  port: number;
  /** `mqtt://host:port` */
  url: string;
  /** Publishes as the server (what the IoT data-plane endpoint does for handlers). */
  publish(topic: string, payload: string | Buffer, qos?: BrokerQos, retain?: boolean): Promise<void>;
  /** Server-side subscription to an MQTT filter (`+`/`#` allowed); resolves to an unsubscribe function. */
  onPublish(filter: string, handler: (topic: string, payload: Buffer) => void): Promise<() => Promise<void>>;
  /** Disconnects every client and closes the listener. Idempotent. */
  stop(): Promise<void>;
}

export interface BrokerOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  host?: string;
}

/** Starts aedes on `host:port`. Fails with a one-line error when the port is taken. */
export async function startBroker({ port, host = '127.0.0.1' }: BrokerOptions): Promise<LocalBroker> {
  const aedes = await Aedes.createBroker();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    aedes.handle(socket);
  });
  let boundPort: number;
  try {
    boundPort = await listenOn(server, port, host, 'set MQTT_PORT to another port');
  } catch (error) {
    await new Promise<void>((resolve) => aedes.close(() => resolve()));
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    aedes,
    host,
    port: boundPort,
    url: `mqtt://${host}:${boundPort}`,
    publish(topic, payload, qos = 0, retain = false) {
      return new Promise((resolve, reject) => {
        aedes.publish(
          {
            cmd: 'publish',
            topic,
            payload: typeof payload === 'string' ? Buffer.from(payload) : payload,
            qos,
            retain,
            dup: false,
          },
          (error) => (error ? reject(error) : resolve()),
        );
      });
    },
    async onPublish(filter, handler) {
      const deliver = (packet: AedesPublishPacket, done: () => void) => {
        try {
          const payload =
            typeof packet.payload === 'string' ? Buffer.from(packet.payload) : Buffer.from(packet.payload);
          handler(packet.topic, payload);
        } finally {
          done();
        }
      };
      await new Promise<void>((resolve) => aedes.subscribe(filter, deliver, resolve));
      return () => new Promise<void>((resolve) => aedes.unsubscribe(filter, deliver, resolve));
    },
    stop() {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await new Promise<void>((resolve) => aedes.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
        await closed;
      })();
      return stopping;
    },
  };
}
