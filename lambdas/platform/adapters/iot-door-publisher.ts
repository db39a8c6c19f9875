import { IoTDataPlaneClient, PublishCommand } from '@aws-sdk/client-iot-data-plane';
import { unlockTopic } from '../../../contracts/door-topics';
import type { UnlockCommand as UnlockMessage } from '../../../contracts/mqtt';
import type { DoorPublisher } from '../ports';

/** Publishes unlock commands through the IoT data plane; `endpoint` is the account's, or the local one. */
export class IotDoorPublisher implements DoorPublisher {
  private client: IoTDataPlaneClient | undefined;

  constructor(private readonly endpoint: string | undefined) {}

  async publishUnlock(message: UnlockMessage): Promise<void> {
    this.client ??= new IoTDataPlaneClient(this.endpoint ? { endpoint: this.endpoint } : {});
    await this.client.send(
      new PublishCommand({
        topic: unlockTopic(message.doorId),
        qos: 1,
        payload: new TextEncoder().encode(JSON.stringify(message)),
        contentType: 'application/json',
      }),
    );
  }
}
