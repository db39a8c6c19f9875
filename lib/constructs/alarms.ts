import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../config';

/** Period every alarm of the stack evaluates its metric over. */
export const ALARM_PERIOD = Duration.minutes(5);

/** How long a dead-letter queue keeps a message (the SQS maximum). */
export const DEAD_LETTER_RETENTION = Duration.days(14);

/** Props of {@link Alarms}. */
export interface AlarmsProps {
  /** Stage settings: names, and `alarmEmail` (an e-mail subscription when set). */
  readonly config: StageConfig;
}

/** Props of {@link Alarms.alarmWhen}. */
export interface AlarmWhenProps {
  /** Physical alarm name. */
  readonly alarmName: string;
  readonly description: string;
  /** The metric, with its statistic and period ({@link ALARM_PERIOD}) set. */
  readonly metric: IMetric;
  /**
   * The alarm fires when one period's value is at least this.
   * @default 1
   */
  readonly threshold?: number;
}

/** Props of {@link Alarms.deadLetterQueue}. */
export interface DeadLetterQueueProps {
  /**
   * What the queue is called in its alarm: the alarm is named `<name>-not-empty`. The queue itself is named by
   * CloudFormation (no fixed name to collide with when it is replaced).
   */
  readonly name: string;
  /** What ends up in the queue (the alarm's description). */
  readonly description: string;
}

/**
 * The stack's one alarm topic (e-mail subscription only when `config.alarmEmail` is set), and the two
 * shapes of alarm the constructs use: a metric at or above a threshold in 5 minutes, and a dead-letter
 * queue (SSE-SQS, TLS only, 14 days) that alarms as soon as a message is visible. Every alarm notifies
 * the topic on ALARM and on OK; missing data is not breaching. The topic and the queues are named by CloudFormation
 * (the AlarmTopicArn output finds the topic); alarms keep their names, the subject of every notification, which only
 * a change of the name itself would replace.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  private readonly config: StageConfig;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.config = props.config;
    this.topic = new Topic(this, 'Topic', {
      displayName: `Coworking alarms (${props.config.stage})`,
      enforceSSL: true,
    });
    if (props.config.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.config.alarmEmail));
  }

  /** An alarm on `metric` ≥ `threshold` in one period, notifying the topic; created in `scope`. */
  alarmWhen(scope: Construct, id: string, props: AlarmWhenProps): Alarm {
    const alarm = new Alarm(scope, id, {
      alarmName: props.alarmName,
      alarmDescription: props.description,
      metric: props.metric,
      threshold: props.threshold ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    return alarm;
  }

  /**
   * A dead-letter queue (SSE-SQS, TLS only, 14 days) with an alarm when any message is visible, both
   * created in `scope` as `<id>` and `<id>Alarm`.
   */
  deadLetterQueue(scope: Construct, id: string, props: DeadLetterQueueProps): { queue: Queue; alarm: Alarm } {
    const queue = new Queue(scope, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
    });
    const alarm = this.alarmWhen(scope, `${id}Alarm`, {
      alarmName: `${props.name}-not-empty`,
      description: `${props.description} (${this.config.stage}): messages in ${props.name}`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: 'Maximum' }),
    });
    return { queue, alarm };
  }
}
