/**
 * CDK app: `cdk synth|deploy -c stage=dev|prod` (default dev). What it holds: lib/app.ts. A stage whose settings
 * refuse the environment (lib/config.ts: no pinned prod account, two stages in one account, no ALARM_EMAIL for
 * prod, …) stops synthesis with the message alone.
 */
import { App } from 'aws-cdk-lib';
import { buildBackendApp } from '../lib/app';
import { StageConfigError } from '../lib/config';

const app = new App();
try {
  buildBackendApp(app);
} catch (error) {
  if (!(error instanceof StageConfigError)) throw error;
  console.error(`Not synthesized: ${error.message}`);
  process.exit(1);
}
app.synth();
