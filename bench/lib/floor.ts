/**
 * The floor of each operation: the bare DynamoDB calls it needs, sent straight through the SDK (a document
 * client with the project's marshalling, `makeDocumentClient`) to the same DynamoDB Local, with the same
 * items and the same transaction shapes as the product. Transactions are not restated here: the product's
 * repositories build them against a recording client (`recordingClient`), and the floor sends the recorded
 * input as one `TransactWriteItems`. Building happens before the clock starts; only the SDK calls are timed.
 *
 * An operation's floor also holds the calls it must make beside the table, sent bare the same way (built before the
 * clock starts, through the SDK to the stack's local endpoints, as the product's adapters send them):
 *
 * - a stay step's publishes to the door (`Publish` of the IoT data plane): the door opens only when its command is
 *   published, and a keypad door learns or forgets a code only when it is published, so those calls are part of the
 *   least the step can do, as its reads and its transaction are;
 * - a booking's timers (`StartExecution` of Step Functions, at once): a confirmed booking is forced out at its deadline
 *   and reminded of only if its timers are started when it is made (the sweeper is a safety net, not the design).
 *
 * Likewise a booking's transaction holds its mail's outbox item (the transactional outbox: the mail is written with
 * the booking or not at all), as the product's does.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IoTDataPlaneClient, PublishCommand, type PublishCommandInput } from '@aws-sdk/client-iot-data-plane';
import { SFNClient, StartExecutionCommand, type StartExecutionCommandInput } from '@aws-sdk/client-sfn';
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { codesTopic, unlockTopic } from '../../contracts/door-topics';
import { WORKFLOW_ARN_ENV, type WorkflowId } from '../../contracts/workflows';
import { calendarOf, ceilToGrid, dayGrid } from '../../lambdas/domain/calendar';
import { companyMonth } from '../../lambdas/domain/contract';
import { keypadCodeMessage } from '../../lambdas/domain/keypad';
import type { Facility, Member, Reservation, Space, UnlockCommand } from '../../lambdas/domain/model';
import { bookingMade } from '../../lambdas/domain/reservation-messages';
import { reservationNumber } from '../../lambdas/domain/reservation-number';
import { timersFor } from '../../lambdas/domain/timers';
import { planLimit } from '../../lambdas/domain/uses';
import {
  ReservationRepository,
  reservationKey,
  SlotCounterRepository,
  settlementItems,
} from '../../lambdas/modules/booking';
import { decideBooking, decideCancellation, newReservation } from '../../lambdas/modules/booking/rules/reservation';
import { facilityKey, spaceKey } from '../../lambdas/modules/catalog';
import { SalesLedger } from '../../lambdas/modules/ledger';
import { MemberRepository, UseCounterRepository } from '../../lambdas/modules/membership';
import { UnlockCommandRepository } from '../../lambdas/modules/stay/data/unlock-command';
import { keypadCodeFor, newUnlockCommand, withdrawnKeypadCode } from '../../lambdas/modules/stay/rules/doors';
import { unlockMessage } from '../../lambdas/modules/stay/views';
import { keypadCodes, reservationNumberDigits } from '../../lambdas/platform/deps';
import { makeDocumentClient } from '../../lambdas/platform/dynamo/client';
import { OutboxStore } from '../../lambdas/platform/outbox';
import { recordingClient } from './fixtures';

/** A reservation the floor made, as the product's domain object (status and version tracked here). */
export type FloorReservation = Reservation;

/** A stay step's floor: its transaction, the reservation after it, and its publishes to the door (sent at once). */
export interface StayFloor {
  tx: TransactWriteCommandInput;
  after: FloorReservation;
  publishes: PublishCommandInput[];
}

/** A door message as the product's door publisher sends it (`IotDoorPublisher`): QoS 1, JSON bytes. */
const publishInput = (topic: string, message: object): PublishCommandInput => ({
  topic,
  qos: 1,
  payload: new TextEncoder().encode(JSON.stringify(message)),
  contentType: 'application/json',
});

/**
 * A timer's `StartExecution` input as the product's `SfnTimerStarter` sends it: the state machine's ARN from its
 * `WORKFLOW_ARN_ENV` variable (undefined when that is unset: the caller decides whether that is an error), the
 * execution's name, its input as JSON.
 */
