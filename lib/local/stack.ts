/**
 * The whole local stack in one process: DynamoDB Local (started here or reused), the table with demo
 * data, a local S3 with the photos bucket (started here or reused), a member ticket signing key of its own (Secrets
 * Manager's stand-in), the controllable clock and the local gateway serving the route table and the local-only routes.
 */
import './env';
import { createHash, randomBytes } from 'node:crypto';
import { EXPORTS_BUCKET_ENV, PHOTOS_BUCKET_ENV, S3_ENDPOINT_ENV } from '../../contracts/files';
import {
  localClockAdvanceBody,
  localClockBody,
  localClockSetBody,
  localMemberBody,
  localTokenBody,
} from '../../contracts/http/local';
import { doorIdOfEventsTopic, EVENTS_WILDCARD } from '../../contracts/mqtt';
import { MAIL_FROM_ENV, SES_ENDPOINT_ENV } from '../../contracts/outbox';
import { TICKET_SIGNING_KEY_ENV } from '../../contracts/ticket-signing';
import { WORKFLOW_ARN_ENV, type WorkflowId } from '../../contracts/workflows';
import type * as z from '../../contracts/zod';
import { type DoorClient, startDoorClient } from '../../iot/door-client';
import { LOCAL_CLOCK_TOPIC, localClockMessage } from '../../iot/local-clock';
import { consoleLock } from '../../iot/lock-adapters';
import { parseInstant, toZonedIso } from '../../lambdas/domain/format';
import { SERVICE_TIME_ZONE } from '../../lambdas/domain/model';
import { handler as sweepVisitsHandler } from '../../lambdas/modules/dropin/steps/sweep-visits';
import { type MembershipDeps, membershipDeps } from '../../lambdas/modules/membership';
import { loadMe } from '../../lambdas/modules/membership/service';
import { handler as sendOutboxHandler } from '../../lambdas/modules/notifications/streams/send-outbox';
import { handler as settlePeriodsHandler } from '../../lambdas/modules/settlement/steps/settle-periods';
import { handler as doorEventHandler } from '../../lambdas/modules/stay/iot/door-event';
import { handler as sweepHandler } from '../../lambdas/modules/stay/steps/sweep-stays';
import { useClock } from '../../lambdas/platform/clock';
import { tableContext } from '../../lambdas/platform/dynamo/client';
import { type ContractHandler, fieldProblems, VALIDATE_RESPONSES_ENV } from '../../lambdas/platform/http';
import { ApiError } from '../../lambdas/platform/problems';
import { openApiDocument } from '../openapi';
import { startBroker } from './broker';
import { ControllableClock } from './clock';
import * as demo from './demo-data';
import { docsRoutes } from './docs';
import { DEFAULT_DYNAMODB_PORT, startDynamoDbLocal } from './dynamodb-local';
import { type LocalRouteHandler, loadHandlers, startGateway } from './gateway';
import { startIotEndpoint } from './iot-endpoint';
import { lambdaContext } from './lambda-context';
import { LOCAL_EXPORTS_BUCKET, LOCAL_PHOTOS_BUCKET, startLocalS3 } from './s3';
import { seedDemoData } from './seed';
import { type LocalSes, startLocalSes } from './ses';
import { LocalStepFunctions, startStepFunctionsEndpoint } from './step-functions';
import { type StreamPoller, type StreamRetryPolicy, startStreamPoller } from './stream-poller';
import { createTable, LOCAL_TABLE_NAME } from './table';
import { issueToken } from './tokens';

