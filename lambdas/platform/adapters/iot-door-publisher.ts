import { codesTopic, unlockTopic } from '../../../contracts/door-topics';
import type { KeypadCodeMessage, UnlockCommand as UnlockMessage } from '../../../contracts/mqtt';
import type { DoorPublisher } from '../ports';
import { type AwsClientOptions, type AwsService, awsCall, awsService, dnsSuffix, escapeSegment } from '../sdk/aws-http';

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
    private readonly options: AwsClientOptions = {},
  ) {}

  publishUnlock(message: UnlockMessage): Promise<void> {
    return this.publish(unlockTopic(message.doorId), message);
  }

  publishCode(doorId: string, message: KeypadCodeMessage): Promise<void> {
    return this.publish(codesTopic(doorId), message);
  }

  private async publish(topic: string, message: object): Promise<void> {
    this.service ??= awsService('iotdata', this.options);
    const { region } = this.service;
    const url = new URL(this.endpoint ?? `https://data-ats.iot.${region}.${dnsSuffix(region)}`);
    // the topic is one segment: its slashes escaped
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/topics/${escapeSegment(topic)}`;
    await awsCall(this.service, {
      method: 'POST',
      url,
      query: { contentType: 'application/json', qos: '1' },
      headers: { 'content-type': 'application/octet-stream' },
      body: new TextEncoder().encode(JSON.stringify(message)),
    });
  }
}
