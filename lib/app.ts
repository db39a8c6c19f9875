/**
 * What the CDK app is, apart from synthesizing it: the stacks of the stage named by the `stage` context (default
 * dev), tagged, with cdk-nag's AwsSolutions pack checking them at synthesis (a finding not acknowledged in
 * lib/nag-acknowledgements.ts fails `cdk synth` and `cdk deploy`). bin/app.ts and the CDK tests both build it here.
 *
 * The stage is split by audience, sharing the table, user pool and HTTP API by reference: data and identity
 * (with the API's front door), asynchronous work, the member API, the partner and back-office API, operations.
 */
import { type App, Tags } from 'aws-cdk-lib';
import { type Route, routes } from '../lambdas/routes';
import { type Environment, getStageConfig, type StageConfig } from './config';
import { rowsOf } from './constructs/api';
import { addNagChecks } from './nag-acknowledgements';
import { ApiStack } from './stacks/api-stack';
import { AsyncStack } from './stacks/async-stack';
import { DataStack } from './stacks/data-stack';
import { OperationsStack } from './stacks/operations-stack';
import { type StackPart, stackName } from './stacks/stack-names';

/** The stacks of one stage. */
export interface BackendStacks {
  readonly data: DataStack;
  readonly async: AsyncStack;
  readonly memberApi: ApiStack;
  readonly partnerApi: ApiStack;
  readonly operations: OperationsStack;
}

/** Options of {@link buildBackendStacks}. */
export interface BackendStacksOptions {
  /**
   * The route table.
   * @default routes (lambdas/routes.ts)
   */
  readonly rows?: readonly Route[];
  /**
   * Handler source of a row, relative to the project root.
   * @default handlerEntry (lambdas/routes.ts)
   */
  readonly handlerEntry?: (route: Route) => string;
}

/** Adds the stacks of the stage `config` names to `app` (no tags, no checks). */
export function buildBackendStacks(app: App, config: StageConfig, options: BackendStacksOptions = {}): BackendStacks {
  const rows = options.rows ?? routes;
  const common = { config, env: config.env };
  const describe = (what: string) => `Coworking reservation backend (${config.stage}): ${what}`;

  const data = new DataStack(app, stackName(config.stage, 'data'), {
    ...common,
    description: describe('table, photos bucket, user pool, ticket signing key, HTTP API front door, alarm topic'),
  });
  const async = new AsyncStack(app, stackName(config.stage, 'async'), {
    ...common,
    description: describe('timers, door channel and exports bucket'),
    table: data.data.table,
    alarms: data.alarms,
    userPool: data.auth.userPool,
  });
  const apiStack = (audience: 'member' | 'partner', part: StackPart, what: string): ApiStack =>
    new ApiStack(app, stackName(config.stage, part), {
      ...common,
      description: describe(what),
      audience,
      rows: rowsOf(audience, rows),
      api: data.api.shared,
      table: data.data.table,
      unlockPublisher: async.doorChannel,
      timerStarter: async.timers,
      photoStorer: data.photos,
      exportReader: async.exports,
      operatorManager: data.auth,
      ticketSigner: data.ticketSigning,
      handlerEntry: options.handlerEntry,
    });
  const memberApi = apiStack('member', 'memberApi', 'member API routes');
  const partnerApi = apiStack('partner', 'partnerApi', 'partner and back-office API routes');
  const operations = new OperationsStack(app, stackName(config.stage, 'operations'), {
    ...common,
    description: describe('operations dashboard'),
    data,
    async,
    apis: [memberApi, partnerApi],
  });
  return { data, async, memberApi, partnerApi, operations };
}

/** Options of {@link buildBackendApp}. */
export interface BackendAppOptions extends BackendStacksOptions {
  /**
   * The environment the stage settings read (accounts, `CDK_DEFAULT_ACCOUNT`, `ALARM_EMAIL`).
   * @default process.env
   */
  readonly env?: Environment;
}

/**
 * Adds the stage's stacks and the compliance checks to `app`; returns the stacks.
 * @throws Error when the stage's settings refuse the environment (getStageConfig): no pinned account for prod, two
 * stages in one account, …
 */
export function buildBackendApp(app: App, options: BackendAppOptions = {}): BackendStacks {
  const config = getStageConfig(String(app.node.tryGetContext('stage') ?? 'dev'), options.env);
  const stacks = buildBackendStacks(app, config, options);
  Tags.of(app).add('project', 'coworking');
  Tags.of(app).add('stage', config.stage);
  // after every stack exists, before synthesis
  addNagChecks(app, stacks);
  return stacks;
}
