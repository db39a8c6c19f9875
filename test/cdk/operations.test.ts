/**
 * Operations in the synthesized backend stack, one synth per stage (bundling skipped): the alarms there are
 * (5xx, 4xx, throttles, failed executions, dead-letter depth, door-event failures), the throttle metric the API's
 * access logs feed, and the dashboard.
 */
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../lib/config';
import { throttledRequestsMetric } from '../../lib/constructs/api';
import { dashboardName } from '../../lib/constructs/dashboard';
import { doorEventDeadLetterQueueName, doorEventFunctionName } from '../../lib/constructs/door-channel';
import { stateMachineName } from '../../lib/constructs/timers';
import { workflows } from '../../lib/workflows';
import { onlyResource, refTarget, synth } from './helpers';

type Props = Record<string, unknown>;

describe.each(STAGES)('operations (%s)', (stage) => {
  const { template, config, stack } = synth(stage);
  const [topicId] = onlyResource(template, 'AWS::SNS::Topic');
  const [apiId] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties as Props);
  const alarmNamed = (name: string): Props => {
    const found = alarms.filter((a) => a.AlarmName === name);
    expect(found, name).toHaveLength(1);
    return found[0] as Props;
  };
  /** Evaluated over one 5-minute period, at or above the threshold, notifying the topic on ALARM and OK. */
  const shape = (threshold: number) => ({
    Period: 300,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    Threshold: threshold,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'notBreaching',
    AlarmActions: [{ Ref: topicId }],
    OKActions: [{ Ref: topicId }],
  });

  it('has exactly the alarms of the list, each notifying the alarm topic', () => {
    const p = config.prefix;
    expect(alarms.map((a) => a.AlarmName).sort()).toEqual(
      [
        `${p}-api-5xx`,
        `${p}-api-4xx`,
        `${p}-api-throttled`,
        `${doorEventFunctionName(p)}-errors`,
        `${doorEventDeadLetterQueueName(p)}-not-empty`,
        `${p}-timer-failures-not-empty`,
        ...workflows.map((w) => `${stateMachineName(p, w)}-executions-failed`),
      ].sort(),
    );
    for (const alarm of alarms) expect(alarm, String(alarm.AlarmName)).toMatchObject(shape(Number(alarm.Threshold)));
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
    const [, dashboard] = onlyResource(template, 'AWS::CloudWatch::Dashboard');
    const props = dashboard.Properties as { DashboardName: string; DashboardBody: unknown };
    /** The body as text, references rendered `{LogicalId}` (what each widget points at). */
    const body = JSON.stringify(props.DashboardBody)
      .replace(/\{\\"Ref\\":\\"([^\\]+)\\"\}/g, '{$1}')
      .replace(/\{"Ref":"([^"]+)"\}/g, '{$1}');
    const logicalId = (construct: { node: { defaultChild?: unknown } }): string =>
      stack.getLogicalId(construct.node.defaultChild as never);

    it(`is named ${dashboardName(config.prefix)}`, () => {
      expect(props.DashboardName).toBe(dashboardName(config.prefix));
    });

    it('shows the API, every function, both state machines, both dead-letter queues and the table', () => {
      for (const title of [
        'API requests',
        'API latency (ms)',
        'API errors and throttled requests',
        'Lambda: API routes',
        'Lambda: door events',
        'Lambda: timer steps',
        'Lambda: Cognito triggers',
        'Timers: executions failed',
        'Dead-letter queues: messages visible',
        'DynamoDB: consumed capacity units',
        'DynamoDB: throttled requests',
      ]) {
        expect(body, title).toContain(title);
      }
      const functions = Object.keys(template.findResources('AWS::Lambda::Function'));
      const provider = refTarget(onlyResource(template, 'Custom::IotDataEndpoint')[1].Properties?.ServiceToken);
      for (const fn of functions.filter((f) => f !== provider)) expect(body, fn).toContain(`{${fn}}`);
      for (const sm of stack.timers.stateMachines.values()) expect(body).toContain(`{${logicalId(sm)}}`);
      expect(body).toContain(`{${logicalId(stack.data.table)}}`);
      expect(body).toContain(throttledRequestsMetric(config.prefix).namespace);
    });
  });
});