export interface LocalStackOptions {
  /** Gateway port; 0 picks a free one. */
  port: number;
  /** MQTT broker port; 0 picks a free one (default 1883). */
  mqttPort?: number;
  /** Run a door controller for every demo door (default true). */
  doors?: boolean;
  /**
   * Where each door controller prints its lock's lines and the commands it refuses (default: nowhere), with the
   * stack's clock at that moment.
   */
  doorLog?: (line: string, now: number) => void;
  /** Reuse a running DynamoDB Local (tests) instead of starting one on `dynamodbPort`. */
  dynamodbEndpoint?: string;
  dynamodbPort?: number;
  /** Reuse a running local S3 (tests) holding `photosBucket` and the exports bucket, instead of starting one on `s3Port`. */
  s3Endpoint?: string;
  /** Local S3 port; 0 (the default) picks a free one (`npm start` passes `S3_PORT`, default 4569). */
  s3Port?: number;
  /** Local SES port (the mailbox page); 0 (the default) picks a free one (`npm start` passes `SES_PORT`, default 8005). */
  sesPort?: number;
  /** How the stream poller retries a failing outbox batch (default: the event source mapping's 10 retries). */
  streamRetry?: StreamRetryPolicy;
  /** The photos bucket (default `coworking-local-photos`), created when the local S3 is started here. */
  photosBucket?: string;
  tableName?: string;
  seed?: boolean;
  /** Freeze the clock at this instant (tests); otherwise it starts at wall time and runs. */
  frozenAt?: number;
  /**
   * Check every answer against its route's response schema; one that does not match is a 500 (default true:
   * `npm start` and the tests). The benchmark turns it off, as in the cloud.
   */
  validateResponses?: boolean;
}

export interface LocalStack {
  url: string;
  mqttUrl: string;
  /** The door controllers running in the stack, by door id. */
  doors: ReadonlyMap<string, DoorClient>;
  dynamodbEndpoint: string;
  tableName: string;
  /** The local S3 (`S3_ENDPOINT` of the handlers), path-style. */
  s3Endpoint: string;
  /** The photos bucket (`PHOTOS_BUCKET` of the handlers). */
  photosBucket: string;
  clock: ControllableClock;
  /** The local SES (`SES_ENDPOINT` of the outbox consumer): its mailbox page and stored mails. */
  ses: LocalSes;
  /** Reads the table's stream and calls the outbox consumer, as the event source mapping does. */
  streamPoller: StreamPoller;
  /** The local Step Functions runner (timers). */
  timers: LocalStepFunctions;
  /** The key member tickets are signed with (`TICKET_SIGNING_KEY` of the handlers): 32 random bytes made at start. */
  ticketSigningKey: Uint8Array;
  stop(): Promise<void>;
}

function parseWith<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const errors = fieldProblems(result.error, 'body');
    throw new ApiError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  return result.data;
}

/**
 * The clock body's schema: the branch its one key names (so a wrong value is told about that field), the union
 * otherwise (so a body with neither or both keys is told both shapes).
 */
function clockBodySchema(body: unknown): z.ZodMiniType<z.infer<typeof localClockBody>> {
  if (typeof body !== 'object' || body === null) return localClockBody;
  const keys = new Set(Object.keys(body));
  if (keys.has('now') && !keys.has('advanceMinutes')) return localClockSetBody;
  if (keys.has('advanceMinutes') && !keys.has('now')) return localClockAdvanceBody;
  return localClockBody;
}

/** The sender of local mail (`MAIL_FROM` of the outbox consumer, unless set). */
export const LOCAL_MAIL_FROM = 'no-reply@coworking.local';

/** A stable member number for a locally created member (`TW9xxxxx`). */
export const localMemberNumber = (memberId: string) =>
  `TW9${(Number.parseInt(createHash('sha256').update(memberId).digest('hex').slice(0, 8), 16) % 100_000).toString().padStart(5, '0')}`;

/**
 * Runs what falls due when the clock moves: every timer now due, then the sweeper (every 5 minutes in
 * the cloud, at every clock move here), then whatever timers that led to; last the settlement job (hourly in the
 * cloud), on the sales all of that recorded.
 */
async function runDue(timers: LocalStepFunctions): Promise<void> {
  await timers.settle();
  await sweepHandler({}, lambdaContext('sweep-stays'));
  await sweepVisitsHandler({}, lambdaContext('sweep-visits'));
  await timers.settle();
  await settlePeriodsHandler({}, lambdaContext('settle-periods'));
}

