import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from './config';
import { Alarms } from './constructs/alarms';
import { Api } from './constructs/api';
import { Auth } from './constructs/auth';
import { DoorChannel } from './constructs/door-channel';
import { CoworkingTable } from './constructs/table';
import { Timers } from './constructs/timers';

/** Props of {@link BackendStack}. */
export interface BackendStackProps extends StackProps {
  /** Settings of the stage this stack is deployed as. */
  readonly config: StageConfig;
}

/** The backend of one stage: alarms, table, user pool, door channel, timers, HTTP API. Composes constructs only. */
export class BackendStack extends Stack {
  readonly alarms: Alarms;
  readonly data: CoworkingTable;
  readonly auth: Auth;
  readonly doorChannel: DoorChannel;
  readonly timers: Timers;
  readonly api: Api;

  constructor(scope: Construct, id: string, props: BackendStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.alarms = new Alarms(this, 'Alarms', { config });
    this.data = new CoworkingTable(this, 'Data', { config });
    this.auth = new Auth(this, 'Auth', { config });
    this.doorChannel = new DoorChannel(this, 'DoorChannel', { config, table: this.data.table, alarms: this.alarms });
    this.timers = new Timers(this, 'Timers', { config, table: this.data.table, alarms: this.alarms });
    this.api = new Api(this, 'Api', {
      config,
      table: this.data.table,
      issuerUrl: this.auth.issuerUrl,
      jwtAudience: [this.auth.userPoolClient.userPoolClientId],
      requiredScope: this.auth.apiScope,
      unlockPublisher: this.doorChannel,
      timerStarter: this.timers,
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
  }
}
