/**
 * Door provisioning: an IoT thing for a door, its certificate, and the door policy the stack created.
 * The certificate and key are written to a folder; the command to run the reference client against the
 * stage's IoT endpoint is printed. The endpoint and policy name come from the outputs of the stage's
 * asynchronous-work stack ({@link doorSettingsStackName}), which holds the door channel.
 */
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateKeysAndCertificateCommand,
  CreateThingCommand,
} from '@aws-sdk/client-iot';
import { isDoorId } from '../contracts/mqtt';

/** Anything with the SDK's `send`: the real clients, or a recording fake in tests. */
export interface Sender {
  // biome-ignore lint/suspicious/noExplicitAny: the SDK clients' send is generic over every command
  send(command: any): Promise<any>;
}

export interface ProvisionedDoor {
  doorId: string;
  thingName: string;
  certificateArn: string;
  certificatePem: string;
  privateKey: string;
  /** The MQTT host of the stage (`xxxx-ats.iot.<region>.amazonaws.com`). */
  endpoint: string;
  policyName: string;
}

/**
 * The stack of a stage whose outputs hold IotDataEndpoint and DoorPolicyName: `Coworking-<stage>-Async` (the
 * CDK app's asynchronous-work stack; a CDK test checks the two agree).
 */
export const doorSettingsStackName = (stage: string): string => `Coworking-${stage}-Async`;

/** The stack's IoT data endpoint host and door policy name, from its outputs. */
export async function stackDoorSettings(cloudFormation: Sender, stackName: string) {
  const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = new Map<string, string>(
    (Stacks?.[0]?.Outputs ?? []).map((o: { OutputKey?: string; OutputValue?: string }) => [
      o.OutputKey ?? '',
      o.OutputValue ?? '',
    ]),
  );
  const endpointUrl = outputs.get('IotDataEndpoint');
  const policyName = outputs.get('DoorPolicyName');
  if (!endpointUrl || !policyName) {
    throw new Error(`Stack ${stackName} has no IotDataEndpoint/DoorPolicyName outputs: deploy it first`);
  }
  return { endpoint: new URL(endpointUrl).host, policyName };
}

/** Creates the thing (kept if it exists), a new active certificate, and attaches the policy and the thing. */
export async function provisionDoor(
  iot: Sender,
  settings: { endpoint: string; policyName: string },
  doorId: string,
): Promise<ProvisionedDoor> {
  if (!isDoorId(doorId)) throw new Error(`Invalid door id ${JSON.stringify(doorId)}: letters, digits, - and _ only`);
  try {
    await iot.send(new CreateThingCommand({ thingName: doorId, attributePayload: { attributes: { kind: 'door' } } }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceAlreadyExistsException') throw error;
  }
  const certificate = await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
  const certificateArn = String(certificate.certificateArn);
  await iot.send(new AttachPolicyCommand({ policyName: settings.policyName, target: certificateArn }));
  await iot.send(new AttachThingPrincipalCommand({ thingName: doorId, principal: certificateArn }));
  return {
    doorId,
    thingName: doorId,
    certificateArn,
    certificatePem: String(certificate.certificatePem),
    privateKey: String(certificate.keyPair?.PrivateKey),
    endpoint: settings.endpoint,
    policyName: settings.policyName,
  };
}

/** How to run the reference door client with the provisioned certificate. */
export const doorCommand = (door: ProvisionedDoor, folder: string) =>
  `npm run door -- --door ${door.doorId} --endpoint ${door.endpoint} --cert ${folder}/certificate.pem.crt --key ${folder}/private.pem.key`;
