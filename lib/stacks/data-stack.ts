import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config';
import { Alarms } from '../constructs/alarms';
import { ApiFrontDoor } from '../constructs/api-front-door';
import { Auth } from '../constructs/auth';
import { Photos } from '../constructs/photos';
import { CoworkingTable } from '../constructs/table';
import { TicketSigning } from '../constructs/ticket-signing';

/** Props of {@link DataStack}. */
export interface DataStackProps extends StackProps {
  /** Settings of the stage this stack is deployed as. */
  readonly config: StageConfig;
}

/**
 * Data and identity, and what every other stack of the stage refers to: the alarm topic, the table, the photos
 * bucket (and its access-log bucket), the user pool with its triggers, the member ticket signing key, and the front door of the one HTTP API (API,
 * authorizer, stage, access logs, API alarms; the routes live in the API stacks). Outputs ApiUrl, UserPoolId,
 * UserPoolClientId, TableName, PhotosBucketName, AlarmTopicArn.
 */
export class DataStack extends Stack {
  readonly alarms: Alarms;
  readonly data: CoworkingTable;
  readonly photos: Photos;
  readonly auth: Auth;
  readonly ticketSigning: TicketSigning;
  readonly api: ApiFrontDoor;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.alarms = new Alarms(this, 'Alarms', { config });
    this.data = new CoworkingTable(this, 'Data', { config });
    this.photos = new Photos(this, 'Photos', { config });
    this.auth = new Auth(this, 'Auth', { config, table: this.data.table });
    this.ticketSigning = new TicketSigning(this, 'TicketSigning', { config });
    this.api = new ApiFrontDoor(this, 'Api', {
      config,
      alarms: this.alarms,
      issuerUrl: this.auth.issuerUrl,
      jwtAudience: [this.auth.userPoolClient.userPoolClientId],
      requiredScope: this.auth.apiScope,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'PhotosBucketName', {
      value: this.photos.bucket.bucketName,
      description: 'Private bucket of facility and space photos (presigned uploads and downloads only)',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'SNS topic every alarm notifies; subscribe on-call addresses to it',
    });
  }
}
