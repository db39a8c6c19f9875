import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api, type ApiProps, type Audience } from '../constructs/api';

/** Props of {@link ApiStack}: the {@link Api} construct's, and whose routes these are. */
export interface ApiStackProps extends StackProps, ApiProps {
  /** Whose routes these are (`rows` are that audience's). */
  readonly audience: Audience;
}

/**
 * The routes of one audience on the stage's one HTTP API: per row a function (its role, log group, grants) and a
 * route with its integration and permission. The API, its stage and authorizer stay in the data stack.
 */
export class ApiStack extends Stack {
  readonly audience: Audience;
  readonly api: Api;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    this.audience = props.audience;
    // the stack's own props (env, description, audience) are not the construct's concern: it reads its own fields
    this.api = new Api(this, 'Api', props);
  }
}