function localRoutes(
  clock: ControllableClock,
  membership: MembershipDeps,
  timers: LocalStepFunctions,
  handlers: ReadonlyMap<string, ContractHandler>,
): Record<string, LocalRouteHandler> {
  const clockAnswer = () => ({ status: 200, body: { now: toZonedIso(clock.now(), SERVICE_TIME_ZONE) } });
  return {
    // the API's OpenAPI document, from the handlers this gateway serves
    'GET /openapi.json': async () => ({
      status: 200,
      body: openApiDocument([...handlers.values()].map((h) => h.contract)),
    }),
    'GET /local/clock': async () => clockAnswer(),
    'POST /local/clock': async (body) => {
      const input = parseWith(clockBodySchema(body), body);
      if ('now' in input) {
        const t = parseInstant(input.now);
        if (t === null)
          throw new ApiError('VALIDATION_FAILED', 'now must be ISO 8601 with an offset', [
            { field: 'body.now', message: 'Expected an instant with an offset' },
          ]);
        clock.set(t);
      } else {
        clock.advance(input.advanceMinutes * 60_000);
      }
      await runDue(timers);
      return clockAnswer();
    },
    'POST /local/tokens': async (body) => {
      const input = parseWith(localTokenBody, body);
      if (input.role === 'operator' && (!input.partnerId || !input.operatorRole)) {
        throw new ApiError('VALIDATION_FAILED', 'An operator token needs partnerId and operatorRole');
      }
      return { status: 200, body: { token: issueToken(input) } };
    },
    'POST /local/members': async (body) => {
      const input = parseWith(localMemberBody, body);
      await membership.members.putMember(
        {
          memberId: input.memberId,
          memberNumber: localMemberNumber(input.memberId),
          plan: input.plan ?? null,
          contractStart: input.plan ? (input.contractStart ?? null) : null,
          companyId: null,
          companyName: input.companyName ?? null,
        },
        { email: input.email ?? demo.localMemberEmail(input.memberId) },
      );
      return { status: 201, body: await loadMe(membership, input.memberId, clock.now()) };
    },
  };
}

/**
 * IoT Core locally: the broker, the data-plane endpoint the handlers publish through, the door events
 * handed to the same handler the topic rule invokes in the cloud, and a door controller per demo door.
 */
async function startDoorChannel(options: LocalStackOptions, clock: ControllableClock) {
  const broker = await startBroker({ port: options.mqttPort ?? 1883 });
  const endpoint = await startIotEndpoint({ port: 0, broker });
  process.env.IOT_DATA_ENDPOINT = endpoint.url;
  const unsubscribe = await broker.onPublish(EVENTS_WILDCARD, (topic, payload) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(payload.toString('utf8'));
    } catch {
      return;
    }
    void doorEventHandler({ ...message, topicDoorId: doorIdOfEventsTopic(topic) }, lambdaContext('door-event')).catch(
      (error: unknown) => console.error('door event failed', error),
    );
  });
  // The clock, retained, for door controllers started by themselves on this broker (`npm run door`).
  const publishClock = () =>
    void broker
      .publish(LOCAL_CLOCK_TOPIC, localClockMessage(clock.now(), clock.frozen), 1, true)
      .catch((error: unknown) => console.error('publishing the clock failed', error));
  publishClock();
  const unfollow = clock.onChange(publishClock);
  const doors = new Map<string, DoorClient>();
  if (options.doors ?? true) {
    const log = options.doorLog ?? (() => undefined);
    const print = (line: string) => log(line, clock.now());
    for (const doorId of demo.facilities.flatMap((f) => f.doors.map((d) => d.doorId))) {
      const door = startDoorClient({
        doorId,
        url: broker.url,
        lock: consoleLock(doorId, { print }),
        now: () => clock.now(),
      });
      door.on('command', (handled) => {
        if (handled.outcome === 'rejected' || handled.outcome === 'failed')
          print(`⛔ ${doorId} ${handled.outcome} (${handled.reason}) command=${handled.commandId}`);
      });
      doors.set(doorId, door);
    }
    await Promise.all([...doors.values()].map((door) => door.connected));
  }
  return {
    broker,
    doors,
    stop: async () => {
      unfollow();
      await Promise.all([...doors.values()].map((door) => door.stop()));
      await unsubscribe();
      await endpoint.stop();
      await broker.stop();
    },
  };
}

