/**
 * Operations in the synthesized stacks, one synth per stage (bundling skipped): the alarms there are (5xx, 4xx,
 * throttles in the data stack; failed executions, dead-letter depth, door-event failures, the settlement job's errors
 * and failed schedule in the async stack), the
 * throttle metric the API's access logs feed, and the dashboard (operations stack).
 */

import { Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { routes } from '../../lambdas/routes';
import { STAGES } from '../../lib/config';
import { routeFunctionName } from '../../lib/constructs/api';
import { throttledRequestsMetric } from '../../lib/constructs/api-front-door';
import { triggerFunctionName } from '../../lib/constructs/auth';
import { dashboardName } from '../../lib/constructs/dashboard';
import { doorEventDeadLettersName, doorEventFunctionName } from '../../lib/constructs/door-channel';
import { outboxConsumerName, outboxDeadLettersName } from '../../lib/constructs/notifications';
import { stepFunctionName, stepNames, timerName } from '../../lib/constructs/timers';
import { STACK_PARTS, type StackPart } from '../../lib/stacks/stack-names';
import { workflows } from '../../lib/workflows';
import { onlyResource, refTarget, seenFrom, synth } from './helpers';

type Props = Record<string, unknown>;

describe.each(STAGES)('operations (%s)', (stage) => {
  const s = synth(stage);
  const { config, stacks, templates } = s;
  const template = templates.data;
  const [topicId] = onlyResource(template, 'AWS::SNS::Topic');
  const [apiId] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
  const alarmsWithStack = STACK_PARTS.flatMap((part) =>
    Object.values(templates[part].findResources('AWS::CloudWatch::Alarm')).map((a) => ({
      part,
      props: a.Properties as Props,
    })),
  );
  const alarms = alarmsWithStack.map((a) => a.props);
  const alarmNamed = (name: string): Props => {
    const found = alarms.filter((a) => a.AlarmName === name);
    expect(found, name).toHaveLength(1);
    return found[0] as Props;
  };
  /** Evaluated over one 5-minute period, at or above the threshold, notifying the topic on ALARM and OK. */
  const shape = (threshold: number, part: StackPart = 'data') => ({
    Period: 300,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    Threshold: threshold,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
    AlarmActions: [seenFrom(s, part, 'data', { Ref: topicId })],
    OKActions: [seenFrom(s, part, 'data', { Ref: topicId })],
  });

  it('has exactly the alarms of the list, each with what it watches, each notifying the alarm topic', () => {
    const p = config.prefix;
    expect(alarms.map((a) => a.AlarmName).sort()).toEqual(
      [
        `${p}-api-5xx`,
        `${p}-api-4xx`,
        `${p}-api-throttled`,
        `${doorEventFunctionName(p)}-errors`,
        `${doorEventDeadLettersName(p)}-not-empty`,
        `${p}-timer-failures-not-empty`,
        `${outboxDeadLettersName(p)}-not-empty`,
        `${stepFunctionName(p, 'settle-periods')}-errors`,
        `${stepFunctionName(p, 'settle-periods')}-schedule-failed`,
        ...workflows.map((w) => `${timerName(p, w)}-executions-failed`),
      ].sort(),
    );
    for (const { part, props } of alarmsWithStack) {
      expect(props, String(props.AlarmName)).toMatchObject(shape(Number(props.Threshold), part));
    }
    const inData = alarmsWithStack.filter((a) => a.part === 'data').map((a) => a.props.AlarmName);
    expect(inData.sort()).toEqual([`${p}-api-4xx`, `${p}-api-5xx`, `${p}-api-throttled`]);
    expect(alarmsWithStack.filter((a) => !['data', 'async'].includes(a.part))).toEqual([]);
  });

  it('alarms on the API stage 5xx and 4xx responses with the stage thresholds', () => {
    const dimensions = [
      { Name: 'ApiId', Value: { Ref: apiId } },
      { Name: 'Stage', Value: '$default' },
    ];
    expect(alarmNamed(`${config.prefix}-api-5xx`)).toMatchObject({
      ...shape(config.alarms.apiServerErrors),
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Statistic: 'Sum',
      Dimensions: dimensions,
    });
    expect(alarmNamed(`${config.prefix}-api-4xx`)).toMatchObject({
      ...shape(config.alarms.apiClientErrors),
      Namespace: 'AWS/ApiGateway',
      MetricName: '4xx',
      Statistic: 'Sum',
      Dimensions: dimensions,
    });
  });

  it('counts throttled requests (429) from the access logs and alarms on them', () => {
    const metric = throttledRequestsMetric(config.prefix);
    const [, filter] = onlyResource(template, 'AWS::Logs::MetricFilter');
    const [, apiStage] = onlyResource(template, 'AWS::ApiGatewayV2::Stage');
    const accessLogs = (apiStage.Properties as { AccessLogSettings: { DestinationArn: unknown } }).AccessLogSettings;
    expect(refTarget((filter.Properties as Props).LogGroupName)).toBe(refTarget(accessLogs.DestinationArn));
    expect(filter.Properties).toMatchObject({
      FilterPattern: '{ $.status = "429" }',
      MetricTransformations: [
        { MetricNamespace: metric.namespace, MetricName: metric.name, MetricValue: '1', DefaultValue: 0 },
      ],
    });
    expect(alarmNamed(`${config.prefix}-api-throttled`)).toMatchObject({
      ...shape(config.alarms.apiThrottledRequests),
      Namespace: metric.namespace,
      MetricName: metric.name,
      Statistic: 'Sum',
    });
  });

  it('sets thresholds per stage, stricter on failures than on client errors', () => {
    for (const value of Object.values(config.alarms)) expect(value).toBeGreaterThanOrEqual(1);
    expect(config.alarms.doorEventErrors).toBe(1);
    expect(config.alarms.timerExecutionsFailed).toBe(1);
    expect(config.alarms.apiServerErrors).toBeLessThan(config.alarms.apiClientErrors);
  });

  describe('dashboard', () => {
    const [, dashboard] = onlyResource(templates.operations, 'AWS::CloudWatch::Dashboard');
    const props = dashboard.Properties as { DashboardName: string; DashboardBody: unknown };
    /** The body as text (what each widget points at). */
    const body = JSON.stringify(props.DashboardBody);
    /** How the operations stack refers to a construct of another stack (that stack's output). */
    const imported = (part: StackPart, construct: { node: { defaultChild?: unknown } }): string => {
      const id = Stack.of(construct as never).getLogicalId(construct.node.defaultChild as never);
      return JSON.stringify(seenFrom(s, 'operations', part, { Ref: id }));
    };

    it(`is named ${dashboardName(config.prefix)}, the only resource of its stack`, () => {
      expect(props.DashboardName).toBe(dashboardName(config.prefix));
      expect(Object.keys(templates.operations.toJSON().Resources)).toHaveLength(1);
    });

    it('shows the API, every function, both state machines, both dead-letter queues and the table', () => {
      for (const title of [
        'API requests',
        'API latency (ms)',
        'API errors and throttled requests',
        'Lambda: member API routes',
        'Lambda: partner API routes',
        'Lambda: door events',
        'Lambda: timer steps',
        'Lambda: notifications',
        'Lambda: Cognito triggers',
        'Timers: executions failed',
        'Dead-letter queues: messages visible',
        'DynamoDB: consumed capacity units',
        'DynamoDB: throttled requests',
      ]) {
        expect(body, title).toContain(title);
      }
      // every function of every stack but the endpoint lookup's provider, by its physical name
      const provider = refTarget(onlyResource(templates.async, 'Custom::IotDataEndpoint')[1].Properties?.ServiceToken);
      const names = STACK_PARTS.flatMap((part) =>
        Object.entries(templates[part].findResources('AWS::Lambda::Function'))
          .filter(([id]) => !(part === 'async' && id === provider))
          .map(([, fn]) => (fn.Properties as Props).FunctionName as string),
      );
      const p = config.prefix;
      expect(names.sort()).toEqual(
        [
          ...routes.map((r) => routeFunctionName(p, r)),
          doorEventFunctionName(p),
          outboxConsumerName(p),
          ...stepNames().map((step) => stepFunctionName(p, step)),
          triggerFunctionName(p, 'pre-token-generation'),
          triggerFunctionName(p, 'post-confirmation'),
        ].sort(),
      );
      for (const name of names) expect(body, name).toContain(`\\"FunctionName\\",\\"${name}\\"`);
      for (const sm of stacks.async.timers.stateMachines.values()) expect(body).toContain(imported('async', sm));
      expect(body).toContain(imported('data', stacks.data.data.table));
      expect(body).toContain(throttledRequestsMetric(config.prefix).namespace);
    });
  });
});
