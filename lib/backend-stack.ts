import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from './config';
import { Alarms } from './constructs/alarms';
import { Api } from './constructs/api';
import { Auth } from './constructs/auth';
import { DASHBOARD_PERIOD, OperationsDashboard } from './constructs/dashboard';
import { DoorChannel } from './constructs/door-channel';
import { CoworkingTable } from './constructs/table';
import { Timers } from './constructs/timers';

/** Props of {@link BackendStack}. */
export interface BackendStackProps extends StackProps {
  /** Settings of the stage this stack is deployed as. */
  readonly config: StageConfig;
}

/**
 * The backend of one stage: alarms, table, user pool and its triggers, door channel, timers, HTTP API, and the
 * operations dashboard. Composes constructs only.
 */
export class BackendStack extends Stack {
  readonly alarms: Alarms;
  readonly data: CoworkingTable;
  readonly auth: Auth;
  readonly doorChannel: DoorChannel;
  readonly timers: Timers;
  readonly api: Api;
  readonly dashboard: OperationsDashboard;

  constructor(scope: Construct, id: string, props: BackendStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.alarms = new Alarms(this, 'Alarms', { config });
    this.data = new CoworkingTable(this, 'Data', { config });
    this.auth = new Auth(this, 'Auth', { config, table: this.data.table });
    this.doorChannel = new DoorChannel(this, 'DoorChannel', { config, table: this.data.table, alarms: this.alarms });
    this.timers = new Timers(this, 'Timers', { config, table: this.data.table, alarms: this.alarms });
    this.api = new Api(this, 'Api', {
      config,
      table: this.data.table,
      alarms: this.alarms,
      issuerUrl: this.auth.issuerUrl,
      jwtAudience: [this.auth.userPoolClient.userPoolClientId],
      requiredScope: this.auth.apiScope,
      unlockPublisher: this.doorChannel,
      timerStarter: this.timers,
    });
    this.dashboard = new OperationsDashboard(this, 'Operations', {
      config,
      apiStage: this.api.stage,
      apiThrottledRequests: this.api.throttledRequests.with({ label: 'throttled (429)', period: DASHBOARD_PERIOD }),
      functionGroups: [
        { title: 'API routes', functions: [...this.api.functions.values()] },
        { title: 'door events', functions: [this.doorChannel.doorEventFunction] },
        { title: 'timer steps', functions: [...this.timers.stepFunctions.values()] },
        {
          title: 'Cognito triggers',
          functions: [this.auth.preTokenGenerationFunction, this.auth.postConfirmationFunction],
        },
      ],
      stateMachines: [...this.timers.stateMachines].map(([title, stateMachine]) => ({ title, stateMachine })),
      deadLetterQueues: [
        { title: 'door events', queue: this.doorChannel.doorEventDeadLetters },
        { title: 'timer failures', queue: this.timers.failedExecutions },
      ],
      table: this.data.table,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'DoorPolicyName', {
      value: this.doorChannel.doorPolicyName,
      description: 'IoT policy to attach to every door certificate',
    });
    new CfnOutput(this, 'IotDataEndpoint', {
      value: this.doorChannel.dataEndpoint,
      description: 'IoT Core data (ATS) endpoint as an https URL; door controllers connect to its host (MQTT over TLS)',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'SNS topic every alarm notifies; subscribe on-call addresses to it',
    });
    new CfnOutput(this, 'DashboardName', {
      value: this.dashboard.dashboardName,
      description: 'CloudWatch dashboard of the stage',
    });
  }
}
