/**
 * Physical names (issue 15, deploy hardening): a resource with a fixed name cannot be replaced (CloudFormation
 * creates the new one before it deletes the old, and the name is taken), and a fixed-name resource a failed first
 * deploy retained blocks the retry ("already exists"). So CloudFormation names everything, but what is listed here
 * with the reason its name is needed; every log group is unnamed or named anew with each creation of its stack.
 */
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../lib/config';
import { STACK_PARTS } from '../../lib/stacks/stack-names';
import { synth } from './helpers';

/** Resource type → the property that is its physical name, and why it is set. */
const KEPT_NAMES: Readonly<Record<string, { readonly property: string; readonly reason: string }>> = {
  'AWS::Lambda::Function': {
    property: 'FunctionName',
    reason:
      'the dashboard (operations stack) watches functions by name, without a cross-stack reference per function; ' +
      'only a change of the name replaces a function',
  },
  'AWS::CloudWatch::Alarm': {
    property: 'AlarmName',
    reason: 'the subject of every alarm notification; only a change of the name replaces an alarm',
  },
  'AWS::CloudWatch::Dashboard': {
    property: 'DashboardName',
    reason: 'operators open it by name (DashboardName output)',
  },
  'AWS::IoT::TopicRule': {
    property: 'RuleName',
    reason: "the error role's trust policy names the rule's ARN, which the rule itself cannot give (a cycle)",
  },
  'AWS::IoT::Policy': {
    property: 'PolicyName',
    reason: 'door certificates, made outside CloudFormation, have it attached by name (DoorPolicyName output)',
  },
  'AWS::Cognito::UserPool': {
    property: 'UserPoolName',
    reason: 'pool names are not unique: a new pool can take the name of a retained one',
  },
  'AWS::Cognito::UserPoolClient': {
    property: 'ClientName',
    reason: 'client names are not unique, so a replacement can take it',
  },
  'AWS::Cognito::UserPoolResourceServer': {
    property: 'Name',
    reason: 'not unique (its Identifier is, the prefix of the API scope)',
  },
  'AWS::Cognito::UserPoolGroup': { property: 'GroupName', reason: 'the groups are the roles tokens carry' },
  'AWS::ApiGatewayV2::Api': { property: 'Name', reason: 'API names are not unique, so a replacement can take it' },
  'AWS::ApiGatewayV2::Authorizer': { property: 'Name', reason: 'required by the resource; scoped to its API' },
  'AWS::ApiGatewayV2::Stage': { property: 'StageName', reason: '$default is what makes it the default stage' },
  'AWS::IAM::Policy': { property: 'PolicyName', reason: 'inline to its role (CDK names it), unique within the role' },
};

/** Resource types whose name CloudFormation must choose (no fixed one in any stack of any stage). */
const UNNAMED: Readonly<Record<string, string>> = {
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::Events::Rule': 'Name',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
};

/** Top-level properties ending in `Name` that name something else than the resource itself. */
const NOT_PHYSICAL_NAMES = new Set(['MetricName', 'DisplayName']);

type Resource = { Type: string; DeletionPolicy?: string; Properties?: Record<string, unknown> };

/** Whether a name is drawn anew each time its stack is created: built from `AWS::StackId`. */
const isPerStackCreation = (name: unknown): boolean => JSON.stringify(name).includes('"Ref":"AWS::StackId"');

/** Whether a property value is a name given in the template rather than a reference to another resource's. */
const isGivenName = (value: unknown): boolean =>
  typeof value === 'string' || (value !== null && typeof value === 'object' && 'Fn::Join' in value);

describe.each(STAGES)('physical names (%s)', (stage) => {
  const { templates } = synth(stage);
  const resources = STACK_PARTS.flatMap((part) =>
    Object.entries(templates[part].toJSON().Resources as Record<string, Resource>).map(([id, r]) => ({
      at: `${part}/${id}`,
      ...r,
    })),
  );
  /** Every name the templates give a resource: `Type.Property` with where. */
  const given = resources.flatMap((r) =>
    Object.entries(r.Properties ?? {})
      .filter(([key, value]) => key.endsWith('Name') && !NOT_PHYSICAL_NAMES.has(key) && isGivenName(value))
      .filter(([, value]) => !isPerStackCreation(value))
      .map(([key]) => ({ at: r.at, type: r.Type, key })),
  );

  it('are given only where the list says why', () => {
    for (const { at, type, key } of given) {
      expect(KEPT_NAMES[type]?.property, `${at} ${type}.${key}`).toBe(key);
    }
    for (const { reason } of Object.values(KEPT_NAMES)) expect(reason.length).toBeGreaterThan(20);
  });

  it('are never given to tables, buckets, log groups, state machines, queues, topics, rules, roles, policies', () => {
    for (const [type, key] of Object.entries(UNNAMED)) {
      expect(KEPT_NAMES).not.toHaveProperty(type);
      expect(
        given.filter((g) => g.type === type),
        `${type}.${key}`,
      ).toEqual([]);
    }
    // the audit saw each of them
    for (const type of ['AWS::DynamoDB::Table', 'AWS::Logs::LogGroup', 'AWS::StepFunctions::StateMachine']) {
      expect(resources.some((r) => r.Type === type)).toBe(true);
    }
  });

  it(`keep no log group from a retry after a failed first deploy (${stage === 'prod' ? 'retained' : 'destroyed'})`, () => {
    const logGroups = resources.filter((r) => r.Type === 'AWS::Logs::LogGroup');
    expect(logGroups.length).toBeGreaterThan(0);
    for (const group of logGroups) {
      const name = group.Properties?.LogGroupName;
      expect(name === undefined || isPerStackCreation(name), group.at).toBe(true);
      expect(group.DeletionPolicy, group.at).toBe(stage === 'prod' ? 'Retain' : 'Delete');
    }
  });

  it('give no retained resource a name a retry would collide with', () => {
    const retained = resources.filter((r) => r.DeletionPolicy === 'Retain');
    // prod keeps its data, users and logs; dev keeps nothing
    if (stage === 'prod') {
      for (const type of ['AWS::DynamoDB::Table', 'AWS::Cognito::UserPool', 'AWS::S3::Bucket', 'AWS::Logs::LogGroup']) {
        expect(
          retained.some((r) => r.Type === type),
          type,
        ).toBe(true);
      }
    } else {
      expect(retained).toEqual([]);
    }
    for (const r of retained) {
      const names = given.filter((g) => g.at === r.at);
      // a user pool's name is not unique: a second pool of that name can be created beside a retained one
      expect(
        names.filter((g) => g.type !== 'AWS::Cognito::UserPool'),
        r.at,
      ).toEqual([]);
    }
  });
});