/** Starts the local stack. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dynamo = options.dynamodbEndpoint
    ? { endpoint: options.dynamodbEndpoint, stop: async () => undefined }
    : await startDynamoDbLocal({ port: options.dynamodbPort ?? DEFAULT_DYNAMODB_PORT });
  const tableName = options.tableName ?? LOCAL_TABLE_NAME;
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_NAME = tableName;
  process.env[VALIDATE_RESPONSES_ENV] = String(options.validateResponses ?? true);
  // Secrets Manager's stand-in: a new key each start, so tickets of an earlier stack never admit here
  const ticketSigningKey = randomBytes(32);
  process.env[TICKET_SIGNING_KEY_ENV] = ticketSigningKey.toString('base64url');
  const photosBucket = options.photosBucket ?? LOCAL_PHOTOS_BUCKET;
  let s3: { endpoint: string; stop(): Promise<void> } | undefined;
  let ses: LocalSes | undefined;
  let poller: StreamPoller | undefined;
  try {
    s3 = options.s3Endpoint
      ? { endpoint: options.s3Endpoint, stop: async () => undefined }
      : await startLocalS3({ port: options.s3Port ?? 0, buckets: [photosBucket, LOCAL_EXPORTS_BUCKET] });
    process.env[S3_ENDPOINT_ENV] = s3.endpoint;
    process.env[PHOTOS_BUCKET_ENV] = photosBucket;
    process.env[EXPORTS_BUCKET_ENV] = LOCAL_EXPORTS_BUCKET;
    ses = await startLocalSes({ port: options.sesPort ?? 0 });
    process.env[SES_ENDPOINT_ENV] = ses.endpoint;
    process.env[MAIL_FROM_ENV] ??= LOCAL_MAIL_FROM;
    const { doc } = tableContext();
    await createTable(doc, tableName);
    if (options.seed ?? true) await seedDemoData(doc, tableName);
    poller = await startStreamPoller({
      client: doc,
      endpoint: dynamo.endpoint,
      tableName,
      handler: (event, context) => sendOutboxHandler(event, context),
      ...(options.streamRetry ? { retry: options.streamRetry } : {}),
    });
    const clock = new ControllableClock();
    if (options.frozenAt !== undefined) clock.freeze(options.frozenAt);
    useClock(clock);
    const channel = await startDoorChannel(options, clock);
    const timers = await LocalStepFunctions.create(clock);
    const sfnEndpoint = await startStepFunctionsEndpoint(timers);
    process.env.SFN_ENDPOINT = sfnEndpoint.url;
    for (const [id, arn] of Object.entries(timers.arns())) process.env[WORKFLOW_ARN_ENV[id as WorkflowId]] = arn;
    const handlers = await loadHandlers();
    const gateway = await startGateway({
      port: options.port,
      handlers,
      localRoutes: { ...localRoutes(clock, membershipDeps(), timers, handlers), ...docsRoutes() },
    });
    return {
      url: gateway.url,
      mqttUrl: channel.broker.url,
      doors: channel.doors,
      dynamodbEndpoint: dynamo.endpoint,
      tableName,
      s3Endpoint: s3.endpoint,
      photosBucket,
      clock,
      ses,
      streamPoller: poller,
      timers,
      ticketSigningKey,
      stop: async () => {
        await gateway.close();
        await sfnEndpoint.stop();
        await channel.stop();
        await poller?.stop();
        await ses?.stop();
        await s3?.stop();
        await dynamo.stop();
      },
    };
  } catch (error) {
    await poller?.stop();
    await ses?.stop();
    await s3?.stop();
    await dynamo.stop();
    throw error;
  }
}
