import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config';
import type { Alarms } from '../constructs/alarms';
import { DoorChannel } from '../constructs/door-channel';
import { Exports } from '../constructs/exports';
import { Notifications } from '../constructs/notifications';
import { DOOR_PUBLISHING_STEPS, Timers } from '../constructs/timers';

/** Props of {@link AsyncStack}. */
export interface AsyncStackProps extends StackProps {
  /** Settings of the stage this stack is deployed as. */
  readonly config: StageConfig;
  /** The single table (data stack). */
  readonly table: ITable;
  /** The alarm topic (data stack); this stack's alarms and dead-letter queues are made here. */
  readonly alarms: Alarms;
  /** The user pool (data stack): the outbox consumer reads members' addresses there. */
  readonly userPool: IUserPool;
}

/**
 * Asynchronous work: the timers (state machines, step functions, sweeper, failed executions) and the door channel
 * (data endpoint, door policy, events rule and door-event function), and the exports bucket the export job writes.
 * Outputs DoorPolicyName, IotDataEndpoint and ExportsBucketName.
 */
export class AsyncStack extends Stack {
  readonly doorChannel: DoorChannel;
  readonly timers: Timers;
  readonly exports: Exports;
  readonly notifications: Notifications;

  constructor(scope: Construct, id: string, props: AsyncStackProps) {
    super(scope, id, props);
    const { config, table, alarms, userPool } = props;

    this.doorChannel = new DoorChannel(this, 'DoorChannel', { config, table, alarms });
    this.exports = new Exports(this, 'Exports', { config });
    this.timers = new Timers(this, 'Timers', { config, table, alarms, exportWriter: this.exports });
    this.notifications = new Notifications(this, 'Notifications', { config, table, alarms, userPool });
    for (const step of DOOR_PUBLISHING_STEPS) {
      const fn = this.timers.stepFunctions.get(step);
      if (!fn) throw new Error(`No step function ${step}`);
      this.doorChannel.allowPublishingUnlocks(fn);
    }

    new CfnOutput(this, 'DoorPolicyName', {
      value: this.doorChannel.doorPolicyName,
      description: 'IoT policy to attach to every door certificate',
    });
    new CfnOutput(this, 'ExportsBucketName', {
      value: this.exports.bucket.bucketName,
      description: 'Private bucket of the partners’ export files (written by the export job, presigned downloads only)',
    });
    new CfnOutput(this, 'IotDataEndpoint', {
      value: this.doorChannel.dataEndpoint,
      description: 'IoT Core data (ATS) endpoint as an https URL; door controllers connect to its host (MQTT over TLS)',
    });
  }
}
