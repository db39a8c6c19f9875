/**
 * What the CDK app is, apart from synthesizing it: the backend stack of the stage named by the `stage` context
 * (default dev), tagged, with cdk-nag's AwsSolutions pack checking it at synthesis (a finding not acknowledged in
 * lib/nag-acknowledgements.ts fails `cdk synth` and `cdk deploy`). bin/app.ts and the CDK tests both build it here.
 */
import { type App, Tags } from 'aws-cdk-lib';
import { BackendStack } from './backend-stack';
import { getStageConfig } from './config';
import { addNagChecks } from './nag-acknowledgements';

/** Adds the stage's backend stack and the compliance checks to `app`; returns the stack. */
export function buildBackendApp(app: App): BackendStack {
  const config = getStageConfig(String(app.node.tryGetContext('stage') ?? 'dev'));
  const backend = new BackendStack(app, `Coworking-${config.stage}`, {
    config,
    env: config.env,
    description: `Coworking reservation backend (${config.stage})`,
  });
  Tags.of(app).add('project', 'coworking');
  Tags.of(app).add('stage', config.stage);
  // after every stack exists, before synthesis
  addNagChecks(app, [backend]);
  return backend;
}
