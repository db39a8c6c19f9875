import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { Route } from '../../lambdas/routes';
import type { StageConfig } from '../config';
import { Api, type Audience, type SharedHttpApi, type TimerStarter, type UnlockPublisher } from '../constructs/api';

/** Props of {@link ApiStack}. */
export interface ApiStackProps extends StackProps {
  /** Settings of the stage this stack is deployed as. */
  readonly config: StageConfig;
  /** Whose routes these are. */
  readonly audience: Audience;
  /** The rows of that audience. */
  readonly rows: readonly Route[];
  /** The HTTP API of the data stack, its authorizer and scope. */
  readonly api: SharedHttpApi;
  /** The single table (data stack). */
  readonly table: ITable;
  /** The door channel (async stack). */
  readonly unlockPublisher: UnlockPublisher;
  /** The timers (async stack). */
  readonly timerStarter: TimerStarter;
  /**
   * Handler source of a row, relative to the project root.
   * @default handlerEntry (lambdas/routes.ts)
   */
  readonly handlerEntry?: (route: Route) => string;
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
    this.api = new Api(this, 'Api', {
      config: props.config,
      rows: props.rows,
      api: props.api,
      table: props.table,
      unlockPublisher: props.unlockPublisher,
      timerStarter: props.timerStarter,
      handlerEntry: props.handlerEntry,
    });
  }
}
