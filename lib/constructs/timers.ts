import { Duration, Fn, Stack } from 'aws-cdk-lib';
import { type Alarm, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { WORKFLOW_ARN_ENV, type WorkflowId } from '../../contracts/workflows';
import type { TableAction } from '../../lambdas/routes';
import { stepEntry } from '../../lambdas/routes';
import type { StageConfig } from '../config';
import { aslOf, type Workflow, workflows } from '../workflows';
import { ALARM_PERIOD, type Alarms } from './alarms';
import type { TimerStarter } from './api';
import type { ExportWriter } from './exports';
import { createHandlerFunction } from './handler-function';
import { tableAccessStatement } from './table';

/** The step handlers the schedule runs (not workflow tasks): each closes what its timers missed. */
export const SWEEPERS = ['sweep-stays', 'sweep-visits'] as const;
/** The sweeper of the stays (forced checkouts). */
export const SWEEPER = SWEEPERS[0];

/** Step handlers that publish to the doors: a forced checkout (timer or sweeper) removes the stay's keypad code. */
export const DOOR_PUBLISHING_STEPS: readonly string[] = ['close-stay', SWEEPER];

/** How often the sweeper runs. */
export const SWEEP_INTERVAL = Duration.minutes(5);

/**
 * The settlement job: issues the payment notices of the periods whose issue day has come (lambdas/modules/settlement).
 * Each run on another day costs one query; hourly, a run that fails on an issue day is tried again the same day.
 */
export const SETTLEMENT_STEP = 'settle-periods';
/** How often the settlement job runs. */
export const SETTLEMENT_INTERVAL = Duration.hours(1);
/**
 * How long one run of the settlement job may take: it reads a period's records of every partner. A run cut short
 * issues nothing twice; the next one carries on.
 */
export const SETTLEMENT_TIMEOUT = Duration.minutes(5);

/** The export job's task: writes a partner's CSV to the exports bucket (the `export` workflow). */
export const EXPORT_STEP = 'run-export';
/**
 * How long one try of the export job may take: 100,000 lines take well under a minute (npm run bench); the ASL's
 * TimeoutSeconds on the task is a minute longer.
 */
export const EXPORT_TIMEOUT = Duration.minutes(10);
/** The export job's memory: it holds a part of the file (8 MiB) and a page of the list, and CPU goes with memory. */
export const EXPORT_MEMORY_MB = 1024;
/** The export job's steps: their own table actions, no more (they put and delete nothing). */
export const EXPORT_STEP_TABLE_ACTIONS: Readonly<Record<string, readonly TableAction[]>> = {
  // the job, the list's pages (queries, the names of a page's spaces and facilities in batches), the job's end
  [EXPORT_STEP]: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:UpdateItem'],
  // the job's end
  'fail-export': ['dynamodb:UpdateItem'],
};

/** The reminder's task: writes the member's reminder an hour before a confirmed booking's start (the `reminder` workflow). */
export const REMINDER_STEP = 'send-reminder';

/**
 * The steps that need fewer table actions than {@link STEP_TABLE_ACTIONS}, and theirs: the export job's, and the
 * reminder's (it changes no reservation: it reads it, its facility, its space and its outbox item, and puts the outbox
 * item with a check that the reservation is still as read).
 */
export const OWN_STEP_TABLE_ACTIONS: Readonly<Record<string, readonly TableAction[]>> = {
  ...EXPORT_STEP_TABLE_ACTIONS,
  [REMINDER_STEP]: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem'],
};

/** Every step handler EventBridge runs on a schedule (the sweepers and the settlement job); no state machine runs them. */
export const SCHEDULED_STEPS: readonly string[] = [...SWEEPERS, SETTLEMENT_STEP];

/**
 * Table actions of every step function (on the table, and its indexes for the queries): read the reservation, query the
 * checked-in stays (GSI2, the sweeper), and the parts of the release transaction.
 */
export const STEP_TABLE_ACTIONS: readonly TableAction[] = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:PutItem',
];

/** Execution statuses that count as a failed timer (sent to the dead-letter queue). */
export const FAILED_EXECUTION_STATUSES = ['FAILED', 'TIMED_OUT', 'ABORTED'] as const;

