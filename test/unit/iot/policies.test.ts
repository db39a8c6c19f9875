import { describe, expect, it } from 'vitest';
import { backendPublishStatement, doorThingPolicy, THING_NAME_VARIABLE } from '../../../iot/policies';

const region = 'ap-northeast-1';
const account = '123456789012';
const prefix = `arn:aws:iot:${region}:${account}:`;

describe('doorThingPolicy', () => {
  const policy = doorThingPolicy(region, account);
  const statementFor = (action: string) => {
    const found = policy.Statement.filter((s) => s.Action.includes(action));
    expect(found).toHaveLength(1);
    const [statement] = found;
    if (!statement) throw new Error(`no statement for ${action}`);
    return statement;
  };

  it('is a 2012-10-17 allow-only document', () => {
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement.every((s) => s.Effect === 'Allow')).toBe(true);
  });

  it('grants exactly connect, subscribe, receive and publish, one action per statement', () => {
    expect(policy.Statement.flatMap((s) => s.Action).sort()).toEqual([
      'iot:Connect',
      'iot:Publish',
      'iot:Receive',
      'iot:Subscribe',
    ]);
  });

  it('has no wildcard anywhere in its resources or actions', () => {
    for (const statement of policy.Statement) {
      for (const value of [...statement.Resource, ...statement.Action]) expect(value).not.toContain('*');
    }
  });

  it('binds every resource to the thing-name variable in this region and account', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IoT policy variable, not a JS template
    expect(THING_NAME_VARIABLE).toBe('${iot:Connection.Thing.ThingName}');
    for (const statement of policy.Statement) {
      for (const resource of statement.Resource) {
        expect(resource.startsWith(prefix)).toBe(true);
        expect(resource).toContain(THING_NAME_VARIABLE);
      }
    }
  });

  it('lets a door connect only as its thing, attached to its certificate', () => {
    const connect = statementFor('iot:Connect');
    expect(connect.Resource).toEqual([`${prefix}client/\${iot:Connection.Thing.ThingName}`]);
    expect(connect.Condition).toEqual({ Bool: { 'iot:Connection.Thing.IsAttached': 'true' } });
  });

  it('lets a door subscribe to and receive only its unlock and codes topics, publish only to its events topic', () => {
    expect(statementFor('iot:Subscribe').Resource).toEqual([
      `${prefix}topicfilter/doors/\${iot:Connection.Thing.ThingName}/unlock`,
      `${prefix}topicfilter/doors/\${iot:Connection.Thing.ThingName}/codes`,
    ]);
    expect(statementFor('iot:Receive').Resource).toEqual([
      `${prefix}topic/doors/\${iot:Connection.Thing.ThingName}/unlock`,
      `${prefix}topic/doors/\${iot:Connection.Thing.ThingName}/codes`,
    ]);
    expect(statementFor('iot:Publish').Resource).toEqual([
      `${prefix}topic/doors/\${iot:Connection.Thing.ThingName}/events`,
    ]);
  });

  it('serializes to plain JSON (CfnPolicy policyDocument)', () => {
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
  });

  it('follows the partition', () => {
    const china = doorThingPolicy('cn-north-1', account, 'aws-cn');
    expect(china.Statement[0]?.Resource[0]).toMatch(/^arn:aws-cn:iot:cn-north-1:/);
  });
});

describe('backendPublishStatement', () => {
  it('allows publishing unlock commands and keypad codes to any door, nothing else', () => {
    expect(backendPublishStatement(region, account)).toEqual({
      Effect: 'Allow',
      Action: ['iot:Publish'],
      Resource: [`${prefix}topic/doors/*/unlock`, `${prefix}topic/doors/*/codes`],
    });
  });

  it('never grants a bare * resource', () => {
    for (const resource of backendPublishStatement(region, account).Resource) {
      expect(resource).not.toBe('*');
      expect(resource).toMatch(/\/(unlock|codes)$/);
    }
  });
});
