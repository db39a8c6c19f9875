import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { codesTopic, unlockTopic } from '../../../contracts/door-topics';
import type { KeypadCodeMessage, UnlockCommand as UnlockMessage } from '../../../contracts/mqtt';
import type { DoorPublisher } from '../ports';
import { type AwsService, awsCall, awsRegion, dnsSuffix, type HttpHandler, processCredentials } from '../sdk/aws-http';

/** Settings of {@link IotDoorPublisher} beyond its endpoint (tests). */
export interface IotDoorPublisherOptions {
  /** @default AWS_REGION */
  region?: string;
  /** @default the process's credentials, as the SDK's clients find them */
  credentials?: AwsCredentialIdentityProvider;
  handler?: HttpHandler;
}

/** A topic as one path segment: `encodeURIComponent`, and `!'()*` too (slashes escaped), as the SDK's. */
const escapeLabel = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Publishes unlock commands through the IoT data plane; `endpoint` is the account's, or the local one. One signed
 * `Publish` (restJson1: `POST /topics/{topic}?contentType=…&qos=1`, the message as the body) through
 * lambdas/platform/sdk/aws-http.ts, the request the SDK's `IoTDataPlaneClient` sends
 * (test/unit/platform/aws-calls.test.ts holds them side by side), without the client.
 */
export class IotDoorPublisher implements DoorPublisher {
  private service: AwsService | undefined;

  constructor(
    private readonly endpoint: string | undefined,
    private readonly options: IotDoorPublisherOptions = {},
  ) {}

  publishUnlock(message: UnlockMessage): Promise<void> {
    return this.publish(unlockTopic(message.doorId), message);
  }

  publishCode(doorId: string, message: KeypadCodeMessage): Promise<void> {
    return this.publish(codesTopic(doorId), message);
  }

  private async publish(topic: string, message: object): Promise<void> {
    const region = this.options.region ?? awsRegion();
    this.service ??= {
      signingName: 'iotdata',
      region,
      credentials: this.options.credentials ?? processCredentials(),
      ...(this.options.handler ? { handler: this.options.handler } : {}),
    };
    const url = new URL(this.endpoint ?? `https://data-ats.iot.${region}.${dnsSuffix(region)}`);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/topics/${escapeLabel(topic)}`;
    await awsCall(this.service, {
      method: 'POST',
      url,
      query: { contentType: 'application/json', qos: '1' },
      headers: { 'content-type': 'application/octet-stream' },
      body: new TextEncoder().encode(JSON.stringify(message)),
    });
  }
}