/** Physical name of a step function. */
export const stepFunctionName = (prefix: string, step: string): string => `${prefix}-step-${step}`;

/**
 * What a timer is called in its alarm and log group names, e.g. `coworking-prod-forced-checkout`. The state machine
 * itself is named by CloudFormation: a fixed name would make any replacement of it (a change of its type) fail.
 */
export const timerName = (prefix: string, workflow: Workflow): string => `${prefix}-${workflow.id}`;

/**
 * The last group of the stack's id (a UUID CloudFormation draws when it creates the stack): a name carrying it is new
 * each time the stack is created, so a log group kept (RETAIN) after a failed first deploy never blocks the retry.
 */
export const stackIdSuffix = (scope: Construct): string =>
  Fn.select(4, Fn.split('-', Fn.select(2, Fn.split('/', Stack.of(scope).stackId))));

/** Every step handler: each workflow's tasks, then the scheduled ones (sweepers, settlement); each once. */
export const stepNames = (): string[] => [
  ...new Set([...workflows.flatMap((w) => Object.values(w.tasks)), ...SCHEDULED_STEPS]),
];
const isSweeper = (step: string): boolean => (SWEEPERS as readonly string[]).includes(step);
const runsWhen = (step: string): string =>
  isSweeper(step) ? 'Every 5 minutes' : step === SETTLEMENT_STEP ? 'Every hour' : 'Step Functions task';

const pascalCase = (id: string): string =>
  id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');

/** The construct id of a workflow's state machine (`ForcedCheckoutStateMachine`), under the Timers construct. */
export const stateMachineId = (workflow: Pick<Workflow, 'id'>): string => `${pascalCase(workflow.id)}StateMachine`;

/** The ASL of a workflow, checked to use no placeholder its `tasks` does not fill. */
function definitionOf(workflow: Workflow): string {
  const asl = aslOf(workflow);
  for (const [, name = ''] of asl.matchAll(/\$\{(\w+)\}/g)) {
    if (!(name in workflow.tasks)) throw new Error(`${workflow.file}: no task for the placeholder \${${name}}`);
  }
  return asl;
}

/** Props of {@link Timers}. */
export interface TimersProps {
  /** Stage settings: names, Lambda sizing, log retention, Powertools, state-machine logging. */
  readonly config: StageConfig;
  /**
   * The single table; step functions get exactly {@link STEP_TABLE_ACTIONS} on it and its indexes (the export job's and
   * the reminder's, {@link OWN_STEP_TABLE_ACTIONS}).
   */
  readonly table: ITable;
  /** The stack's alarm topic and dead-letter queues. */
  readonly alarms: Alarms;
  /** Equips the export job's function to write export files. */
  readonly exportWriter: ExportWriter;
}

/**
 * The timers: one Standard state machine per workflow of `lib/workflows` (its ASL inlined, placeholders
 * substituted with the ARNs of its step functions, logged to its own log group, traced), the step functions,
 * the sweepers run every 5 minutes and the settlement job every hour, failed/timed-out/aborted executions recorded in
 * a dead-letter queue, and alarms on failed executions and on that queue. Also equips route functions to start timers.
 */
export class Timers extends Construct implements TimerStarter {
  /** Step functions by step handler name (`close-stay`, `expire-request`, `send-reminder`, `sweep-stays`). */
  readonly stepFunctions: ReadonlyMap<string, NodejsFunction>;
  /** State machines by workflow id. */
  readonly stateMachines: ReadonlyMap<WorkflowId, StateMachine>;
  /** Runs the sweeper of the stays every 5 minutes. */
  readonly sweepRule: Rule;
  /** Runs each sweeper every 5 minutes, by step name. */
  readonly sweepRules: ReadonlyMap<string, Rule>;
  /** Runs the settlement job every hour. */
  readonly settlementRule: Rule;
  /**
   * The settlement job failed at least once in 5 minutes (its function's `Errors`: a run that threw, each attempt of
   * the asynchronous invocation counted), and EventBridge could not deliver its schedule (the rule's
   * `FailedInvocations`, after the target's retries).
   */
  readonly settlementAlarms: { readonly errors: Alarm; readonly failedInvocations: Alarm };
  /** Failed, timed-out and aborted executions of the state machines → {@link failedExecutions}. */
  readonly failedExecutionsRule: Rule;
  /** Where the events of failed executions are kept. */
  readonly failedExecutions: Queue;

