import { Aws, Stack } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, ManagedPolicy, PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnPolicy, CfnTopicRule } from 'aws-cdk-lib/aws-iot';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { EVENTS_WILDCARD } from '../../contracts/mqtt';
import { backendPublishStatement, doorThingPolicy } from '../../iot/policies';
import { DOOR_EVENT_ENTRY } from '../../lambdas/routes';
import type { StageConfig } from '../config';
import { ALARM_PERIOD, type Alarms } from './alarms';
import type { UnlockPublisher } from './api';
import { createHandlerFunction, logWritingRole } from './handler-function';
import { tableAccessStatement } from './table';

/** Physical name of the door-event function. */
export const doorEventFunctionName = (prefix: string): string => `${prefix}-door-event`;

/** What the alarms call the queue of door events the door-event function failed on (the queue is unnamed). */
export const doorEventDeadLettersName = (prefix: string): string => `${prefix}-door-event-dlq`;

/** How often Lambda retries a failed asynchronous invocation of the door-event function. */
export const DOOR_EVENT_RETRY_ATTEMPTS = 2;

/** Name of the IoT policy every door certificate gets at provisioning. */
export const doorPolicyName = (prefix: string): string => `${prefix}-door`;

/** Name of the topic rule on the doors' events topics (rule names allow letters, digits and `_` only). */
export const doorEventsRuleName = (prefix: string): string => `${prefix.replace(/[^A-Za-z0-9_]/g, '_')}_door_events`;

/** Environment variable through which publishing functions learn the IoT data endpoint. */
export const IOT_DATA_ENDPOINT_ENV = 'IOT_DATA_ENDPOINT';

/**
 * IoT SQL of the events rule: the door's message plus the door id of the topic it came on (`topicDoorId`),
 * which the handler compares with the message's `doorId`.
 */
export const DOOR_EVENTS_SQL = `SELECT *, topic(2) AS topicDoorId FROM '${EVENTS_WILDCARD}'`;

/** Props of {@link DoorChannel}. */
export interface DoorChannelProps {
  /** Stage settings: names, Lambda sizing, log retention, Powertools. */
  readonly config: StageConfig;
  /** The single table; the door-event function may only `dynamodb:UpdateItem` it (no indexes). */
  readonly table: ITable;
  /**
   * The stack's alarm topic and dead-letter queues: the door-event function's on-failure queue, and an alarm
   * on the function's errors.
   */
  readonly alarms: Alarms;
}

/**
 * The door channel on AWS IoT Core: the account's data endpoint (looked up at deploy time), the IoT policy
 * for door certificates, and the topic rule that hands `doors/+/events` to the door-event function, with an
 * error action writing to a log group; door events the function fails on (after 2 retries) go to a dead-letter
 * queue that alarms when not empty, and the function's errors alarm too. Also equips functions to publish
 * unlock commands and keypad codes, through one managed policy allowing `iot:Publish` on `doors/*\/unlock` and
 * `doors/*\/codes` only.
 */
export class DoorChannel extends Construct implements UnlockPublisher {
  /** `https://<account prefix>-ats.iot.<region>.amazonaws.com`: the IoT data (ATS) endpoint. */
  readonly dataEndpoint: string;
  /** Records door events on their unlock commands. */
  readonly doorEventFunction: NodejsFunction;
  /** Door events the door-event function failed on, after its retries (its on-failure destination). */
  readonly doorEventDeadLetters: Queue;
  /** The door-event function's `Errors` reached `config.alarms.doorEventErrors` in 5 minutes. */
  readonly doorEventErrorsAlarm: Alarm;
  /** `iot:Publish` on the unlock and codes topics of every door; attached to the role of each publishing function. */
  readonly publishUnlocksPolicy: ManagedPolicy;
  /** `doors/+/events` → the door-event function. */
  readonly eventsRule: CfnTopicRule;
  /** Where the rule's error action writes. */
  readonly ruleErrorLogGroup: LogGroup;
  /** The IoT policy attached to every door certificate at provisioning. */
  readonly doorPolicy: CfnPolicy;
  /** Name of {@link doorPolicy}. */
  readonly doorPolicyName: string;