export const startExecutionInput = (
  workflow: WorkflowId,
  name: string,
  input: unknown,
): StartExecutionCommandInput => ({
  stateMachineArn: process.env[WORKFLOW_ARN_ENV[workflow]],
  name,
  input: JSON.stringify(input),
});

/** The unlock command's publish, and a keypad code's beside it when the step adds or withdraws one. */
function stayPublishes(
  command: UnlockCommand,
  code?: { action: 'add' | 'remove'; reservation: FloorReservation; keypad: NonNullable<Reservation['keypad']> },
): PublishCommandInput[] {
  return [
    publishInput(unlockTopic(command.doorId), unlockMessage(command)),
    ...(code
      ? [publishInput(codesTopic(code.keypad.doorId), keypadCodeMessage(code.action, code.reservation, code.keypad))]
      : []),
  ];
}

/** The reads `createReservation` sends besides the space and its facility, as its repositories build them. */
export interface CreateReads {
  member: GetCommandInput;
  holds: QueryCommandInput;
  counters: BatchGetCommandInput;
}

export class Floor {
  readonly doc: DynamoDBDocumentClient;
  private readonly client: DynamoDBClient;
  private readonly iot: IoTDataPlaneClient;
  private readonly sfn: SFNClient;

  /**
   * The product's clients: `new DynamoDBClient({ endpoint })` with the region and keys of the environment, and the IoT
   * data plane's and Step Functions' at the stack's local endpoints (`IOT_DATA_ENDPOINT`, `SFN_ENDPOINT` of the handlers).
   */
  constructor(
    endpoint: string,
    readonly tableName: string,
    local: { iot?: string; sfn?: string } = { iot: process.env.IOT_DATA_ENDPOINT, sfn: process.env.SFN_ENDPOINT },
  ) {
    this.client = new DynamoDBClient({ endpoint });
    this.doc = makeDocumentClient(this.client);
    this.iot = new IoTDataPlaneClient(local.iot ? { endpoint: local.iot } : {});
    this.sfn = new SFNClient(local.sfn ? { endpoint: local.sfn } : {});
  }

  destroy(): void {
    this.client.destroy();
    this.iot.destroy();
    this.sfn.destroy();
  }

  /** The bare client, for commands sent as recorded (`replay.ts`). */
  get raw(): DynamoDBClient {
    return this.client;
  }

  /** The Step Functions client, for the timers a recorded call started (`replay.ts`). */
  get stepFunctions(): SFNClient {
    return this.sfn;
  }

  // ---- the calls the floor times -------------------------------------------------------------------

  getSpace(spaceId: string) {
    return this.doc.send(new GetCommand({ TableName: this.tableName, Key: spaceKey(spaceId) }));
  }

  getFacility(facilityId: string) {
    return this.doc.send(new GetCommand({ TableName: this.tableName, Key: facilityKey(facilityId) }));
  }

