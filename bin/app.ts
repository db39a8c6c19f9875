/**
 * CDK app: `cdk synth|deploy -c stage=dev|prod` (default dev).
 */
import { App, Tags } from 'aws-cdk-lib';
import { BackendStack } from '../lib/backend-stack';
import { getStageConfig } from '../lib/config';

const app = new App();
const config = getStageConfig(String(app.node.tryGetContext('stage') ?? 'dev'));

new BackendStack(app, `Coworking-${config.stage}`, {
  config,
  env: config.env,
  description: `Coworking reservation backend (${config.stage})`,
  tags: { project: 'coworking', stage: config.stage },
});

Tags.of(app).add('project', 'coworking');
Tags.of(app).add('stage', config.stage);

// Compliance checks hook: cdk-nag is added here (Validations.of(app).addPlugins(...)), after every
// stack exists and before synthesis.

app.synth();
