import { IoTDataPlaneClient, PublishCommand } from '@aws-sdk/client-iot-data-plane';
import { codesTopic, unlockTopic } from '../../../contracts/door-topics';
import type { KeypadCodeMessage, UnlockCommand as UnlockMessage } from '../../../contracts/mqtt';
import type { DoorPublisher } from '../ports';

/** Publishes unlock commands through the IoT data plane; `endpoint` is the account's, or the local one. */
export class IotDoorPublisher implements DoorPublisher {
  private client: IoTDataPlaneClient | undefined;

  constructor(private readonly endpoint: string | undefined) {}

  publishUnlock(message: UnlockMessage): Promise<void> {
    return this.publish(unlockTopic(message.doorId), message);
  }

  publishCode(doorId: string, message: KeypadCodeMessage): Promise<void> {
    return this.publish(codesTopic(doorId), message);
  }

  private async publish(topic: string, message: object): Promise<void> {
    this.client ??= new IoTDataPlaneClient(this.endpoint ? { endpoint: this.endpoint } : {});
    await this.client.send(
      new PublishCommand({
        topic,
        qos: 1,
        payload: new TextEncoder().encode(JSON.stringify(message)),
        contentType: 'application/json',
      }),
    );
  }
}
