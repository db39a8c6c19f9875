import { describe, expect, it } from 'vitest';
import { doorCommand, provisionDoor, type Sender, stackDoorSettings } from '../../../iot/provision';

/** Records every command and answers like the IoT control plane would. */
function fakeIot(options: { thingExists?: boolean } = {}) {
  const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
  const sender: Sender = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      sent.push({ name: command.constructor.name, input: command.input });
      if (command.constructor.name === 'CreateThingCommand' && options.thingExists) {
        throw Object.assign(new Error('exists'), { name: 'ResourceAlreadyExistsException' });
      }
      if (command.constructor.name === 'CreateKeysAndCertificateCommand') {
        return {
          certificateArn: 'arn:aws:iot:ap-northeast-1:1:cert/abc',
          certificatePem: 'PEM',
          keyPair: { PrivateKey: 'KEY' },
        };
      }
      return {};
    },
  };
  return { sender, sent };
}

const settings = { endpoint: 'abc-ats.iot.ap-northeast-1.amazonaws.com', policyName: 'coworking-dev-door' };

describe('provisionDoor', () => {
  it('creates the thing and an active certificate, attaches the door policy and the thing', async () => {
    const { sender, sent } = fakeIot();
    const door = await provisionDoor(sender, settings, 'tw-shibuya-door');
    expect(sent.map((s) => s.name)).toEqual([
      'CreateThingCommand',
      'CreateKeysAndCertificateCommand',
      'AttachPolicyCommand',
      'AttachThingPrincipalCommand',
    ]);
    expect(sent[1]?.input).toEqual({ setAsActive: true });
    expect(sent[2]?.input).toEqual({ policyName: 'coworking-dev-door', target: door.certificateArn });
    expect(sent[3]?.input).toEqual({ thingName: 'tw-shibuya-door', principal: door.certificateArn });
    expect(doorCommand(door, '.certs/x')).toBe(
      'npm run door -- --door tw-shibuya-door --endpoint abc-ats.iot.ap-northeast-1.amazonaws.com --cert .certs/x/certificate.pem.crt --key .certs/x/private.pem.key',
    );
  });

  it('keeps an existing thing and still issues a certificate', async () => {
    const { sender, sent } = fakeIot({ thingExists: true });
    await provisionDoor(sender, settings, 'door-1');
    expect(sent).toHaveLength(4);
  });

  it('refuses a door id that is not a topic-safe thing name', async () => {
    const { sender, sent } = fakeIot();
    await expect(provisionDoor(sender, settings, 'doors/#')).rejects.toThrow(/Invalid door id/);
    expect(sent).toEqual([]);
  });
});

describe('stackDoorSettings', () => {
  it('reads the endpoint host and policy name from the stack outputs', async () => {
    const cloudFormation: Sender = {
      send: async () => ({
        Stacks: [
          {
            Outputs: [
              { OutputKey: 'IotDataEndpoint', OutputValue: 'https://abc-ats.iot.ap-northeast-1.amazonaws.com' },
              { OutputKey: 'DoorPolicyName', OutputValue: 'coworking-dev-door' },
            ],
          },
        ],
      }),
    };
    expect(await stackDoorSettings(cloudFormation, 'Coworking-dev-Async')).toEqual(settings);
  });

  it('says to deploy first when the outputs are missing', async () => {
    await expect(stackDoorSettings({ send: async () => ({ Stacks: [{}] }) }, 'Coworking-dev-Async')).rejects.toThrow(
      /deploy it first/,
    );
  });
});
