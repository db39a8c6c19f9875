/**
 * The timers in the synthesized async stack, one synth per stage (bundling skipped): the state machines
 * built from the ASL files, their step functions and roles, the sweeper's schedule, failed executions to a
 * dead-letter queue, the alarms and their topic, and who may start timers.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_ARN_ENV } from '../../contracts/workflows';
import { routes } from '../../lambdas/routes';
import { STAGES } from '../../lib/config';
import { Alarms } from '../../lib/constructs/alarms';
import { routeFunctionName } from '../../lib/constructs/api';
import { EXPORT_WRITE_ACTIONS } from '../../lib/constructs/exports';
import {
  DOOR_PUBLISHING_STEPS,
  EXPORT_MEMORY_MB,
  EXPORT_STEP,
  EXPORT_TIMEOUT,
  OWN_STEP_TABLE_ACTIONS,
  REMINDER_STEP,
  SCHEDULED_STEPS,
  SETTLEMENT_STEP,
  STEP_TABLE_ACTIONS,
  SWEEPERS,
  stepFunctionName,
  stepNames,
  timerName,
} from '../../lib/constructs/timers';
import { STACK_PARTS, type StackPart } from '../../lib/stacks/stack-names';
import { aslOf, fillAsl, workflows } from '../../lib/workflows';
import {
  actionList,
  asList,
  expectOnlyHandlerBase,
  flatten,
  functionNamed as functionNamedIn,
  functionStatements,
  handlerFunctionProps,
  logicalIdOf,
  onlyResource,
  propertiesOf,
  refTarget,
  roleStatements,
  type StackOutputRef,
  seenFrom,
  stackOfRow,
  stageConfig,
  synth,
  tableResourcesFor,
} from './helpers';

type Props = Record<string, unknown>;
type AslState = {
  Type: string;
  Next?: string;
  Resource?: string;
  Retry?: { ErrorEquals: string[] }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  [key: string]: unknown;
};
type Asl = { StartAt: string; States: Record<string, AslState>; QueryLanguage?: string };

/** What Lambda's service errors are called in Step Functions; every Task retries on them. */
const LAMBDA_SERVICE_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

/** Actions CDK gives a state machine role for CloudWatch Logs delivery and X-Ray (these take no resource but `*`). */
const LOG_DELIVERY_AND_TRACING_ACTIONS = [
  'logs:CreateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:DescribeLogGroups',
  'logs:DescribeResourcePolicies',
  'logs:GetLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:UpdateLogDelivery',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:PutTelemetryRecords',
  'xray:PutTraceSegments',
];

describe('the workflow list', () => {
  it('has a state machine ARN variable for every workflow, and a step handler per task and per sweeper', () => {
    expect(workflows.map((w) => w.id).sort()).toEqual(Object.keys(WORKFLOW_ARN_ENV).sort());
    expect(stepNames()).toEqual([
      'close-stay',
      'expire-request',
      'end-visit',
      'send-reminder',
      'run-export',
      'fail-export',
      'sweep-stays',
      'sweep-visits',
      'settle-periods',
    ]);
    expect(SCHEDULED_STEPS).toEqual([...SWEEPERS, SETTLEMENT_STEP]);
  });
});

