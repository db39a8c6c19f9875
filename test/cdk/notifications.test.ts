/**
 * The outbox consumer (issue 18): the table's stream (NEW_IMAGE), the consumer's event source mapping filtered to outbox
 * INSERTs with its batching, bisect, retries, record age, ReportBatchItemFailures and on-failure dead-letter queue (with
 * its alarm), the sender identity of each stage, and least privilege: `ses:SendEmail` on that identity only.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { USER_POOL_ID_ENV } from '../../contracts/auth';
import { MAIL_FROM_ENV } from '../../contracts/outbox';
import { STAGES } from '../../lib/config';
import {
  OUTBOX_BATCH_SIZE,
  OUTBOX_RETRY_ATTEMPTS,
  outboxConsumerName,
  outboxDeadLettersName,
} from '../../lib/constructs/notifications';
import { onlyResource, seenFrom, synth } from './helpers';

describe.each(STAGES)('notifications (%s)', (stage) => {
  const synthesized = synth(stage);
  const { config, templates } = synthesized;

  it('streams the table’s new images', () => {
    templates.data.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
  });

  it('maps the stream to the consumer: outbox INSERTs only, retried, bisected, failures per record, then a queue', () => {
    templates.async.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    templates.async.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: Match.anyValue(),
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: OUTBOX_BATCH_SIZE,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: OUTBOX_RETRY_ATTEMPTS,
      MaximumRecordAgeInSeconds: 6 * 3600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['outbox'] } } } }) },
        ],
      },
    });
    templates.async.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${outboxDeadLettersName(config.prefix)}-not-empty`,
      Threshold: 1,
    });
  });

  it('a record that fails its retries lands in the dead-letter queue, whose first message alarms to the alarm topic', () => {
    const [mappingId, mapping] =
      Object.entries(templates.async.findResources('AWS::Lambda::EventSourceMapping'))[0] ?? [];
    expect(mappingId).toBeDefined();
    const destination = mapping?.Properties.DestinationConfig.OnFailure.Destination;
    // the destination is a queue of this stack, by its ARN
    expect(destination).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
    const queueId = destination['Fn::GetAtt'][0] as string;
    expect(Object.keys(templates.async.findResources('AWS::SQS::Queue'))).toContain(queueId);
    const alarms = templates.async.findResources('AWS::CloudWatch::Alarm', {
      Properties: { AlarmName: `${outboxDeadLettersName(config.prefix)}-not-empty` },
    });
    const [alarm] = Object.values(alarms);
    expect(alarm?.Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
    });
    // the stage's one alarm topic, in the data stack
    const [topicId] = onlyResource(templates.data, 'AWS::SNS::Topic');
    expect(alarm?.Properties.AlarmActions).toEqual([seenFrom(synthesized, 'async', 'data', { Ref: topicId })]);
    // the consumer may send to the queue (Lambda's on-failure destination writes as the function)
    templates.async.hasResourceProperties('AWS::IAM::Role', {
      Policies: Match.arrayWith([
        Match.objectLike({
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({
                Action: Match.arrayWith(['sqs:SendMessage']),
                Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
              }),
            ]),
          },
        }),
      ]),
    });
  });

  it('sends from the stage’s sender identity only', () => {
    templates.async.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: outboxConsumerName(config.prefix),
      Environment: { Variables: Match.objectLike({ [MAIL_FROM_ENV]: config.mail.fromEmail }) },
    });
    const policies = Object.values(templates.async.findResources('AWS::IAM::Role'))
      .flatMap((role) => (role.Properties?.Policies ?? []) as Array<{ PolicyDocument: { Statement: unknown[] } }>)
      .flatMap((p) => p.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
    const sends = policies.filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:')));
    expect(sends).toHaveLength(1);
    expect(sends[0]?.Action).toBe('ses:SendEmail');
    expect(JSON.stringify(sends[0]?.Resource)).toContain(`:identity/${config.mail.identity}`);
    expect(config.mail.fromEmail.endsWith(`@${config.mail.identity}`)).toBe(true);
  });

  it('reads members’ addresses with ListUsers on the user pool only, whose id it is given', () => {
    templates.async.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: outboxConsumerName(config.prefix),
      Environment: { Variables: Match.objectLike({ [USER_POOL_ID_ENV]: Match.anyValue() }) },
    });
    const statements = Object.values(templates.async.findResources('AWS::IAM::Policy'))
      .concat(Object.values(templates.async.findResources('AWS::IAM::Role')))
      .flatMap((r) => [
        ...((r.Properties?.PolicyDocument?.Statement ?? []) as unknown[]),
        ...((r.Properties?.Policies ?? []) as Array<{ PolicyDocument: { Statement: unknown[] } }>).flatMap(
          (p) => p.PolicyDocument.Statement,
        ),
      ]) as Array<{ Action: string | string[]; Resource: unknown }>;
    const cognito = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
    expect(cognito).toHaveLength(1);
    expect(cognito[0]?.Action).toBe('cognito-idp:ListUsers');
    const resource = JSON.stringify(cognito[0]?.Resource);
    expect(resource).not.toContain('*');
    expect(resource).toMatch(/UserPool/);
  });
});
