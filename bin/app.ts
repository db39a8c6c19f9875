/**
 * CDK app: `cdk synth|deploy -c stage=dev|prod` (default dev). What it holds: lib/app.ts.
 */
import { App } from 'aws-cdk-lib';
import { buildBackendApp } from '../lib/app';

const app = new App();
buildBackendApp(app);
app.synth();