  getReservation(reservationId: string) {
    return this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: reservationKey(reservationId), ConsistentRead: true }),
    );
  }

  get(input: GetCommandInput) {
    return this.doc.send(new GetCommand(input));
  }

  query(input: QueryCommandInput) {
    return this.doc.send(new QueryCommand(input));
  }

  batchGet(input: BatchGetCommandInput) {
    return this.doc.send(new BatchGetCommand(input));
  }

  /**
   * `createReservation`'s reads, as it sends them: the space then its facility, beside the member's profile
   * and holds (concurrently), then one batch of the member's counters.
   */
  async createReads(spaceId: string, facilityId: string, reads: CreateReads): Promise<void> {
    await Promise.all([
      this.getSpace(spaceId).then(() => this.getFacility(facilityId)),
      this.get(reads.member),
      this.query(reads.holds),
    ]);
    await this.batchGet(reads.counters);
  }

  transact(input: TransactWriteCommandInput) {
    return this.doc.send(new TransactWriteCommand(input));
  }

  /** A booking's timers, at once (as the product's `startTimersOf` starts them). */
  async startTimers(inputs: readonly StartExecutionCommandInput[]): Promise<void> {
    await Promise.all(inputs.map((input) => this.sfn.send(new StartExecutionCommand(input))));
  }

  /** A stay step's publishes to the door, at once (the product sends its command and a keypad code side by side). */
  async publish(inputs: readonly PublishCommandInput[]): Promise<void> {
    await Promise.all(inputs.map((input) => this.iot.send(new PublishCommand(input))));
  }

  // ---- what the product would send, recorded from its repositories --------------------------------

  /** The slot query of `GET /availability` for a space and date (the facility's day grid). */
  async availabilityQuery(space: Space, facility: Facility, date: string): Promise<QueryCommandInput | undefined> {
    const grid = dayGrid(calendarOf(facility, space), date);
    // A closed day has no grid, and the handler then reads no slots.
    if (grid.length === 0) return undefined;
    const recorder = recordingClient();
    await new SlotCounterRepository(recorder.doc, this.tableName).heldBetween(
      space.spaceId,
      grid[0]?.start ?? 0,
      grid[grid.length - 1]?.end ?? 0,
    );
    return recorder.sent[0]?.input as QueryCommandInput;
  }

  private async recorded(
    write: (
      reservations: ReservationRepository,
      commands: UnlockCommandRepository,
      ledger: SalesLedger,
    ) => Promise<unknown>,
  ): Promise<TransactWriteCommandInput> {
    const recorder = recordingClient();
    await write(
      new ReservationRepository(recorder.doc, this.tableName),
      new UnlockCommandRepository(recorder.doc, this.tableName),
      new SalesLedger(recorder.doc, this.tableName),
    );
    const sent = recorder.sent.find((s) => s.name === 'TransactWriteCommand');
    if (!sent) throw new Error('The repository sent no transaction');
    return sent.input as TransactWriteCommandInput;
  }

  /** What `createReservation` reads for a booking (member, holds, counters), recorded from the repositories. */
  async createReadsOf(reservation: FloorReservation, member: Member): Promise<CreateReads> {
    const recorder = recordingClient();
    const members = new MemberRepository(recorder.doc, this.tableName);
    await members.getMember(member.memberId);
    await new ReservationRepository(recorder.doc, this.tableName).holdsOf(member.memberId, reservation.start);
    const { ledger } = reservation;
    await new UseCounterRepository(recorder.doc, this.tableName).countersOf(member, {
      memberPeriod: ledger.memberPeriod,
      companyMonth: ledger.companyMonth ?? companyMonth(ledger.memberPeriod),
      ...(ledger.dailyDate ? { daily: { facilityId: reservation.facilityId, date: ledger.dailyDate } } : {}),
    });
    const [get, query, batch] = recorder.sent;
    if (get?.name !== 'GetCommand' || query?.name !== 'QueryCommand' || batch?.name !== 'BatchGetCommand') {
      throw new Error(`createReservation's reads changed shape: ${recorder.sent.map((c) => c.name).join(', ')}`);
    }
    return {
      member: get.input as GetCommandInput,
      holds: query.input as QueryCommandInput,
      counters: batch.input as BatchGetCommandInput,
    };
  }

  /**
   * A confirmed booking as `createReservation` decides and writes it (core `decideBooking`, the same ledger
   * and limits), with the transaction `ReservationRepository.create` sends for it. `asMade`: as the route makes it, with
   * its mail in the transaction and its timers (`StartExecution` inputs, as `SfnTimerStarter` sends them); without it,
   * the booking alone (the bookings the stay steps start from, written as setup).
   */
  async createTx(
    member: Member,
    space: Space,
    facility: Facility,
    start: number,
    end: number,
    now: number,
    asMade = false,
  ): Promise<{ reservation: FloorReservation; tx: TransactWriteCommandInput; timers: StartExecutionCommandInput[] }> {
    const plan = member.plan ?? 'premium';
    const limit = planLimit(plan, null);
    const decision = decideBooking({
      now,
      start,
      end,
      facility,
      space,
      options: [],
      situation: {
        plan,
        member: { limit, used: 0, held: 0 },
        company: null,
        usedThatDay: 0,
        holds: [],
      },
    });
    if (!decision.ok) throw new Error(`floor booking refused: ${decision.code} ${decision.detail}`);
    const reservation = newReservation({
      reservationId: randomUUID(),
      number: reservationNumber(reservationNumberDigits.next()),
      member,
      facility,
      space,
      start,
      end,
      options: [],
      decision,
      now,
    });
    const tx = await this.recorded((reservations) =>
      reservations.create(
        reservation,
        decision.slots,
        space,
        0,
        { member: limit, company: null, daily: facility.dailyCheckInLimit },
        asMade
          ? [
              new OutboxStore(recordingClient().doc, this.tableName).written(
                bookingMade(reservation, { facility, space }),
                now,
              ),
            ]
          : [],
      ),
    );
    const timers = asMade
      ? timersFor(reservation, now).map((timer) => {
          const start = startExecutionInput(timer.workflow, timer.name, timer.input);
          if (!start.stateMachineArn) throw new Error(`${WORKFLOW_ARN_ENV[timer.workflow]} is not set`);
          return start;
        })
      : [];
    return { reservation, tx, timers };
  }

  /** `cancelReservation`'s release transaction. */
  async cancelTx(
    r: FloorReservation,
    now: number,
  ): Promise<{ after: FloorReservation; tx: TransactWriteCommandInput }> {
    const decision = decideCancellation({ now, reservation: r, timeZone: r.timeZone });
    if (!decision.ok) throw new Error(`floor cancellation refused: ${decision.code}`);
    const tx = await this.recorded((reservations) =>
      reservations.release(r, {
        set: { status: 'cancelled', cancellationFee: decision.fee },
        releaseFrom: r.start,
        consumeUses: decision.usesCounted,
      }),
    );
    return { after: { ...r, status: 'cancelled', cancellationFee: decision.fee, version: r.version + 1 }, tx };
  }

  /**
   * `checkIn`'s transaction, the reservation change (with a keypad door's code, as the product decides it from the
   * facility's doors) and the entry command, and its publishes: the command, and the code beside it at a keypad door.
   */
  async checkInTx(r: FloorReservation, facility: Facility, doorId: string, now: number): Promise<StayFloor> {
    const command = newUnlockCommand({ commandId: randomUUID(), doorId, reservation: r, purpose: 'entry', now });
    const keypad = keypadCodeFor({ doors: facility.doors, doorId, code: keypadCodes.next(), now, reservation: r });
    const set = { status: 'checkedIn' as const, checkedInAt: now, ...(keypad ? { keypad } : {}) };
    const tx = await this.recorded((reservations, commands) =>
      reservations.change(r, set, [commands.putItem(command)]),
    );
    const after: FloorReservation = { ...r, ...set, version: r.version + 1 };
    return {
      after,
      tx,
      publishes: stayPublishes(command, keypad ? { action: 'add', reservation: after, keypad } : undefined),
    };
  }

  /** `unlock`'s transaction, the stay's condition and the re-entry command, and the command's publish. */
  async unlockTx(r: FloorReservation, doorId: string, now: number): Promise<StayFloor> {
    const command = newUnlockCommand({ commandId: randomUUID(), doorId, reservation: r, purpose: 'reentry', now });
    const tx = await this.recorded((reservations, commands) =>
      reservations.whileInStatus(r, 'checkedIn', [commands.putItem(command)]),
    );
    return { after: r, tx, publishes: stayPublishes(command) };
  }

  /**
   * `checkout`'s release transaction with the exit command and the reservation's sales lines (record, day and month
   * totals: the product's `settlementItems`, from the space and facility it read), and its publishes: the command, and
   * a live keypad code's withdrawal beside it.
   */
  async checkoutTx(
    r: FloorReservation,
    place: { space: Space; facility: Facility },
    doorId: string,
    now: number,
  ): Promise<StayFloor> {
    const command = newUnlockCommand({ commandId: randomUUID(), doorId, reservation: r, purpose: 'exit', now });
    const keypad = withdrawnKeypadCode(r, now);
    const set = { status: 'checkedOut' as const, checkedOutAt: now, ...(keypad ? { keypad } : {}) };
    const tx = await this.recorded(async (reservations, commands, ledger) => {
      const sales = settlementItems({ ledger }, r, now, place);
      return reservations.release(r, {
        set,
        releaseFrom: ceilToGrid(now, r.timeZone),
        consumeUses: true,
        extra: [commands.putItem(command), ...sales],
      });
    });
    const after: FloorReservation = { ...r, ...set, version: r.version + 1 };
    return {
      after,
      tx,
      publishes: stayPublishes(command, keypad ? { action: 'remove', reservation: after, keypad } : undefined),
    };
  }
}
