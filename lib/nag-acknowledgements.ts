/**
 * cdk-nag (AwsSolutions pack, v3) and the one list of findings the backend accepts, each with its reason.
 * Everything else cdk-nag reports fails synthesis: fix it rather than add to this list (a CDK test caps its
 * length, and fails on an acknowledgement that no longer matches a finding).
 */
import { type App, type Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { HANDLER_TRACING_POLICY_ID } from './constructs/handler-function';
import { stateMachineId } from './constructs/timers';
import type { StackPart } from './stacks/stack-names';
import { workflows } from './workflows';

/** One accepted finding of the AwsSolutions pack. */
export interface NagAcknowledgement {
  /** The stacks of the stage holding the construct (the same path, and the same reason, in each). */
  readonly stacks: readonly StackPart[];
  /**
   * Path of the construct below each of those stacks, e.g. `Auth/UserPool`; the acknowledgement covers that
   * construct and what it contains, nothing else.
   */
  readonly path: string;
  /** The rule, e.g. `AwsSolutions-COG2`. */
  readonly ruleId: `AwsSolutions-${string}`;
  /**
   * For rules that report several findings per resource (IAM4, IAM5): the one finding accepted, e.g.
   * `Resource::*`. Without it the whole rule is accepted on `path`.
   */
  readonly appliesTo?: string;
  /** Why the finding is accepted: at least one full sentence. */
  readonly reason: string;
}

/** The findings the backend stacks accept; fix a finding rather than add to this list. */
export const NAG_ACKNOWLEDGEMENTS: readonly NagAcknowledgement[] = [
  {
    stacks: ['data'],
    path: 'Auth/UserPool',
    ruleId: 'AwsSolutions-COG2',
    reason:
      'MFA is offered (TOTP) but not required: members sign in from their own phones to book and open doors, a ' +
      'second factor on every sign-in is not part of the product yet, and the Plus plan threat protection ' +
      'watches (prod: blocks) risky sign-ins and compromised credentials instead.',
  },
  {
    stacks: ['data', 'async', 'memberApi', 'partnerApi'],
    path: HANDLER_TRACING_POLICY_ID,
    ruleId: 'AwsSolutions-IAM5',
    appliesTo: 'Resource::*',
    reason:
      'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no ' +
      'resource-level permissions; this one managed policy of each stack holds only those two actions for every handler function.',
  },
  // one per state machine (lib/workflows): each logs and traces, and CDK grants the same for each
  ...workflows.map(
    ({ id }): NagAcknowledgement => ({
      stacks: ['async'],
      path: `Timers/${stateMachineId({ id })}/Role/DefaultPolicy`,
      ruleId: 'AwsSolutions-IAM5',
      appliesTo: 'Resource::*',
      reason:
        `The ${id} state machine logs to CloudWatch Logs and traces with X-Ray; the log-delivery and ` +
        'X-Ray actions CDK grants for that support no resource-level permissions, so they take `*`.',
    }),
  ),
  {
    stacks: ['async'],
    path: 'DoorChannel/DataEndpoint/CustomResourcePolicy',
    ruleId: 'AwsSolutions-IAM5',
    appliesTo: 'Resource::*',
    reason:
      'The data-endpoint lookup calls iot:DescribeEndpoint, which supports no resource-level permissions; it is ' +
      'the only action of this policy.',
  },
  {
    stacks: ['async'],
    path: 'DoorChannel/PublishUnlocks',
    ruleId: 'AwsSolutions-IAM5',
    appliesTo: 'Resource::arn:<AWS::Partition>:iot:<AWS::Region>:<AWS::AccountId>:topic/doors/*/unlock',
    reason:
      'Check-in, unlock and checkout publish the unlock command of whichever door the reservation names, so ' +
      'iot:Publish is allowed on the unlock topic of every door (doors/*/unlock) and on no other topic.',
  },
  {
    stacks: ['async'],
    path: 'DoorChannel/PublishUnlocks',
    ruleId: 'AwsSolutions-IAM5',
    appliesTo: 'Resource::arn:<AWS::Partition>:iot:<AWS::Region>:<AWS::AccountId>:topic/doors/*/codes',
    reason:
      'Check-in at a keypad door, checkout and the forced checkout add or remove the stay code of whichever door ' +
      'the reservation names, so iot:Publish is allowed on the codes topic of every door (doors/*/codes).',
  },
  {
    stacks: ['data'],
    path: 'Photos/StorePhotos',
    ruleId: 'AwsSolutions-IAM5',
    appliesTo: 'Resource::<PhotosBucket4131342A.Arn>/photos/*',
    reason:
      'Photo keys are made per upload (photos/<photo id>), so the functions that presign uploads and downloads ' +
      'and delete photos get object actions on photos/* of the photos bucket only: no listing, no other bucket.',
  },
  {
    stacks: ['async'],
    path: 'Exports',
    ruleId: 'AwsSolutions-IAM5',
    appliesTo: 'Resource::<ExportsBucket54D5CE64.Arn>/exports/*',
    reason:
      'Export file keys are made per job (exports/<partner id>/<export id>/export.csv), so the export job gets ' +
      'PutObject and AbortMultipartUpload, and the export status route GetObject, on exports/* of the exports ' +
      'bucket only: no listing, no deletion, no other bucket.',
  },
  {
    stacks: ['data'],
    path: 'TicketSigning/Key',
    ruleId: 'AwsSolutions-SMG4',
    reason:
      'The member ticket signing key has no rotation function: Secrets Manager offers none for a bare HMAC key, and ' +
      'a ticket lives 60 seconds, so a compromised key is replaced by putting a new value, which the functions ' +
      'pick up (they also accept AWSPREVIOUS, and read the secret again on a ticket of a key they have not seen).',
  },
  {
    stacks: ['async'],
    path: 'DoorChannel/DoorEventDeadLetters',
    ruleId: 'AwsSolutions-SQS3',
    reason:
      'This queue is itself the dead-letter store of the door-event function (its on-failure destination, which ' +
      'cdk-nag does not recognise as a DLQ); it alarms on its first message and needs no queue behind it.',
  },
  {
    stacks: ['async'],
    path: 'Timers/FailedExecutions',
    ruleId: 'AwsSolutions-SQS3',
    reason:
      'This queue is itself the dead-letter store of failed timer executions (an EventBridge target, which ' +
      'cdk-nag does not recognise as a DLQ); it alarms on its first message and needs no queue behind it.',
  },
  {
    stacks: ['async'],
    path: 'Notifications/OutboxDeadLetters',
    ruleId: 'AwsSolutions-SQS3',
    reason:
      'This queue is itself the dead-letter store of the outbox consumer (the on-failure destination of its ' +
      'stream event source mapping, which cdk-nag does not recognise as a DLQ); it alarms on its first message.',
  },
];

/** The id `Validations.acknowledge` takes: the rule, or `rule[finding]` for one finding of it. */
export const acknowledgementId = (ack: NagAcknowledgement): string =>
  ack.appliesTo === undefined ? ack.ruleId : `${ack.ruleId}[${ack.appliesTo}]`;

/**
 * The construct at `path` below `stack`.
 * @throws Error when there is none (an acknowledgement of something that no longer exists)
 */
export function constructAt(stack: Stack, path: string): IConstruct {
  let current: IConstruct = stack;
  for (const id of path.split('/')) {
    const child = current.node.tryFindChild(id);
    if (!child) throw new Error(`cdk-nag acknowledgement: no construct ${stack.node.path}/${path} (missing "${id}")`);
    current = child;
  }
  return current;
}

/**
 * Records the acknowledgements on the constructs they name, in each stack they name.
 * @throws Error when an acknowledgement names a stack not given, or a construct a stack does not have, or has no
 * reason
 */
export function acknowledgeNagFindings(
  stacks: Readonly<Partial<Record<StackPart, Stack>>>,
  acknowledgements: readonly NagAcknowledgement[] = NAG_ACKNOWLEDGEMENTS,
): void {
  for (const ack of acknowledgements) {
    if (ack.reason.trim() === '') throw new Error(`cdk-nag acknowledgement ${acknowledgementId(ack)}: no reason`);
    for (const part of ack.stacks) {
      const stack = stacks[part];
      if (!stack) throw new Error(`cdk-nag acknowledgement ${acknowledgementId(ack)}: no ${part} stack`);
      Validations.of(constructAt(stack, ack.path)).acknowledge({ id: acknowledgementId(ack), reason: ack.reason });
    }
  }
}

/**
 * Runs the AwsSolutions pack when `app` synthesizes (synthesis fails on any finding not acknowledged) and
 * acknowledges {@link NAG_ACKNOWLEDGEMENTS} in the stacks of the stage. Called by lib/app.ts and the CDK tests.
 */
export function addNagChecks(app: App, stacks: Readonly<Record<StackPart, Stack>>): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(checks);
  acknowledgeNagFindings(stacks);
  return checks;
}