  constructor(scope: Construct, id: string, props: TimersProps) {
    super(scope, id);
    const { config, table, alarms, exportWriter } = props;

    const stepFunctions = new Map<string, NodejsFunction>();
    for (const step of stepNames()) {
      const fn = createHandlerFunction(this, `Step${pascalCase(step)}`, {
        config,
        functionName: stepFunctionName(config.prefix, step),
        description: `${runsWhen(step)}: ${step} (${config.stage})`,
        entry: stepEntry(step),
        table,
        ...(step === SETTLEMENT_STEP ? { timeout: SETTLEMENT_TIMEOUT } : {}),
        ...(step === EXPORT_STEP ? { timeout: EXPORT_TIMEOUT, memorySize: EXPORT_MEMORY_MB } : {}),
      });
      const actions = OWN_STEP_TABLE_ACTIONS[step] ?? STEP_TABLE_ACTIONS;
      fn.addToRolePolicy(tableAccessStatement('StepTableAccess', table, actions));
      if (step === EXPORT_STEP) exportWriter.allowWritingExports(fn);
      stepFunctions.set(step, fn);
    }
    this.stepFunctions = stepFunctions;
    const stepFunction = (step: string): NodejsFunction => {
      const fn = stepFunctions.get(step);
      if (!fn) throw new Error(`No step function ${step}`);
      return fn;
    };

    const stateMachines = new Map<WorkflowId, StateMachine>();
    for (const workflow of workflows) {
      const name = timerName(config.prefix, workflow);
      const construct = pascalCase(workflow.id);
      const logGroup = new LogGroup(this, `${construct}Logs`, {
        // the /aws/vendedlogs/ prefix keeps CloudWatch Logs' resource policy from growing per log group; the stack
        // id's suffix keeps a log group retained by a failed first deploy from colliding with the retry's
        logGroupName: `/aws/vendedlogs/states/${name}-${stackIdSuffix(this)}`,
        retention: config.logs.retentionDays,
        removalPolicy: config.logs.removalPolicy,
      });
      const stateMachine = new StateMachine(this, stateMachineId(workflow), {
        stateMachineType: StateMachineType.STANDARD,
        definitionBody: DefinitionBody.fromString(definitionOf(workflow)),
        definitionSubstitutions: Object.fromEntries(
          Object.entries(workflow.tasks).map(([placeholder, step]) => [placeholder, stepFunction(step).functionArn]),
        ),
        logs: {
          destination: logGroup,
          level: config.stateMachines.logLevel,
          includeExecutionData: config.stateMachines.includeExecutionData,
        },
        tracingEnabled: true,
      });
      // The Tasks invoke the functions by their unqualified ARNs: no `grantInvoke`, whose `<arn>:*` would also
      // allow every version and alias.
      stateMachine.addToRolePolicy(
        new PolicyStatement({
          sid: 'InvokeStepFunctions',
          effect: Effect.ALLOW,
          actions: ['lambda:InvokeFunction'],
          resources: [...new Set(Object.values(workflow.tasks))].map((step) => stepFunction(step).functionArn),
        }),
      );

      alarms.alarmWhen(this, `${construct}FailedAlarm`, {
        alarmName: `${name}-executions-failed`,
        description: `Timer ${workflow.id} (${config.stage}): ${config.alarms.timerExecutionsFailed} or more executions failed in 5 minutes`,
        metric: stateMachine.metricFailed({ period: ALARM_PERIOD, statistic: 'Sum' }),
        threshold: config.alarms.timerExecutionsFailed,
      });
      stateMachines.set(workflow.id, stateMachine);
    }
    this.stateMachines = stateMachines;

    const sweepRules = new Map<string, Rule>();
    for (const sweeper of SWEEPERS) {
      const rule = new Rule(this, sweeper === SWEEPER ? 'SweepSchedule' : `${pascalCase(sweeper)}Schedule`, {
        description: `Runs ${sweeper}, which closes what a timer missed (${config.stage})`,
        schedule: Schedule.rate(SWEEP_INTERVAL),
        targets: [
          new LambdaTarget(stepFunction(sweeper), {
            retryAttempts: 2,
            // a later run sweeps the same items: an event older than one interval is not worth delivering
            maxEventAge: SWEEP_INTERVAL,
          }),
        ],
      });
      sweepRules.set(sweeper, rule);
    }
    this.sweepRules = sweepRules;
    this.sweepRule = sweepRules.get(SWEEPER) as Rule;

    this.settlementRule = new Rule(this, 'SettlePeriodsSchedule', {
      description: `Runs ${SETTLEMENT_STEP}, which issues the payment notices due (${config.stage})`,
      schedule: Schedule.rate(SETTLEMENT_INTERVAL),
      targets: [
        new LambdaTarget(stepFunction(SETTLEMENT_STEP), {
          retryAttempts: 2,
          // the next run issues whatever this one would have: an event older than one interval is not worth delivering
          maxEventAge: SETTLEMENT_INTERVAL,
        }),
      ],
    });

    const settlementFunction = stepFunction(SETTLEMENT_STEP);
    this.settlementAlarms = {
      errors: alarms.alarmWhen(this, 'SettlePeriodsErrorsAlarm', {
        alarmName: `${stepFunctionName(config.prefix, SETTLEMENT_STEP)}-errors`,
        description: `Settlement job (${config.stage}): ${SETTLEMENT_STEP} failed in the last 5 minutes; the payment notices due may not be issued (the next hourly run carries on)`,
        metric: settlementFunction.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }),
      }),
      failedInvocations: alarms.alarmWhen(this, 'SettlePeriodsScheduleFailedAlarm', {
        alarmName: `${stepFunctionName(config.prefix, SETTLEMENT_STEP)}-schedule-failed`,
        description: `Settlement job (${config.stage}): EventBridge could not invoke ${SETTLEMENT_STEP} on its schedule`,
        metric: new Metric({
          namespace: 'AWS/Events',
          metricName: 'FailedInvocations',
          dimensionsMap: { RuleName: this.settlementRule.ruleName },
          period: ALARM_PERIOD,
          statistic: 'Sum',
        }),
      }),
    };

    const deadLetters = alarms.deadLetterQueue(this, 'FailedExecutions', {
      name: `${config.prefix}-timer-failures`,
      description: 'Timer executions failed, timed out or were aborted',
    });
    this.failedExecutions = deadLetters.queue;
    this.failedExecutionsRule = new Rule(this, 'FailedExecutionsRule', {
      description: `Failed, timed-out and aborted timer executions to the dead-letter queue (${config.stage})`,
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: {
          status: [...FAILED_EXECUTION_STATUSES],
          stateMachineArn: [...stateMachines.values()].map((sm) => sm.stateMachineArn),
        },
      },
      targets: [new SqsQueue(this.failedExecutions)],
    });
  }

  /**
   * Gives `fn` the ARN of each named state machine (in its `WORKFLOW_ARN_ENV` variable) and
   * `states:StartExecution` on exactly those.
   * @throws Error when a workflow id names no state machine, or none is named
   */
  allowStartingTimers(fn: LambdaFunction, workflowIds: readonly WorkflowId[]): void {
    if (workflowIds.length === 0) throw new Error(`${fn.node.path}: no timer to start`);
    const named = [...new Set(workflowIds)].map((workflowId) => {
      const stateMachine = this.stateMachines.get(workflowId);
      if (!stateMachine) throw new Error(`No state machine for the workflow ${workflowId}`);
      fn.addEnvironment(WORKFLOW_ARN_ENV[workflowId], stateMachine.stateMachineArn);
      return stateMachine;
    });
    fn.addToRolePolicy(
      new PolicyStatement({
        sid: 'StartTimers',
        effect: Effect.ALLOW,
        actions: ['states:StartExecution'],
        resources: named.map((sm) => sm.stateMachineArn),
      }),
    );
  }
}

export { stepEntry };
