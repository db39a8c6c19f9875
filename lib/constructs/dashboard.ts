import { Duration } from 'aws-cdk-lib';
import type { IHttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { Dashboard, GraphWidget, type IMetric, MathExpression, Metric, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { StageConfig } from '../config';

/** Period of every graph on the dashboard. */
export const DASHBOARD_PERIOD = Duration.minutes(5);

const sum = { statistic: 'Sum', period: DASHBOARD_PERIOD } as const;

/** Name of the stage's dashboard. */
export const dashboardName = (prefix: string): string => `${prefix}-operations`;

/** Functions shown together: their errors and throttles are summed per group. */
export interface FunctionGroup {
  /** Shown in the widget titles, e.g. `member API routes`. */
  readonly title: string;
  /**
   * Physical names of the functions: the dashboard watches functions of every stack of the stage by name, which
   * takes no cross-stack reference (no stack output per function).
   */
  readonly functionNames: readonly string[];
}

/** A Lambda metric of one function, by its physical name. */
const lambdaMetric = (metricName: 'Errors' | 'Throttles', functionName: string): Metric =>
  new Metric({ namespace: 'AWS/Lambda', metricName, dimensionsMap: { FunctionName: functionName }, ...sum });

/** A queue whose depth the dashboard shows. */
export interface WatchedQueue {
  readonly title: string;
  readonly queue: IQueue;
}

/** A state machine whose executions the dashboard shows. */
export interface WatchedStateMachine {
  readonly title: string;
  readonly stateMachine: IStateMachine;
}

/** Props of {@link OperationsDashboard}. */
export interface OperationsDashboardProps {
  /** Stage settings: the dashboard's name. */
  readonly config: StageConfig;
  /** The HTTP API's stage: requests, latency, 4xx and 5xx. */
  readonly apiStage: IHttpStage;
  /** Requests the API throttled (429). */
  readonly apiThrottledRequests: IMetric;
  /** Lambda functions by group (API routes, door events, timer steps, Cognito triggers). */
  readonly functionGroups: readonly FunctionGroup[];
  /** Timer state machines: executions started and failed. */
  readonly stateMachines: readonly WatchedStateMachine[];
  /** Dead-letter queues: messages visible. */
  readonly deadLetterQueues: readonly WatchedQueue[];
  /** The single table: consumed capacity and throttled requests. */
  readonly table: ITable;
}

/**
 * The sum of metrics as one line (metric math `SUM([...])`); `idPrefix` keeps the ids of its metrics apart from
 * those of other expressions on the same graph.
 */
function sumOf(label: string, idPrefix: string, metrics: readonly IMetric[]): MathExpression {
  const usingMetrics = Object.fromEntries(metrics.map((metric, i) => [`${idPrefix}${i}`, metric]));
  return new MathExpression({
    label,
    expression: `SUM([${Object.keys(usingMetrics).join(',')}])`,
    usingMetrics,
    period: DASHBOARD_PERIOD,
  });
}

/**
 * The stage's CloudWatch dashboard: the API (requests; latency p50 and p99; 4xx, 5xx, throttled), Lambda errors and
 * throttles per function group, timer executions started and failed, dead-letter queue depths, and DynamoDB
 * consumed capacity and throttled requests.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const { config, apiStage, table } = props;
    const width = 8;
    const height = 6;

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: dashboardName(config.prefix),
      defaultInterval: Duration.hours(3),
    });

    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Coworking (${config.stage})\nAPI, functions, timers, dead letters and the table; alarms notify the stage's alarm topic.`,
        width: 24,
        height: 2,
      }),
    );

    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests',
        left: [apiStage.metricCount({ ...sum, label: 'Requests' })],
        width,
        height,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: [
          apiStage.metricLatency({ statistic: 'p50', period: DASHBOARD_PERIOD, label: 'p50' }),
          apiStage.metricLatency({ statistic: 'p99', period: DASHBOARD_PERIOD, label: 'p99' }),
        ],
        width,
        height,
      }),
      new GraphWidget({
        title: 'API errors and throttled requests',
        left: [
          apiStage.metricClientError({ ...sum, label: '4xx' }),
          apiStage.metricServerError({ ...sum, label: '5xx' }),
          props.apiThrottledRequests,
        ],
        width,
        height,
      }),
    );

    const groupWidgets = props.functionGroups.map(
      (group) =>
        new GraphWidget({
          title: `Lambda: ${group.title} (${group.functionNames.length} functions)`,
          left: [
            sumOf(
              'Errors',
              'errors',
              group.functionNames.map((name) => lambdaMetric('Errors', name)),
            ),
            sumOf(
              'Throttles',
              'throttles',
              group.functionNames.map((name) => lambdaMetric('Throttles', name)),
            ),
          ],
          width: Math.max(6, Math.floor(24 / props.functionGroups.length)),
          height,
        }),
    );
    this.dashboard.addWidgets(...groupWidgets);

    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Timers: executions started',
        left: props.stateMachines.map(({ title, stateMachine }) =>
          stateMachine.metricStarted({ ...sum, label: title }),
        ),
        width,
        height,
      }),
      new GraphWidget({
        title: 'Timers: executions failed',
        left: props.stateMachines.map(({ title, stateMachine }) => stateMachine.metricFailed({ ...sum, label: title })),
        width,
        height,
      }),
      new GraphWidget({
        title: 'Dead-letter queues: messages visible',
        left: props.deadLetterQueues.map(
          ({ title, queue }): Metric =>
            queue.metricApproximateNumberOfMessagesVisible({
              statistic: 'Maximum',
              period: DASHBOARD_PERIOD,
              label: title,
            }),
        ),
        width,
        height,
      }),
    );

    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'DynamoDB: consumed capacity units',
        left: [
          table.metricConsumedReadCapacityUnits({ ...sum, label: 'Read' }),
          table.metricConsumedWriteCapacityUnits({ ...sum, label: 'Write' }),
        ],
        width: 12,
        height,
      }),
      new GraphWidget({
        title: 'DynamoDB: throttled requests',
        left: [
          table.metric('ReadThrottleEvents', { ...sum, label: 'Read throttle events' }),
          table.metric('WriteThrottleEvents', { ...sum, label: 'Write throttle events' }),
        ],
        width: 12,
        height,
      }),
    );
  }

  /** The dashboard's name. */
  get dashboardName(): string {
    return this.dashboard.dashboardName;
  }
}
