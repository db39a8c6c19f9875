/**
 * Local stand-in for the IoT data-plane endpoint: serves the one REST call handlers make, `Publish`
 * (`POST /topics/{topic}?qos=&retain=` with the raw payload as body, as `@aws-sdk/client-iot-data-plane`
 * serializes it), and forwards it to the local broker. Handlers keep the real `IoTDataPlaneClient` with an
 * `endpoint` override. Signatures are not checked.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { BrokerQos, LocalBroker } from './broker';
import { listenOn } from './ports';

/** IoT Core's payload limit for one message. */
const MAX_PAYLOAD_BYTES = 128 * 1024;
/** IoT Core's topic limit (UTF-8 bytes). */
const MAX_TOPIC_BYTES = 256;

export interface IotEndpoint {
  /** `http://host:port`: pass as `endpoint` to `IoTDataPlaneClient`. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface IotEndpointOptions {
  /** TCP port; 0 picks a free one. */
  port: number;
  host?: string;
  broker: Pick<LocalBroker, 'publish'>;
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the publish endpoint. Fails with a one-line error when the port is taken. */
export async function startIotEndpoint({ port, host = '127.0.0.1', broker }: IotEndpointOptions): Promise<IotEndpoint> {
  const server = createServer((request, response) => {
    handle(request, broker).then(
      () => answer(response, 200, {}),
      (error: unknown) => {
        if (error instanceof RequestError) {
          answer(response, error.status, { message: error.message }, error.type);
        } else {
          answer(response, 500, { message: (error as Error).message }, 'InternalFailureException');
        }
      },
    );
  });
  const boundPort = await listenOn(server, port, host, 'IoT publish endpoint');

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopping;
    },
  };
}

async function handle(request: IncomingMessage, broker: Pick<LocalBroker, 'publish'>): Promise<void> {
  const payload = await readBody(request);
  const url = new URL(request.url ?? '/', 'http://localhost');
  const match = /^\/topics\/(.+)$/.exec(url.pathname);
  if (!match?.[1]) {
    throw new RequestError(404, 'ResourceNotFoundException', `No such route: ${request.method} ${url.pathname}`);
  }
  if (request.method !== 'POST') {
    throw new RequestError(405, 'MethodNotAllowedException', `${request.method} is not allowed on /topics/{topic}`);
  }
  let topic: string;
  try {
    topic = decodeURIComponent(match[1]);
  } catch {
    throw new RequestError(400, 'InvalidRequestException', 'Topic is not valid percent-encoding');
  }
  if (/[+#]/.test(topic) || topic.startsWith('$') || Buffer.byteLength(topic) > MAX_TOPIC_BYTES) {
    throw new RequestError(400, 'InvalidRequestException', `Invalid topic for publishing: ${topic}`);
  }
  const qos = parseQos(url.searchParams.get('qos'));
  const retain = url.searchParams.get('retain') === 'true';
  await broker.publish(topic, payload, qos, retain);
}

function parseQos(value: string | null): BrokerQos {
  if (value === null || value === '0') return 0;
  if (value === '1') return 1;
  throw new RequestError(400, 'InvalidRequestException', `qos must be 0 or 1, got ${value}`);
}

/** Reads the whole body; an oversized one is drained (not buffered) and answered 413. */
function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    request.once('error', reject);
    request.once('end', () => {
      if (size > MAX_PAYLOAD_BYTES) {
        reject(new RequestError(413, 'RequestEntityTooLargeException', `Payload exceeds ${MAX_PAYLOAD_BYTES} bytes`));
      } else {
        resolve(Buffer.concat(chunks));
      }
    });
  });
}

function answer(response: ServerResponse, status: number, body: object, errorType?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(text);
}
