import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from './config';
import { Api } from './constructs/api';
import { Auth } from './constructs/auth';
import { CoworkingTable } from './constructs/table';

/** Props of {@link BackendStack}. */
export interface BackendStackProps extends StackProps {
  /** Settings of the stage this stack is deployed as. */
  readonly config: StageConfig;
}

/** The backend of one stage: table, user pool, HTTP API. Composes constructs only. */
export class BackendStack extends Stack {
  readonly data: CoworkingTable;
  readonly auth: Auth;
  readonly api: Api;

  constructor(scope: Construct, id: string, props: BackendStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.data = new CoworkingTable(this, 'Data', { config });
    this.auth = new Auth(this, 'Auth', { config });
    this.api = new Api(this, 'Api', {
      config,
      table: this.data.table,
      issuerUrl: this.auth.issuerUrl,
      jwtAudience: [this.auth.userPoolClient.userPoolClientId],
      requiredScope: this.auth.apiScope,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}