  constructor(scope: Construct, id: string, props: DoorChannelProps) {
    super(scope, id);
    const { config, table } = props;
    const { region, account, partition } = Stack.of(this);

    const lookupLogs = new LogGroup(this, 'DataEndpointLookupLogs', {
      retention: config.logs.retentionDays,
      removalPolicy: config.logs.removalPolicy,
    });
    // The provider's own role: writing its log group only, instead of the AWS managed basic execution role.
    const lookupRole = logWritingRole(
      this,
      'DataEndpointLookupRole',
      'Provider of the IoT data endpoint lookup (AwsCustomResource): writes its own log group',
      lookupLogs,
    );

    const endpoint = new AwsCustomResource(this, 'DataEndpoint', {
      resourceType: 'Custom::IotDataEndpoint',
      onUpdate: {
        service: 'Iot',
        action: 'describeEndpoint',
        parameters: { endpointType: 'iot:Data-ATS' },
        physicalResourceId: PhysicalResourceId.fromResponse('endpointAddress'),
        outputPaths: ['endpointAddress'],
      },
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['iot:DescribeEndpoint'],
          // AWS limitation: iot:DescribeEndpoint supports no resource-level permissions, only `*`.
          resources: ['*'],
        }),
      ]),
      installLatestAwsSdk: false,
      role: lookupRole,
      logGroup: lookupLogs,
    });
    this.dataEndpoint = `https://${endpoint.getResponseField('endpointAddress')}`;

    this.doorEventFunction = createHandlerFunction(this, 'DoorEvent', {
      config,
      functionName: doorEventFunctionName(config.prefix),
      description: `IoT rule ${EVENTS_WILDCARD}: records door events (${config.stage})`,
      entry: DOOR_EVENT_ENTRY,
      table,
    });
    this.doorEventFunction.addToRolePolicy(
      tableAccessStatement('DoorEventTableAccess', table, ['dynamodb:UpdateItem']),
    );
    this.doorEventDeadLetters = props.alarms.deadLetterQueue(this, 'DoorEventDeadLetters', {
      name: doorEventDeadLettersName(config.prefix),
      description: 'Door events the door-event function failed on',
    }).queue;
    // the topic rule invokes the function asynchronously: failures after the retries land in the queue
    this.doorEventFunction.configureAsyncInvoke({
      onFailure: new SqsDestination(this.doorEventDeadLetters),
      retryAttempts: DOOR_EVENT_RETRY_ATTEMPTS,
    });
    this.doorEventErrorsAlarm = props.alarms.alarmWhen(this, 'DoorEventErrorsAlarm', {
      alarmName: `${doorEventFunctionName(config.prefix)}-errors`,
      description: `Door events (${config.stage}): the door-event function failed ${config.alarms.doorEventErrors} or more times in 5 minutes`,
      metric: this.doorEventFunction.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }),
      threshold: config.alarms.doorEventErrors,
    });

    this.ruleErrorLogGroup = new LogGroup(this, 'EventsRuleErrors', {
      retention: config.logs.retentionDays,
      removalPolicy: config.logs.removalPolicy,
    });

    const ruleName = doorEventsRuleName(config.prefix);
    // Built from the name rather than taken from the rule: the rule refers to this role, so the trust
    // policy cannot refer back to the rule.
    const ruleArn = Stack.of(this).formatArn({ service: 'iot', resource: 'rule', resourceName: ruleName });
    const errorRole = new Role(this, 'EventsRuleErrorRole', {
      description: `Error action of the IoT rule ${ruleName}: writes its errors to CloudWatch Logs`,
      assumedBy: new ServicePrincipal('iot.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnEquals: { 'aws:SourceArn': ruleArn },
        },
      }),
      inlinePolicies: {
        WriteRuleErrors: new PolicyDocument({
          statements: [
            new PolicyStatement({
              effect: Effect.ALLOW,
              actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              resources: [this.ruleErrorLogGroup.logGroupArn],
            }),
          ],
        }),
      },
    });

    this.eventsRule = new CfnTopicRule(this, 'EventsRule', {
      ruleName,
      topicRulePayload: {
        description: `Door events (${EVENTS_WILDCARD}) to the door-event function (${config.stage})`,
        sql: DOOR_EVENTS_SQL,
        awsIotSqlVersion: '2016-03-23',
        ruleDisabled: false,
        actions: [{ lambda: { functionArn: this.doorEventFunction.functionArn } }],
        errorAction: {
          cloudwatchLogs: { logGroupName: this.ruleErrorLogGroup.logGroupName, roleArn: errorRole.roleArn },
        },
      },
    });

    this.doorEventFunction.addPermission('InvokeFromEventsRule', {
      principal: new ServicePrincipal('iot.amazonaws.com'),
      action: 'lambda:InvokeFunction',
      sourceArn: this.eventsRule.attrArn,
      sourceAccount: account,
    });

    this.doorPolicy = new CfnPolicy(this, 'DoorPolicy', {
      policyName: doorPolicyName(config.prefix),
      policyDocument: doorThingPolicy(region, account, partition),
    });
    this.doorPolicyName = this.doorPolicy.ref;

    this.publishUnlocksPolicy = new ManagedPolicy(this, 'PublishUnlocks', {
      description: `Publish unlock commands and keypad codes to the doors, doors/*/unlock and doors/*/codes only (${config.stage})`,
      statements: [
        // pseudo parameters rather than the stack's values: the ARN (and the cdk-nag finding that names it)
        // is then the same whatever account the app is synthesized with
        PolicyStatement.fromJson({
          Sid: 'PublishUnlockCommands',
          ...backendPublishStatement(Aws.REGION, Aws.ACCOUNT_ID, Aws.PARTITION),
        }),
      ],
    });
  }

  /**
   * Gives `fn` the data endpoint (`IOT_DATA_ENDPOINT`) and attaches {@link publishUnlocksPolicy} (`iot:Publish`
   * on `doors/*\/unlock` and `doors/*\/codes` only) to its role.
   * @throws Error when `fn` has no role
   */
  allowPublishingUnlocks(fn: LambdaFunction): void {
    if (!fn.role) throw new Error(`${fn.node.path}: no role to attach the unlock publishing policy to`);
    fn.addEnvironment(IOT_DATA_ENDPOINT_ENV, this.dataEndpoint);
    fn.role.addManagedPolicy(this.publishUnlocksPolicy);
  }
}

export { DOOR_EVENT_ENTRY };
