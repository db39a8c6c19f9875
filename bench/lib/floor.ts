/**
 * The floor of each operation: the bare DynamoDB calls it needs, sent straight through the SDK (a document
 * client with the project's marshalling, `makeDocumentClient`) to the same DynamoDB Local, with the same
 * items and the same transaction shapes as the product. Transactions are not restated here: the product's
 * repositories build them against a recording client (`recordingClient`), and the floor sends the recorded
 * input as one `TransactWriteItems`. Building happens before the clock starts; only the SDK calls are timed.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
import { calendarOf, ceilToGrid, dayGrid } from '../../lambdas/domain/calendar';
import { companyMonth } from '../../lambdas/domain/contract';
import type { Facility, Member, Reservation, Space } from '../../lambdas/domain/model';
import { reservationNumber } from '../../lambdas/domain/reservation-number';
import { planLimit } from '../../lambdas/domain/uses';
import { ReservationRepository, reservationKey, SlotCounterRepository } from '../../lambdas/modules/booking';
import { decideBooking, decideCancellation, newReservation } from '../../lambdas/modules/booking/rules/reservation';
import { facilityKey, spaceKey } from '../../lambdas/modules/catalog';
import { MemberRepository, UseCounterRepository } from '../../lambdas/modules/membership';
import { UnlockCommandRepository } from '../../lambdas/modules/stay/data/unlock-command';
import { newUnlockCommand } from '../../lambdas/modules/stay/rules/doors';
import { reservationNumberDigits } from '../../lambdas/platform/deps';
import { makeDocumentClient } from '../../lambdas/platform/dynamo/client';
import { recordingClient } from './fixtures';

/** A reservation the floor made, as the product's domain object (status and version tracked here). */
export type FloorReservation = Reservation;

/** The reads `createReservation` sends besides the space and its facility, as its repositories build them. */
export interface CreateReads {
  member: GetCommandInput;
  holds: QueryCommandInput;
  counters: BatchGetCommandInput;
}

export class Floor {
  readonly doc: DynamoDBDocumentClient;
  private readonly client: DynamoDBClient;

  constructor(
    endpoint: string,
    readonly tableName: string,
  ) {
    // The product's clients: `new DynamoDBClient({ endpoint })` with the region and keys of the environment.
    this.client = new DynamoDBClient({ endpoint });
    this.doc = makeDocumentClient(this.client);
  }

  destroy(): void {
    this.client.destroy();
  }

  /** The bare client, for commands sent as recorded (`replay.ts`). */
  get raw(): DynamoDBClient {
    return this.client;
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
    write: (reservations: ReservationRepository, commands: UnlockCommandRepository) => Promise<unknown>,
  ): Promise<TransactWriteCommandInput> {
    const recorder = recordingClient();
    await write(
      new ReservationRepository(recorder.doc, this.tableName),
      new UnlockCommandRepository(recorder.doc, this.tableName),
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
   * and limits), with the transaction `ReservationRepository.create` sends for it.
   */
  async createTx(
    member: Member,
    space: Space,
    facility: Facility,
    start: number,
    end: number,
    now: number,
  ): Promise<{ reservation: FloorReservation; tx: TransactWriteCommandInput }> {
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
      reservations.create(reservation, decision.slots, space, 0, {
        member: limit,
        company: null,
        daily: facility.dailyCheckInLimit,
      }),
    );
    return { reservation, tx };
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

  /** `checkIn`'s transaction: the reservation change and the entry command. */
  async checkInTx(r: FloorReservation, doorId: string, now: number) {
    const command = newUnlockCommand({ commandId: randomUUID(), doorId, reservation: r, purpose: 'entry', now });
    const tx = await this.recorded((reservations, commands) =>
      reservations.change(r, { status: 'checkedIn', checkedInAt: now }, [commands.putItem(command)]),
    );
    const after: FloorReservation = { ...r, status: 'checkedIn', checkedInAt: now, version: r.version + 1 };
    return { after, tx };
  }

  /** `unlock`'s transaction: the stay's condition and the re-entry command. */
  async unlockTx(r: FloorReservation, doorId: string, now: number) {
    const command = newUnlockCommand({ commandId: randomUUID(), doorId, reservation: r, purpose: 'reentry', now });
    const tx = await this.recorded((reservations, commands) =>
      reservations.whileInStatus(r, 'checkedIn', [commands.putItem(command)]),
    );
    return { after: r, tx };
  }

  /** `checkout`'s release transaction with the exit command. */
  async checkoutTx(r: FloorReservation, doorId: string, now: number) {
    const command = newUnlockCommand({ commandId: randomUUID(), doorId, reservation: r, purpose: 'exit', now });
    const tx = await this.recorded((reservations, commands) =>
      reservations.release(r, {
        set: { status: 'checkedOut', checkedOutAt: now },
        releaseFrom: ceilToGrid(now, r.timeZone),
        consumeUses: true,
        extra: [commands.putItem(command)],
      }),
    );
    const after: FloorReservation = { ...r, status: 'checkedOut', checkedOutAt: now, version: r.version + 1 };
    return { after, tx };
  }
}
