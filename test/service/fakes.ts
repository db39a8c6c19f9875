/**
 * In-memory fakes of the repositories and ports the services take: enough state to run a flow, and switches
 * for the failures real parts cannot easily produce (a door channel down, Step Functions refusing, a write
 * that keeps finding the state moved).
 */
import type { OutboxMessage } from '../../contracts/events';
import type { KeypadCodeMessage } from '../../contracts/mqtt';
import { outboxIdOf } from '../../contracts/outbox';
import type { WorkflowId, WorkflowInputs } from '../../contracts/workflows';
import type { Facility, Instant, Member, Reservation, Space, UnlockCommand } from '../../lambdas/domain/model';
import type { BookingPorts } from '../../lambdas/modules/booking';
import type { SalesRecord } from '../../lambdas/modules/ledger';
import type { MemberCounters } from '../../lambdas/modules/membership';
import type { TaggedItem, TransactOutcome } from '../../lambdas/platform/dynamo/transactions';
import type { DoorPublisher, Ids, TimerStarter } from '../../lambdas/platform/ports';
import { tokyo } from '../fixtures/domain';

const OK: TransactOutcome = { ok: true };
const STALE_OUTCOME: TransactOutcome = { ok: false, failed: 'stale' };
const marker = (name: string): TaggedItem => ({
  item: { ConditionCheck: { TableName: 'fake', Key: { name }, ConditionExpression: 'attribute_exists(name)' } },
});

/**
 * Reservations and holds in memory; `staleWrites` answers every write "the state moved" while it is on. A
 * reservation number already in `numbers` makes a creation stale, as its conditioned number item does.
 */
export class FakeReservations {
  readonly byId = new Map<string, Reservation>();
  /** Reservation numbers taken (the `RESNO#` items). */
  readonly numbers = new Set<string>();
  /** Writes attempted, stale ones included. */
  writes = 0;
  staleWrites = false;
  /** Extra items each successful write carried (unlock commands). */
  readonly extras: TaggedItem[][] = [];

  private write(apply: () => void, extra: readonly TaggedItem[] = []): Promise<TransactOutcome> {
    this.writes++;
    if (this.staleWrites) return Promise.resolve(STALE_OUTCOME);
    apply();
    this.extras.push([...extra]);
    return Promise.resolve(OK);
  }

  private put(reservation: Reservation, set: Partial<Reservation>): void {
    this.byId.set(reservation.reservationId, { ...reservation, ...set, version: reservation.version + 1 });
  }

  get = async (id: string) => this.byId.get(id);
  holdsOf = async (memberId: string, endingAfter: Instant) =>
    [...this.byId.values()]
      .filter((r) => r.memberId === memberId && r.end > endingAfter)
      .filter((r) => r.status === 'requested' || r.status === 'confirmed' || r.status === 'checkedIn')
      .map((r) => ({ reservationId: r.reservationId, start: r.start, end: r.end }));
  create: BookingPorts['reservations']['create'] = (reservation, _slots, _space, _holds, _limits, extra = []) => {
    if (reservation.number && this.numbers.has(reservation.number)) {
      this.writes++;
      return Promise.resolve(STALE_OUTCOME);
    }
    return this.write(() => {
      this.byId.set(reservation.reservationId, reservation);
      if (reservation.number) this.numbers.add(reservation.number);
    }, extra);
  };
  extend: BookingPorts['reservations']['extend'] = (reservation, change, _space, _holds, _limits, extra = []) =>
    this.write(() => this.put(reservation, { end: change.newEnd, price: change.price }), extra);

  /** The outbox messages of the last successful write. */
  messagesOfLastWrite(): unknown[] {
    return (this.extras.at(-1) ?? []).map((t) => t.item.Put?.Item?.message).filter((m) => m !== undefined);
  }
  release: BookingPorts['reservations']['release'] = (reservation, change) =>
    this.write(() => this.put(reservation, change.set), change.extra);
  change: BookingPorts['reservations']['change'] = (reservation, set, extra = []) =>
    this.write(() => this.put(reservation, set), extra);
  whileInStatus: BookingPorts['reservations']['whileInStatus'] = (reservation, status, extra, same = {}) => {
    const current = this.byId.get(reservation.reservationId);
    const moved =
      current?.status !== status ||
      (same.checkedOutAt !== undefined && current.checkedOutAt !== same.checkedOutAt) ||
      (same.version !== undefined && current.version !== same.version);
    if (!moved) return this.write(() => undefined, extra);
    this.writes++;
    return Promise.resolve(STALE_OUTCOME);
  };
  requestsOfPartner = async (partnerId: string, only: { facilityId?: string; spaceId?: string } = {}) =>
    [...this.byId.values()].filter(
      (r) =>
        r.partnerId === partnerId &&
        r.status === 'requested' &&
        (only.facilityId === undefined || r.facilityId === only.facilityId) &&
        (only.spaceId === undefined || r.spaceId === only.spaceId),
    );
  checkedInBefore = async (t: Instant) =>
    [...this.byId.values()]
      .filter((r) => r.status === 'checkedIn' && r.end < t)
      .map((r) => ({ reservationId: r.reservationId }));
}

/** The outbox as a writer sees it: the item a change adds, with the message under `Put.Item.message`. */
export const fakeOutbox = {
  written: (message: OutboxMessage): TaggedItem => ({
    item: { Put: { TableName: 'fake', Item: { outboxId: outboxIdOf(message), message } } },
    onConditionFailed: 'stale',
  }),
};