describe.each(STAGES)('timers (%s)', (stage) => {
  const s = synth(stage);
  const { config, templates } = s;
  const template = templates.async;
  const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Props } & Props>;
  const [tableId] = onlyResource(templates.data, 'AWS::DynamoDB::Table');
  const [topicId] = onlyResource(templates.data, 'AWS::SNS::Topic');
  /** A resource of the data stack as `part` refers to it. */
  const fromData = (value: unknown, part: StackPart = 'async') => seenFrom(s, part, 'data', value);

  const propsOf = (id: string): Props => propertiesOf(template, id);
  const functionNamed = (name: string): string => functionNamedIn(template, name);
  const stepId = (step: string): string => functionNamed(stepFunctionName(config.prefix, step));
  const statementsOfFunction = (id: string): Props[] => functionStatements(template, id);
  const stateMachineId = (workflow: (typeof workflows)[number]): string => {
    const stateMachine = s.stacks.async.timers.stateMachines.get(workflow.id);
    if (!stateMachine) throw new Error(`no state machine ${workflow.id}`);
    return logicalIdOf(stateMachine);
  };
  const stateMachineIds = workflows.map(stateMachineId);

  describe('step functions', () => {
    it('are one function per step handler, run like the route functions', () => {
      for (const step of stepNames()) {
        const fn = propsOf(stepId(step));
        const exportsBucket = { Ref: logicalIdOf(s.stacks.async.exports.bucket) };
        expect(fn, step).toMatchObject({
          ...handlerFunctionProps(config, {
            TABLE_NAME: fromData({ Ref: tableId }),
            ...(step === EXPORT_STEP ? { EXPORTS_BUCKET: exportsBucket } : {}),
          }),
          // the settlement job reads a period's records of every partner: five minutes, not a request's seconds; the
          // export job writes a whole range's file, holding a part of it
          Timeout:
            step === SETTLEMENT_STEP
              ? 300
              : step === EXPORT_STEP
                ? EXPORT_TIMEOUT.toSeconds()
                : config.lambda.timeoutSeconds,
          MemorySize: step === EXPORT_STEP ? EXPORT_MEMORY_MB : config.lambda.memorySize,
        });
        const logGroupId = refTarget((fn.LoggingConfig as Props).LogGroup);
        expect(propsOf(logGroupId)).toEqual({ RetentionInDays: config.logs.retentionDays });
      }
    });

    it('may GetItem, Query, UpdateItem, DeleteItem and PutItem on the table and its indexes (the export job and the reminder their own fewer), nothing else', () => {
      for (const step of stepNames()) {
        const statements = statementsOfFunction(stepId(step));
        const dynamo = statements.filter((s) => actionList(s.Action).some((a) => a.startsWith('dynamodb:')));
        expect(dynamo, step).toHaveLength(1);
        const expected = OWN_STEP_TABLE_ACTIONS[step] ?? STEP_TABLE_ACTIONS;
        expect(actionList(dynamo[0]?.Action), step).toEqual([...expected].sort());
        if (step === EXPORT_STEP) expect(expected).not.toContain('dynamodb:PutItem');
        if (step === 'fail-export') expect(expected).toEqual(['dynamodb:UpdateItem']);
        // the reminder changes no reservation: it puts its outbox item while a check holds the booking as read
        if (step === REMINDER_STEP) {
          expect([...expected].sort()).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem']);
        }
        expect(dynamo[0]?.Effect, step).toBe('Allow');
        const tableArn = fromData({ 'Fn::GetAtt': [tableId, 'Arn'] }) as StackOutputRef;
        expect(asList(dynamo[0]?.Resource), step).toEqual(tableResourcesFor(tableArn, expected));
        // besides that, only the handler base (own logs, traces), for the forced checkout publishing to the doors
        // (the door channel's managed policy, checked in door-channel.test.ts), and for the export job writing
        // export files (the exports bucket's managed policy: exports.test.ts)
        const publish = statements.filter((s) => actionList(s.Action).includes('iot:Publish'));
        expect(publish, step).toHaveLength(DOOR_PUBLISHING_STEPS.includes(step) ? 1 : 0);
        const files = statements.filter((s) => actionList(s.Action).some((a) => a.startsWith('s3:')));
        expect(
          files.map((s) => actionList(s.Action)),
          step,
        ).toEqual(step === EXPORT_STEP ? [[...EXPORT_WRITE_ACTIONS].sort()] : []);
        expectOnlyHandlerBase(template, stepId(step), [...dynamo, ...publish, ...files]);
      }
    });
  });

  describe.each(workflows.map((w) => [w.id, w] as const))('state machine %s', (_, workflow) => {
    const id = stateMachineId(workflow);
    const props = propsOf(id);
    const asl = JSON.parse(aslOf(workflow)) as Asl;
    const substitutions = props.DefinitionSubstitutions as Record<string, unknown>;
    /** The definition as Step Functions gets it: substitutions applied, references as `{LogicalId.Arn}`. */
    const rendered = JSON.parse(
      fillAsl(
        props.DefinitionString as string,
        Object.fromEntries(Object.entries(substitutions).map(([k, v]) => [k, flatten(v)])),
      ),
    ) as Asl;
    const taskStates = Object.entries(rendered.States).filter(([, s]) => s.Type === 'Task');

    it('is a Standard state machine, named by CloudFormation', () => {
      expect(props).toMatchObject({ StateMachineType: 'STANDARD' });
      expect(props).not.toHaveProperty('StateMachineName');
    });

    it('substitutes each placeholder with the ARN of its step function', () => {
      expect(substitutions).toEqual(
        Object.fromEntries(
          Object.entries(workflow.tasks).map(([placeholder, step]) => [
            placeholder,
            { 'Fn::GetAtt': [stepId(step), 'Arn'] },
          ]),
        ),
      );
    });

    it('has the states of the ASL file, with the same types and transitions, in JSONPath', () => {
      expect(rendered.StartAt).toBe(asl.StartAt);
      expect(Object.keys(rendered.States)).toEqual(Object.keys(asl.States));
      for (const [name, state] of Object.entries(asl.States)) {
        expect(rendered.States[name]?.Type, name).toBe(state.Type);
        expect(rendered.States[name]?.Next, name).toBe(state.Next);
      }
      expect(rendered.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
      expect(JSON.stringify(rendered)).not.toMatch(/\{%|\$\{/);
      // the whole document is the ASL file with the step functions' ARNs filled in
      const expected = Object.fromEntries(
        Object.entries(workflow.tasks).map(([placeholder, step]) => [placeholder, `{${stepId(step)}.Arn}`]),
      );
      expect(rendered).toEqual(JSON.parse(fillAsl(aslOf(workflow), expected)));
    });

    it("invokes its step function in each Task, retrying Lambda's service errors and failed tasks, caught into a Fail (through a Task that records the failure)", () => {
      expect(taskStates.length).toBeGreaterThan(0);
      for (const [name, task] of taskStates) {
        const step = Object.values(workflow.tasks).find((s) => task.Resource === `{${stepId(s)}.Arn}`);
        expect(step, name).toBeDefined();
        const retried = (task.Retry ?? []).flatMap((r) => r.ErrorEquals);
        expect(retried, name).toEqual(expect.arrayContaining([...LAMBDA_SERVICE_ERRORS, 'States.TaskFailed']));
        expect(task.Catch, name).toHaveLength(1);
        expect(task.Catch?.[0]?.ErrorEquals, name).toEqual(['States.ALL']);
        // into a Fail, or into a Task that records the failure (the export's) and then fails
        const caught = rendered.States[task.Catch?.[0]?.Next ?? ''];
        if (caught?.Type === 'Task') {
          expect(rendered.States[caught.Next ?? '']?.Type, name).toBe('Fail');
          expect(rendered.States[caught.Catch?.[0]?.Next ?? '']?.Type, name).toBe('Fail');
        } else {
          expect(caught?.Type, name).toBe('Fail');
        }
      }
    });

    it(`logs ${config.stateMachines.logLevel} to its own log group, kept ${config.logs.retentionDays} days`, () => {
      expect(props.LoggingConfiguration).toEqual({
        Level: 'ALL',
        IncludeExecutionData: stage !== 'prod',
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } } }],
      });
      const [destination] = (props.LoggingConfiguration as { Destinations: { CloudWatchLogsLogGroup: Props }[] })
        .Destinations;
      const logGroupId = refTarget(destination?.CloudWatchLogsLogGroup.LogGroupArn);
      expect(resources[logGroupId]).toMatchObject({
        Type: 'AWS::Logs::LogGroup',
        DeletionPolicy: stage === 'prod' ? 'Retain' : 'Delete',
        Properties: { RetentionInDays: config.logs.retentionDays },
      });
      // under /aws/vendedlogs/ (CloudWatch Logs' resource policy stays small), new with each creation of the stack
      const stackUuid = { 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] };
      expect(propsOf(logGroupId).LogGroupName).toEqual({
        'Fn::Join': [
          '',
          [
            `/aws/vendedlogs/states/${timerName(config.prefix, workflow)}-`,
            { 'Fn::Select': [4, { 'Fn::Split': ['-', stackUuid] }] },
          ],
        ],
      });
      // its own: no other state machine logs there
      for (const other of stateMachineIds.filter((o) => o !== id)) {
        expect(JSON.stringify(propsOf(other).LoggingConfiguration)).not.toContain(logGroupId);
      }
    });

    it('is traced with X-Ray', () => {
      expect(props.TracingConfiguration).toEqual({ Enabled: true });
    });

    it('runs as a role Step Functions assumes, which may invoke exactly its step functions', () => {
      const roleId = refTarget(props.RoleArn);
      const trust = (propsOf(roleId).AssumeRolePolicyDocument as { Statement: Props[] }).Statement;
      expect(trust).toHaveLength(1);
      expect(trust[0]).toMatchObject({ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' } });

      const statements = roleStatements(template, roleId);
      const invoke = statements.filter((s) => actionList(s.Action).some((a) => a.startsWith('lambda:')));
      expect(invoke).toHaveLength(1);
      expect(actionList(invoke[0]?.Action)).toEqual(['lambda:InvokeFunction']);
      const arns = [...new Set(Object.values(workflow.tasks))].map((step) => `{${stepId(step)}.Arn}`);
      // the unqualified ARNs the Tasks name: no `:*` (every version and alias)
      expect(asList(invoke[0]?.Resource).map(flatten).sort()).toEqual(arns.sort());
      // besides that, only log delivery and tracing (which take `*`)
      const others = statements.filter((s) => s !== invoke[0]);
      expect(others.flatMap((s) => actionList(s.Action)).sort()).toEqual(LOG_DELIVERY_AND_TRACING_ACTIONS);
      for (const s of statements) expect(s.Effect).toBe('Allow');
    });

    it('alarms on one failed execution in 5 minutes, to the alarm topic', () => {
      onlyResource(template, 'AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/States',
        MetricName: 'ExecutionsFailed',
        Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: id } }],
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [fromData({ Ref: topicId })],
      });
    });
  });

  describe('sweeper', () => {
    const scheduled = Object.entries(template.findResources('AWS::Events::Rule')).filter(
      ([, r]) => (r.Properties as Props).ScheduleExpression !== undefined,
    );

    const ruleOf = (sweeper: string) => {
      const found = scheduled.filter(([, r]) =>
        ((r.Properties as Props).Targets as Props[]).some(
          (t) => refTarget(t.Arn) === stepId(sweeper) || JSON.stringify(t.Arn).includes(stepId(sweeper)),
        ),
      );
      expect(found, sweeper).toHaveLength(1);
      return found[0] as [string, { Properties: Props }];
    };

    it('has one schedule per sweeper and one for the settlement job, and no other', () => {
      expect(scheduled).toHaveLength(SWEEPERS.length + 1);
      expect(SCHEDULED_STEPS.map((step) => ruleOf(step)[0]).sort()).toEqual(scheduled.map(([id]) => id).sort());
    });

    it('runs the settlement job every hour, retrying failed deliveries within the hour', () => {
      const [, rule] = ruleOf(SETTLEMENT_STEP);
      expect(rule.Properties).toMatchObject({ ScheduleExpression: 'rate(1 hour)', State: 'ENABLED' });
      const targets = rule.Properties.Targets as Props[];
      expect(targets).toHaveLength(1);
      expect(targets[0]).toMatchObject({
        Arn: { 'Fn::GetAtt': [stepId(SETTLEMENT_STEP), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
      });
      expect(propsOf(stepId(SETTLEMENT_STEP)).Description).toBe(`Every hour: ${SETTLEMENT_STEP} (${stage})`);
    });

    it.each(SWEEPERS)('runs %s every 5 minutes, retrying failed deliveries', (sweeper) => {
      const [, rule] = ruleOf(sweeper);
      expect(rule.Properties).toMatchObject({ ScheduleExpression: 'rate(5 minutes)', State: 'ENABLED' });
      const targets = rule.Properties.Targets as Props[];
      expect(targets).toHaveLength(1);
      expect(targets[0]).toMatchObject({
        Arn: { 'Fn::GetAtt': [stepId(sweeper), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 300 },
      });
    });

    it.each(SCHEDULED_STEPS)('%s may be invoked by EventBridge from its rule only', (sweeper) => {
      const [ruleId] = ruleOf(sweeper);
      const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter(
        (p) => refTarget((p.Properties as Props).FunctionName) === stepId(sweeper),
      );
      expect(permissions.map((p) => p.Properties)).toEqual([
        {
          Action: 'lambda:InvokeFunction',
          FunctionName: { 'Fn::GetAtt': [stepId(sweeper), 'Arn'] },
          Principal: 'events.amazonaws.com',
          SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
        },
      ]);
    });

    it('leaves every other step function to be invoked by state machines only', () => {
      for (const step of stepNames().filter((s) => !SCHEDULED_STEPS.includes(s))) {
        const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter(
          (p) => refTarget((p.Properties as Props).FunctionName) === stepId(step),
        );
        expect(permissions, step).toEqual([]);
      }
    });
  });

  describe('settlement job alarms', () => {
    const alarmShape = {
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [fromData({ Ref: topicId })],
      OKActions: [fromData({ Ref: topicId })],
    };

    it(`alarm on the first error of ${SETTLEMENT_STEP} in 5 minutes (its function's Errors), to the alarm topic`, () => {
      onlyResource(template, 'AWS::CloudWatch::Alarm', {
        AlarmName: `${stepFunctionName(config.prefix, SETTLEMENT_STEP)}-errors`,
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: stepId(SETTLEMENT_STEP) } }],
        ...alarmShape,
      });
    });

    it('alarm on the first invocation its schedule failed to make in 5 minutes (the rule’s FailedInvocations)', () => {
      const [ruleId] = Object.entries(template.findResources('AWS::Events::Rule')).find(([, r]) =>
        ((r.Properties as { Targets?: Props[] }).Targets ?? []).some(
          (t) => refTarget(t.Arn) === stepId(SETTLEMENT_STEP),
        ),
      ) as [string, unknown];
      onlyResource(template, 'AWS::CloudWatch::Alarm', {
        AlarmName: `${stepFunctionName(config.prefix, SETTLEMENT_STEP)}-schedule-failed`,
        Namespace: 'AWS/Events',
        MetricName: 'FailedInvocations',
        Dimensions: [{ Name: 'RuleName', Value: { Ref: ruleId } }],
        ...alarmShape,
      });
    });
  });

  describe('failed executions', () => {
    const [ruleId, rule] = onlyResource(template, 'AWS::Events::Rule', {
      EventPattern: { source: ['aws.states'] },
    });
    const targets = (rule.Properties as { Targets: Props[] }).Targets;
    const queueId = refTarget(targets[0]?.Arn);

    it('are matched for these state machines when FAILED, TIMED_OUT or ABORTED', () => {
      expect((rule.Properties as Props).EventPattern).toEqual({
        source: ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        detail: {
          status: ['FAILED', 'TIMED_OUT', 'ABORTED'],
          stateMachineArn: stateMachineIds.map((sm) => ({ Ref: sm })),
        },
      });
    });

    it('go to an encrypted dead-letter queue kept 14 days', () => {
      expect(targets).toHaveLength(1);
      expect(resources[queueId]?.Type).toBe('AWS::SQS::Queue');
      expect(propsOf(queueId)).toEqual({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
    });

    it('are sent by EventBridge from that rule only, over TLS only', () => {
      const [, policy] = onlyResource(template, 'AWS::SQS::QueuePolicy', { Queues: [{ Ref: queueId }] });
      const statements = (policy.Properties as { PolicyDocument: { Statement: Props[] } }).PolicyDocument.Statement;
      const allows = statements.filter((s) => s.Effect === 'Allow');
      expect(allows).toHaveLength(1);
      expect(allows[0]).toMatchObject({
        Principal: { Service: 'events.amazonaws.com' },
        Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
        Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
      });
      expect(actionList(allows[0]?.Action)).toContain('sqs:SendMessage');
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 'sqs:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    });

    it('alarm as soon as one is in the queue, to the alarm topic', () => {
      onlyResource(template, 'AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [fromData({ Ref: topicId })],
      });
    });
  });

  describe('alarm topic', () => {
    it('is one topic for the stage (data stack), TLS only, which every alarm of every stack notifies on ALARM and OK', () => {
      expect(propertiesOf(templates.data, topicId)).not.toHaveProperty('TopicName');
      for (const part of STACK_PARTS) templates[part].resourceCountIs('AWS::SNS::Topic', part === 'data' ? 1 : 0);
      const [, topicPolicy] = onlyResource(templates.data, 'AWS::SNS::TopicPolicy');
      expect(JSON.stringify(topicPolicy.Properties)).toContain('aws:SecureTransport');
      const alarms = STACK_PARTS.flatMap((part) =>
        Object.values(templates[part].findResources('AWS::CloudWatch::Alarm')).map((alarm) => ({ part, alarm })),
      );
      // which alarms there are: operations.test.ts
      expect(alarms.length).toBeGreaterThan(workflows.length);
      for (const { part, alarm } of alarms) {
        const topic = fromData({ Ref: topicId }, part);
        expect(alarm.Properties).toMatchObject({ AlarmActions: [topic], OKActions: [topic] });
      }
    });

    it(config.alarmEmail ? 'has the e-mail subscription' : 'has no subscription without alarmEmail', () => {
      const subscriptions = STACK_PARTS.flatMap((part) =>
        Object.values(templates[part].findResources('AWS::SNS::Subscription')),
      );
      expect(subscriptions.map((sub) => sub.Properties)).toEqual(
        config.alarmEmail ? [{ Protocol: 'email', Endpoint: config.alarmEmail, TopicArn: { Ref: topicId } }] : [],
      );
    });
  });

  describe('starting timers', () => {
    const starters = routes.filter((r) => r.startsTimers);
    const canStart = (st: Props) => actionList(st.Action).some((a) => a.startsWith('states:') || a === '*');
    const workflowNamed = (id: string) => workflows.find((w) => w.id === id) as (typeof workflows)[number];
    /** Every function of the stage, with its stack. */
    const allFunctions = STACK_PARTS.flatMap((part) =>
      Object.entries(templates[part].findResources('AWS::Lambda::Function')).map(([id, fn]) => ({
        part,
        id,
        props: fn.Properties as Props,
      })),
    );
    const rowOf = (fn: (typeof allFunctions)[number]) =>
      routes.find((r) => fn.props.FunctionName === routeFunctionName(config.prefix, r));
    /** The state machine of a workflow as `part` refers to it. */
    const stateMachineRef = (workflowId: string, part: StackPart) =>
      seenFrom(s, part, 'async', { Ref: stateMachineId(workflowNamed(workflowId)) });

    it('is what the route table says: booking starts a request’s expiry or a booking’s forced checkout and reminder, approving a request the forced checkout and reminder, a drop-in check-in (by QR or at reception) its end, an export request its job', () => {
      expect(Object.fromEntries(starters.map((r) => [r.id, r.startsTimers]))).toEqual({
        'create-reservation': ['forced-checkout', 'reminder', 'request-expiry'],
        'check-in-visit': ['visit-end'],
        'check-in-by-ticket': ['visit-end'],
        'approve-booking-request': ['forced-checkout', 'reminder'],
        'request-export': ['export'],
      });
    });

    it("is allowed exactly to the rows with startsTimers: states:StartExecution on the row's state machines only", () => {
      for (const row of routes) {
        const part = stackOfRow(row);
        const statements = functionStatements(
          templates[part],
          functionNamedIn(templates[part], routeFunctionName(config.prefix, row)),
          s,
        );
        const states = statements.filter(canStart);
        if (!row.startsTimers) {
          expect(states, row.id).toEqual([]);
          continue;
        }
        expect(states, row.id).toHaveLength(1);
        expect(actionList(states[0]?.Action), row.id).toEqual(['states:StartExecution']);
        expect(states[0], row.id).toMatchObject({ Effect: 'Allow' });
        expect(asList(states[0]?.Resource), row.id).toEqual(row.startsTimers.map((w) => stateMachineRef(w, part)));
      }
    });

    it('is allowed to no other function', () => {
      for (const fn of allFunctions.filter((f) => !rowOf(f))) {
        expect(functionStatements(templates[fn.part], fn.id, s).filter(canStart), `${fn.part}/${fn.id}`).toEqual([]);
      }
    });

    it('gives exactly those functions the ARN of each state machine they start, in its WORKFLOW_ARN_ENV variable', () => {
      const names = Object.values(WORKFLOW_ARN_ENV) as string[];
      for (const fn of allFunctions) {
        const variables = (fn.props.Environment as { Variables?: Props } | undefined)?.Variables ?? {};
        const given = Object.fromEntries(Object.entries(variables).filter(([k]) => names.includes(k)));
        const expected = Object.fromEntries(
          (rowOf(fn)?.startsTimers ?? []).map((w) => [WORKFLOW_ARN_ENV[w], stateMachineRef(w, fn.part)]),
        );
        expect(given, `${fn.part}/${fn.id}`).toEqual(expected);
      }
    });

    it('refuses to equip a function for no timer, or for one that does not exist', () => {
      const { stacks } = synth(stage);
      const fn = stacks.memberApi.api.functions.get('get-me');
      if (!fn) throw new Error('no get-me function');
      expect(() => stacks.async.timers.allowStartingTimers(fn, [])).toThrow(/no timer to start/);
      expect(() => stacks.async.timers.allowStartingTimers(fn, ['nightly-report' as never])).toThrow(
        /No state machine for the workflow nightly-report/,
      );
    });
  });
});

describe('alarm topic with alarmEmail', () => {
  it('subscribes that address by e-mail', () => {
    const stack = new Stack(new App());
    const config = { ...stageConfig('dev'), alarmEmail: 'ops@coworking.example' };
    new Alarms(stack, 'Alarms', { config });
    const template = Template.fromStack(stack);
    const [topicId] = onlyResource(template, 'AWS::SNS::Topic');
    onlyResource(template, 'AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@coworking.example',
      TopicArn: { Ref: topicId },
    });
  });
});
