/**
 * `npm run provision-door -- --door <doorId> [--stage dev] [--out .certs]`: provisions a door controller
 * against a deployed stage (needs AWS credentials for that stage's account). The region is the stage's, from
 * lib/config.ts, never the profile's: a door provisioned in another region would look for a stack that is not
 * there, or find another one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { IoTClient } from '@aws-sdk/client-iot';
import { doorCommand, doorSettingsStackName, provisionDoor, stackDoorSettings } from '../iot/provision';
import { accountVariable, parseStage, stageTarget } from '../lib/config';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { door: { type: 'string' }, stage: { type: 'string', default: 'dev' }, out: { type: 'string' } },
  });
  if (!values.door) throw new Error('usage: npm run provision-door -- --door <doorId> [--stage dev] [--out <folder>]');
  const stage = parseStage(values.stage ?? 'dev');
  const { account, region } = stageTarget(stage);
  const stackName = doorSettingsStackName(stage);
  const settings = await stackDoorSettings(new CloudFormationClient({ region }), stackName).catch((error: unknown) => {
    const where = account ? `; ${stage} lives in account ${account} (${accountVariable(stage)})` : '';
    throw new Error(
      `${error instanceof Error ? error.message : String(error)} (in ${region}, with the current credentials${where})`,
    );
  });
  const door = await provisionDoor(new IoTClient({ region }), settings, values.door);
  const folder = values.out ?? join('.certs', door.doorId);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  writeFileSync(join(folder, 'certificate.pem.crt'), door.certificatePem, { mode: 0o600 });
  writeFileSync(join(folder, 'private.pem.key'), door.privateKey, { mode: 0o600 });
  console.log(
    `Door ${door.doorId} (${stage}, ${region}): thing ${door.thingName}, certificate ${door.certificateArn}, policy ${door.policyName}`,
  );
  console.log(`Certificate and key in ${folder} (keep the key secret). Run the door controller with:`);
  console.log(`  ${doorCommand(door, folder)}`);
}

main().catch((error: unknown) => {
  console.error(`provision-door failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