/** Unlock commands in memory: what the stay recorded and what the door answered. */
export class FakeUnlockCommands {
  readonly byId = new Map<string, UnlockCommand>();
  readonly results: Array<{ commandId: string; result: string; reason: string | null }> = [];

  putItem = (command: UnlockCommand): TaggedItem => {
    this.byId.set(command.commandId, command);
    return marker(`command ${command.commandId}`);
  };
  get = async (commandId: string) => this.byId.get(commandId);
  recordResult = async (
    commandId: string,
    _doorId: string,
    result: Exclude<UnlockCommand['status'], 'sent' | 'expired'>,
    _at: Instant,
    reason: string | null,
    receivedAt: Instant = _at,
  ) => {
    const command = this.byId.get(commandId);
    if (!command) return null;
    const status = receivedAt < command.expiresAt ? result : 'expired';
    this.results.push({ commandId, result: status, reason });
    this.byId.set(commandId, { ...command, status, reason });
    return status;
  };
}

/** A door channel that records what it sends, or fails every publish while `down`. */
export class FakeDoors implements DoorPublisher {
  readonly sent: Array<{ doorId: string; commandId: string }> = [];
  readonly codes: Array<{ doorId: string; message: KeypadCodeMessage }> = [];
  down = false;
  async publishUnlock(message: { doorId: string; commandId: string }): Promise<void> {
    if (this.down) throw new Error('IoT data plane unavailable');
    this.sent.push({ doorId: message.doorId, commandId: message.commandId });
  }
  async publishCode(doorId: string, message: KeypadCodeMessage): Promise<void> {
    if (this.down) throw new Error('IoT data plane unavailable');
    this.codes.push({ doorId, message });
  }
}

/** A sales ledger that keeps the records it is given to write (the transactions of the fakes write nothing). */
export class FakeLedger {
  readonly records: SalesRecord[] = [];
  recordItems(record: SalesRecord): TaggedItem[] {
    this.records.push(record);
    return [];
  }
}

/** A timer starter that records what it starts, or refuses every start while `down`. */
export class FakeTimers implements TimerStarter {
  readonly started: Array<{ workflow: WorkflowId; name: string; input: WorkflowInputs[WorkflowId] }> = [];
  attempts = 0;
  down = false;
  async start<W extends WorkflowId>(workflow: W, name: string, input: WorkflowInputs[W]): Promise<void> {
    this.attempts++;
    if (this.down) throw new Error('Step Functions throttled the start');
    this.started.push({ workflow, name, input });
  }
}

/** Ids `id-1`, `id-2`… as UUIDs (contracts check reservation and command ids as UUIDs). */
export function sequentialIds(): Ids {
  let n = 0;
  return { next: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
}

/** Reservation-number digits from a list (fixed numbers in tests), then `000000000001`, `000000000002`… */
export function fixedDigits(...list: string[]): Ids {
  let n = 0;
  return { next: () => list.shift() ?? String(++n).padStart(12, '0') };
}

const NO_COUNTERS: MemberCounters = {
  company: null,
  uses: { used: 0, held: 0 },
  companyUses: null,
  usedThatDay: 0,
  checkInsThatDay: 0,
};

/** Every port of the booking flows over the fakes, with one facility, its spaces and members. */
export function bookingWorld(setup: { facility: Facility; spaces: Space[]; members: Member[] }) {
  const reservations = new FakeReservations();
  const timers = new FakeTimers();
  const deps: BookingPorts = {
    facilities: { getFacility: async (id) => (id === setup.facility.facilityId ? setup.facility : undefined) },
    spaces: { getSpace: async (id) => setup.spaces.find((s) => s.spaceId === id) },
    reservations,
    slots: { heldBetween: async () => new Map() },
    members: {
      getMember: async (id) => {
        const member = setup.members.find((m) => m.memberId === id);
        return member ? { member, holdsVersion: 0, planVersion: 0 } : undefined;
      },
    },
    counters: { countersOf: async () => NO_COUNTERS },
    ledger: new FakeLedger(),
    timers,
    ids: sequentialIds(),
    reservationNumbers: fixedDigits(),
    outbox: fakeOutbox,
  };
  return { deps, reservations, timers };
}

/** A confirmed one-hour instant booking of `space-1`, Monday 2024-06-10 10:00–11:00 Tokyo. */
export function makeReservation(overrides: Partial<Reservation> = {}): Reservation {
  return {
    reservationId: '11111111-1111-4111-8111-111111111111',
    memberId: 'member-1',
    memberNumber: 'TW000001',
    partnerId: 'partner-1',
    facilityId: 'fac-1',
    spaceId: 'space-1',
    timeZone: 'Asia/Tokyo',
    start: tokyo('2024-06-10T10:00'),
    end: tokyo('2024-06-10T11:00'),
    status: 'confirmed',
    bookingType: 'instant',
    uses: 1,
    price: { amount: 1200, tax: 120, total: 1320 },
    options: [],
    cancellationFee: null,
    cancellationFees: [],
    checkedInAt: null,
    checkedOutAt: null,
    requestExpiresAt: null,
    createdAt: tokyo('2024-06-10T08:00'),
    version: 1,
    ledger: { memberPeriod: '2024-06-01', companyId: null, companyMonth: null, dailyDate: '2024-06-10' },
    ...overrides,
  };
}
