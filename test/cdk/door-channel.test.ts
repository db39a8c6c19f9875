/**
 * The door channel in the synthesized async stack, one synth per stage (bundling skipped): the topic rule
 * on the doors' events, its permission and error action, the door-event function and its dead-letter queue, the door policy, the data-endpoint lookup, and
 * who may publish unlock commands.
 */
import { describe, expect, it } from 'vitest';
import { doorThingPolicy, THING_NAME_VARIABLE } from '../../iot/policies';
import { routes } from '../../lambdas/routes';
import { STAGES } from '../../lib/config';
import { routeFunctionName } from '../../lib/constructs/api';
import {
  DOOR_EVENT_RETRY_ATTEMPTS,
  doorEventDeadLettersName,
  doorEventFunctionName,
  doorPolicyName,
} from '../../lib/constructs/door-channel';
import { DOOR_PUBLISHING_STEPS, stepFunctionName } from '../../lib/constructs/timers';
import { STACK_PARTS } from '../../lib/stacks/stack-names';
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
  seenFrom,
  stackOfRow,
  synth,
} from './helpers';

type Props = Record<string, unknown>;

describe.each(STAGES)('door channel (%s)', (stage) => {
  const s = synth(stage);
  const { config, templates } = s;
  const template = templates.async;
  const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Props } & Props>;
  const functions = template.findResources('AWS::Lambda::Function');
  const [tableId] = onlyResource(templates.data, 'AWS::DynamoDB::Table');
  const [topicId] = onlyResource(templates.data, 'AWS::SNS::Topic');
  /** A resource of the data stack as this stack refers to it. */
  const fromData = (value: unknown) => seenFrom(s, 'async', 'data', value);
  const [ruleId, rule] = onlyResource(template, 'AWS::IoT::TopicRule');
  const payload = (rule.Properties as { TopicRulePayload: Props }).TopicRulePayload;
  const [endpointId, endpoint] = onlyResource(template, 'Custom::IotDataEndpoint');
  /** `{ Ref: AWS::AccountId }` flattened, or the account the stage is pinned to. */
  const account = config.env.account ?? '{AWS::AccountId}';
  /** How the template names the stage's account: the pinned one, else `{ Ref: AWS::AccountId }`. */
  const accountValue = config.env.account ?? { Ref: 'AWS::AccountId' };
  const region = config.env.region;

  const propsOf = (id: string): Props => propertiesOf(template, id);
  const functionNamed = (name: string): string => functionNamedIn(template, name);
  const doorEventId = functionNamed(doorEventFunctionName(config.prefix));
  const doorEvent = propsOf(doorEventId);
  const deadLetterQueueId = logicalIdOf(s.stacks.async.doorChannel.doorEventDeadLetters);
  const statementsOfFunction = (id: string): Props[] => functionStatements(template, id);

  describe('events rule', () => {
    it("selects every door's events with the door id of the topic, in SQL version 2016-03-23", () => {
      expect(payload).toMatchObject({
        Sql: "SELECT *, topic(2) AS topicDoorId FROM 'doors/+/events'",
        AwsIotSqlVersion: '2016-03-23',
        RuleDisabled: false,
      });
    });

    it('has one action: invoke the door-event function', () => {
      expect(payload.Actions).toEqual([{ Lambda: { FunctionArn: { 'Fn::GetAtt': [doorEventId, 'Arn'] } } }]);
    });

    it('lets IoT invoke the door-event function only from this rule, in this account', () => {
      const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter(
        (p) => refTarget((p.Properties as Props).FunctionName) === doorEventId,
      );
      expect(permissions).toHaveLength(1);
      expect(permissions[0]?.Properties).toEqual({
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [doorEventId, 'Arn'] },
        Principal: 'iot.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
        SourceAccount: accountValue,
      });
    });

    it(`writes its errors to its own log group, kept ${config.logs.retentionDays} days`, () => {
      const logs = (payload.ErrorAction as { CloudwatchLogs: Props }).CloudwatchLogs;
      const logGroup = resources[refTarget(logs.LogGroupName)];
      expect(logGroup?.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup?.Properties.RetentionInDays).toBe(config.logs.retentionDays);
      expect(logGroup?.DeletionPolicy).toBe(stage === 'prod' ? 'Retain' : 'Delete');
      // its own: no function logs there
      for (const fn of Object.values(functions)) {
        const target = ((fn.Properties as Props).LoggingConfig as Props | undefined)?.LogGroup;
        if (target) expect(refTarget(target)).not.toBe(refTarget(logs.LogGroupName));
      }
    });

    it('writes errors through a role IoT assumes for this rule only, which may only write to that log group', () => {
      const logs = (payload.ErrorAction as { CloudwatchLogs: Props }).CloudwatchLogs;
      const roleId = refTarget(logs.RoleArn);
      const trust = (propsOf(roleId).AssumeRolePolicyDocument as { Statement: Props[] }).Statement;
      expect(trust).toHaveLength(1);
      expect(trust[0]).toMatchObject({ Effect: 'Allow', Principal: { Service: 'iot.amazonaws.com' } });
      const condition = trust[0]?.Condition as Record<string, Record<string, unknown>>;
      expect(flatten(condition.ArnEquals?.['aws:SourceArn'])).toBe(
        `arn:aws:iot:${region}:${account}:rule/${(rule.Properties as Props).RuleName}`,
      );
      expect(condition.StringEquals?.['aws:SourceAccount']).toEqual(accountValue);

      const statements = roleStatements(template, roleId);
      expect(statements).toHaveLength(1);
      expect(actionList(statements[0]?.Action)).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      expect(statements[0]).toMatchObject({ Effect: 'Allow' });
      expect(asList(statements[0]?.Resource)).toEqual([{ 'Fn::GetAtt': [refTarget(logs.LogGroupName), 'Arn'] }]);
    });
  });

  describe('door-event function', () => {
    it('runs like every handler function: runtime, arm64, traced, with the handler environment', () => {
      expect(doorEvent).toMatchObject(handlerFunctionProps(config, { TABLE_NAME: fromData({ Ref: tableId }) }));
    });

    it(`logs to its own log group, named by CloudFormation, kept ${config.logs.retentionDays} days`, () => {
      const logGroupId = refTarget((doorEvent.LoggingConfig as Props).LogGroup);
      expect(resources[logGroupId]?.Properties).toEqual({ RetentionInDays: config.logs.retentionDays });
    });

    it('may only UpdateItem on the table (no index, no other table action)', () => {
      const statements = statementsOfFunction(doorEventId);
      const dynamo = statements.filter((s) => actionList(s.Action).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo).toHaveLength(1);
      expect(actionList(dynamo[0]?.Action)).toEqual(['dynamodb:UpdateItem']);
      expect(asList(dynamo[0]?.Resource)).toEqual([fromData({ 'Fn::GetAtt': [tableId, 'Arn'] })]);
      // besides that, sending to its dead-letter queue, and the handler base (own logs, traces)
      const sqs = statements.filter((s) => actionList(s.Action).some((a) => a.startsWith('sqs:')));
      expect(sqs).toHaveLength(1);
      expect(actionList(sqs[0]?.Action)).toContain('sqs:SendMessage');
      expect(asList(sqs[0]?.Resource)).toEqual([{ 'Fn::GetAtt': [deadLetterQueueId, 'Arn'] }]);
      expectOnlyHandlerBase(template, doorEventId, [...dynamo, ...sqs]);
    });

    it('alarms on its first failed invocation in 5 minutes, to the alarm topic', () => {
      onlyResource(template, 'AWS::CloudWatch::Alarm', {
        AlarmName: `${doorEventFunctionName(config.prefix)}-errors`,
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: doorEventId } }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: config.alarms.doorEventErrors,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [fromData({ Ref: topicId })],
        OKActions: [fromData({ Ref: topicId })],
      });
      expect(config.alarms.doorEventErrors).toBe(1);
    });
  });

  describe('door-event dead-letter queue', () => {
    it(`keeps events the function failed on after ${DOOR_EVENT_RETRY_ATTEMPTS} retries of the asynchronous invocation`, () => {
      const [, config] = onlyResource(template, 'AWS::Lambda::EventInvokeConfig');
      expect(config.Properties).toEqual({
        FunctionName: { Ref: doorEventId },
        Qualifier: '$LATEST',
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [deadLetterQueueId, 'Arn'] } } },
      });
    });

    it('is encrypted (SSE-SQS), kept 14 days and reachable over TLS only', () => {
      expect(propsOf(deadLetterQueueId)).toEqual({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      const [, policy] = onlyResource(template, 'AWS::SQS::QueuePolicy', { Queues: [{ Ref: deadLetterQueueId }] });
      expect((policy.Properties as { PolicyDocument: { Statement: Props[] } }).PolicyDocument.Statement).toEqual([
        {
          Effect: 'Deny',
          Action: 'sqs:*',
          Principal: { AWS: '*' },
          Resource: { 'Fn::GetAtt': [deadLetterQueueId, 'Arn'] },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ]);
    });

    it('alarms as soon as it holds a message, to the alarm topic', () => {
      onlyResource(template, 'AWS::CloudWatch::Alarm', {
        AlarmName: `${doorEventDeadLettersName(config.prefix)}-not-empty`,
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLetterQueueId, 'QueueName'] } }],
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [fromData({ Ref: topicId })],
      });
    });
  });

  describe('door policy', () => {
    const [policyId, policy] = onlyResource(template, 'AWS::IoT::Policy');
    const document = (policy.Properties as { PolicyDocument: { Statement: Props[] } }).PolicyDocument;

    it('is named for the stage and is the document of iot/policies.ts', () => {
      expect((policy.Properties as Props).PolicyName).toBe(doorPolicyName(config.prefix));
      const rendered = {
        ...document,
        Statement: document.Statement.map((s) => ({ ...s, Resource: asList(s.Resource).map(flatten) })),
      };
      expect(rendered).toEqual(doorThingPolicy(region, account, 'aws'));
      expect(template.toJSON().Outputs.DoorPolicyName.Value).toEqual({ Ref: policyId });
    });

    it('connects, subscribes, receives and publishes only on topics of its own thing name', () => {
      const byAction = Object.fromEntries(
        document.Statement.map((s) => [actionList(s.Action).join(), asList(s.Resource).map(flatten)]),
      );
      const arn = `arn:aws:iot:${region}:${account}`;
      expect(byAction).toEqual({
        'iot:Connect': [`${arn}:client/${THING_NAME_VARIABLE}`],
        'iot:Subscribe': [
          `${arn}:topicfilter/doors/${THING_NAME_VARIABLE}/unlock`,
          `${arn}:topicfilter/doors/${THING_NAME_VARIABLE}/codes`,
        ],
        'iot:Receive': [
          `${arn}:topic/doors/${THING_NAME_VARIABLE}/unlock`,
          `${arn}:topic/doors/${THING_NAME_VARIABLE}/codes`,
        ],
        'iot:Publish': [`${arn}:topic/doors/${THING_NAME_VARIABLE}/events`],
      });
      const connect = document.Statement.find((s) => actionList(s.Action).includes('iot:Connect'));
      expect(connect?.Condition).toEqual({ Bool: { 'iot:Connection.Thing.IsAttached': 'true' } });
      for (const s of document.Statement) expect(s.Effect).toBe('Allow');
    });

    it('has no wildcard: no `*` resource, no `*`, `+` or `#` beyond the thing-name variable', () => {
      for (const s of document.Statement) {
        for (const action of actionList(s.Action)) expect(action).not.toContain('*');
        for (const resource of asList(s.Resource).map(flatten)) {
          expect(resource).not.toBe('*');
          expect(resource).toContain(THING_NAME_VARIABLE);
          expect(resource.replaceAll(THING_NAME_VARIABLE, '')).not.toMatch(/[*+#]/);
        }
      }
    });
  });

  describe('publishing unlock commands', () => {
    const publishers = routes.filter((r) => r.publishesUnlocks);
    /** Every function of the stage as `<stack>/<logical id>`. */
    const allFunctions = STACK_PARTS.flatMap((part) =>
      Object.entries(templates[part].findResources('AWS::Lambda::Function')).map(([id, fn]) => ({
        part,
        id,
        key: `${part}/${id}`,
        props: fn.Properties as Props,
      })),
    );
    // the forced checkout (timer and sweeper) removes keypad codes
    const publisherKeys = [
      ...publishers.map(
        (r) => `${stackOfRow(r)}/${functionNamedIn(templates[stackOfRow(r)], routeFunctionName(config.prefix, r))}`,
      ),
      ...DOOR_PUBLISHING_STEPS.map(
        (step) => `async/${functionNamedIn(templates.async, stepFunctionName(config.prefix, step))}`,
      ),
    ].sort();
    const statementsOf = (fn: (typeof allFunctions)[number]) => functionStatements(templates[fn.part], fn.id, s);
    const endpointAddress = { 'Fn::GetAtt': [endpointId, 'endpointAddress'] };
    const endpointUrl = { 'Fn::Join': ['', ['https://', endpointAddress]] };

    it('is what the check-in, unlock and checkout rows say (derived from the route table)', () => {
      expect(publishers.map((r) => r.id)).toEqual(expect.arrayContaining(['check-in', 'unlock', 'checkout']));
    });

    it('is allowed exactly to the rows with publishesUnlocks and the forced-checkout steps: iot:Publish on doors/*/unlock and doors/*/codes only', () => {
      const canPublish = (st: Props) =>
        actionList(st.Action).some((a) => a === 'iot:Publish' || a === 'iot:*' || a === '*');
      const allowed = allFunctions.filter((fn) => statementsOf(fn).some(canPublish));
      expect(allowed.map((fn) => fn.key).sort()).toEqual(publisherKeys);
      for (const fn of allowed) {
        const publish = statementsOf(fn).filter(canPublish);
        expect(publish, fn.key).toHaveLength(1);
        expect(actionList(publish[0]?.Action), fn.key).toEqual(['iot:Publish']);
        expect(publish[0]?.Effect, fn.key).toBe('Allow');
        // one managed policy (async stack) for every publisher, its ARN built from pseudo parameters
        expect(asList(publish[0]?.Resource).map(flatten).sort(), fn.key).toEqual([
          'arn:{AWS::Partition}:iot:{AWS::Region}:{AWS::AccountId}:topic/doors/*/codes',
          'arn:{AWS::Partition}:iot:{AWS::Region}:{AWS::AccountId}:topic/doors/*/unlock',
        ]);
      }
    });

    it('gives exactly those functions IOT_DATA_ENDPOINT, the https URL of the looked-up endpoint', () => {
      const withEndpoint = allFunctions.filter((fn) => {
        const env = (fn.props as { Environment?: { Variables?: Props } }).Environment?.Variables;
        return env !== undefined && 'IOT_DATA_ENDPOINT' in env;
      });
      expect(withEndpoint.map((fn) => fn.key).sort()).toEqual(publisherKeys);
      for (const fn of withEndpoint) {
        expect((fn.props.Environment as { Variables: Props }).Variables, fn.key).toEqual(
          expect.objectContaining({
            IOT_DATA_ENDPOINT: {
              'Fn::Join': ['', ['https://', seenFrom(s, fn.part, 'async', endpointAddress)]],
            },
          }),
        );
      }
      expect(template.toJSON().Outputs.IotDataEndpoint.Value).toEqual(endpointUrl);
    });
  });

  describe('data endpoint lookup', () => {
    it('calls Iot describeEndpoint for the ATS data endpoint, on create and update, without installing an SDK', () => {
      const props = endpoint.Properties as Props;
      for (const call of [props.Create, props.Update]) {
        expect(JSON.parse(call as string)).toMatchObject({
          service: 'Iot',
          action: 'describeEndpoint',
          parameters: { endpointType: 'iot:Data-ATS' },
        });
      }
      expect(props.InstallLatestAwsSdk).toBe(false);
    });

    it('may only iot:DescribeEndpoint (resource * is the only one that action supports)', () => {
      const providerId = refTarget(endpoint.Properties?.ServiceToken);
      const statements = statementsOfFunction(providerId);
      const logGroupId = refTarget((propsOf(providerId).LoggingConfig as Props).LogGroup);
      expect(statements).toEqual([
        // its own role (no AWS managed policy): writing its own log group
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] },
        },
        { Effect: 'Allow', Action: 'iot:DescribeEndpoint', Resource: '*' },
      ]);
      expect(propsOf(refTarget(propsOf(providerId).Role)).ManagedPolicyArns).toBeUndefined();
    });

    it(`logs the provider to a log group kept ${config.logs.retentionDays} days`, () => {
      const providerId = refTarget(endpoint.Properties?.ServiceToken);
      const logGroupId = refTarget((propsOf(providerId).LoggingConfig as Props).LogGroup);
      expect(resources[logGroupId]?.Properties.RetentionInDays).toBe(config.logs.retentionDays);
    });
  });
});
