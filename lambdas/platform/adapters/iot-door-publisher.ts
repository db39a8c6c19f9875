import { IoTDataPlaneClient, PublishCommand } from '@aws-sdk/client-iot-data-plane';
import { unlockTopic } from '../../../contracts/topics';
import type { UnlockCommand } from '../../domain/model';
import { unlockMessage } from '../../modules/booking/views';

let client: IoTDataPlaneClient | undefined;

/** The IoT data-plane client, made once: `IOT_DATA_ENDPOINT` is the account's endpoint, or the local one. */
function iot(): IoTDataPlaneClient {
  client ??= new IoTDataPlaneClient(process.env.IOT_DATA_ENDPOINT ? { endpoint: process.env.IOT_DATA_ENDPOINT } : {});
  return client;
}

/** Publishes a recorded unlock command to its door, QoS 1. */
export async function publishUnlock(command: UnlockCommand): Promise<void> {
  await iot().send(
    new PublishCommand({
      topic: unlockTopic(command.doorId),
      qos: 1,
      payload: new TextEncoder().encode(JSON.stringify(unlockMessage(command))),
      contentType: 'application/json',
    }),
  );
}
