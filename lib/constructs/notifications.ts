import { Duration, Stack } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  EventSourceMapping,
  FilterCriteria,
  FilterRule,
  type IEventSourceDlq,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { USER_POOL_ID_ENV } from '../../contracts/auth';
import { MAIL_FROM_ENV, OUTBOX_STREAM_FILTER } from '../../contracts/outbox';
import { OUTBOX_CONSUMER_ENTRY } from '../../lambdas/routes';
import type { StageConfig } from '../config';
import type { Alarms } from './alarms';
import { createHandlerFunction } from './handler-function';
import { tableAccessStatement } from './table';

/** Physical name of the outbox consumer. */
export const outboxConsumerName = (prefix: string): string => `${prefix}-send-outbox`;
/** What the alarms call the queue of outbox records the consumer gave up on (the queue is unnamed). */
export const outboxDeadLettersName = (prefix: string): string => `${prefix}-outbox-dlq`;

/** Records per invocation: each is one or two SES calls (a booking's: the member's and the facility's mail, about 100 ms each), well inside the function's timeout. */
export const OUTBOX_BATCH_SIZE = 10;
/** Retries of a failing batch (bisected on error) before its records go to the dead-letter queue. */
export const OUTBOX_RETRY_ATTEMPTS = 10;
/** A record older than this goes to the dead-letter queue unsent (the stream keeps records 24 hours). */
export const OUTBOX_MAX_RECORD_AGE = Duration.hours(6);
/** The consumer's timeout: a batch of SES calls of at most 10 s each would not fit, but their claims' lease holds. */
export const OUTBOX_CONSUMER_TIMEOUT = Duration.seconds(60);

/** Props of {@link Notifications}. */
export interface NotificationsProps {
  /** Stage settings: names, Lambda sizing, the sender identity (`config.mail`). */
  readonly config: StageConfig;
  /** The single table, with its stream (NEW_IMAGE). */
  readonly table: ITable;
  /** The dead-letter queue and its alarm. */
  readonly alarms: Alarms;
  /** The user pool whose users' `email` attributes are members' addresses (read with ListUsers at send time). */
  readonly userPool: IUserPool;
}

/** What the member contacts (lambdas/platform/adapters/cognito-member-contacts.ts) call, on the user pool only. */
export const MEMBER_CONTACTS_ACTIONS = ['cognito-idp:ListUsers'] as const;

/**
 * The outbox consumer: a function on the table's stream, through an event source mapping filtered to outbox INSERTs
 * (contracts/outbox.ts), with batches of {@link OUTBOX_BATCH_SIZE}, bisect on error, {@link OUTBOX_RETRY_ATTEMPTS}
 * retries, a maximum record age, ReportBatchItemFailures, and an on-failure SQS dead-letter queue that alarms at its
 * first message. The function reads and updates outbox items, and reads partners, facilities, spaces and reservations
 * (GetItem, UpdateItem on the table), reads the stream, and may `ses:SendEmail` from the stage's sender identity only,
 * and read members' addresses with `cognito-idp:ListUsers` on the user pool only (`USER_POOL_ID`).
 */
export class Notifications extends Construct {
  readonly consumer: NodejsFunction;
  readonly mapping: EventSourceMapping;
  readonly deadLetters: Queue;
  readonly deadLettersAlarm: Alarm;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const { config, table } = props;
    const streamArn = table.tableStreamArn;
    if (!streamArn) throw new Error('The table has no stream: the outbox consumer reads it');

    this.consumer = createHandlerFunction(this, 'SendOutbox', {
      config,
      functionName: outboxConsumerName(config.prefix),
      description: `DynamoDB Streams (outbox INSERTs): sends notifications with SES (${config.stage})`,
      entry: OUTBOX_CONSUMER_ENTRY,
      table,
      environment: { [MAIL_FROM_ENV]: config.mail.fromEmail, [USER_POOL_ID_ENV]: props.userPool.userPoolId },
      timeout: OUTBOX_CONSUMER_TIMEOUT,
    });
    this.consumer.addToRolePolicy(
      tableAccessStatement('OutboxTableAccess', table, ['dynamodb:GetItem', 'dynamodb:UpdateItem']),
    );
    this.consumer.addToRolePolicy(
      new PolicyStatement({
        sid: 'ReadTableStream',
        effect: Effect.ALLOW,
        actions: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        resources: [streamArn],
      }),
    );
    this.consumer.addToRolePolicy(
      new PolicyStatement({
        sid: 'SendFromSenderIdentity',
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [
          Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: config.mail.identity }),
        ],
      }),
    );

    this.consumer.addToRolePolicy(
      new PolicyStatement({
        sid: 'ReadMemberAddresses',
        effect: Effect.ALLOW,
        actions: [...MEMBER_CONTACTS_ACTIONS],
        resources: [props.userPool.userPoolArn],
      }),
    );

    const dead = props.alarms.deadLetterQueue(this, 'OutboxDeadLetters', {
      name: outboxDeadLettersName(config.prefix),
      description: 'Outbox records the notification consumer could not send after its retries',
    });
    this.deadLetters = dead.queue;
    this.deadLettersAlarm = dead.alarm;
    const onFailure: IEventSourceDlq = new SqsDlq(this.deadLetters);

    this.mapping = new EventSourceMapping(this, 'OutboxStream', {
      target: this.consumer,
      eventSourceArn: streamArn,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: OUTBOX_BATCH_SIZE,
      bisectBatchOnError: true,
      retryAttempts: OUTBOX_RETRY_ATTEMPTS,
      maxRecordAge: OUTBOX_MAX_RECORD_AGE,
      reportBatchItemFailures: true,
      onFailure,
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.isEqual(OUTBOX_STREAM_FILTER.eventName[0]),
          dynamodb: {
            NewImage: { entity: { S: FilterRule.isEqual(OUTBOX_STREAM_FILTER.dynamodb.NewImage.entity.S[0]) } },
          },
        }),
      ],
    });
  }
}
