/**
 * The stay: check-in, re-entry, checkout and the exit unlock after it. Each records its unlock command (and a
 * keypad door's code) in the same transaction as the change it belongs to, then publishes it to the door.
 */
import { ceilToGrid } from '../../domain/calendar';
import type { Facility, Instant, Reservation, Space, UnlockCommand, UnlockPurpose, Verdict } from '../../domain/model';
import type { TransactOutcome } from '../../platform/dynamo/transactions';
import { logger } from '../../platform/instrument';
import type { DoorPublisher, Ids } from '../../platform/ports';
import { ApiError, notFound } from '../../platform/problems';
import { retryOnStale, STALE } from '../../platform/retry';
import {
  type BookingPorts,
  busy,
  ownReservation,
  type SettlementPorts,
  sendKeypadCode,
  settle,
  settlementItems,
} from '../booking';
import { type CatalogReads, placeOf } from '../catalog';
import type { UnlockCommandRepository } from './data/unlock-command';
import {
  decideCheckIn,
  decideDoorWhileIn,
  decideUnlock,
  keypadCodeFor,
  newUnlockCommand,
  type UnlockRequestPurpose,
  withdrawnKeypadCode,
} from './rules/doors';
import { unlockMessage } from './views';

/** What the stay flows read and write, and the ports they use. */
export interface StayPorts {
  reservations: Pick<BookingPorts['reservations'], 'get' | 'change' | 'release' | 'whileInStatus'>;
  spaces: BookingPorts['spaces'];
  /** The facility, for the key type of the door a member checks in at. */
  facilities: CatalogReads['facilities'];
  unlockCommands: Pick<UnlockCommandRepository, 'get' | 'putItem' | 'recordResult'>;
  doors: DoorPublisher;
  /** Where a checkout writes the reservation's sales lines (in its own transaction). */
  ledger: SettlementPorts['ledger'];
  ids: Ids;
  /** Six-digit keypad codes (a CSPRNG; tests fix them). */
  keypadCodes: Ids;
}

export interface StayAnswer {
  reservation: Reservation;
  command: UnlockCommand;
}

/**
 * The reservation's space, and its facility when the step needs it: both are named by the reservation, so they are
 * read at once (one round trip, not two). A missing facility is the step's to refuse, after its decision.
 */
async function stayPlace(
  deps: Pick<StayPorts, 'spaces' | 'facilities'>,
  reservation: Reservation,
  withFacility: boolean,
): Promise<{ space: Space; facility: Facility | undefined }> {
  const { space, facility } = withFacility
    ? await placeOf(deps, reservation)
    : { space: await deps.spaces.getSpace(reservation.spaceId), facility: undefined };
  if (!space) throw notFound('Space');
  return { space, facility };
}

/** Publishes a recorded command; when the door channel fails, the command is marked failed, not lost. */
async function send(deps: Pick<StayPorts, 'doors' | 'unlockCommands'>, command: UnlockCommand): Promise<UnlockCommand> {
  try {
    await deps.doors.publishUnlock(unlockMessage(command));
    return command;
  } catch (error) {
    logger.error('Unlock publish failed', { commandId: command.commandId, error: error as Error });
    await deps.unlockCommands.recordResult(
      command.commandId,
      command.doorId,
      'failed',
      command.issuedAt,
      'publish-failed',
    );
    return { ...command, status: 'failed', reason: 'publish-failed', resultAt: command.issuedAt };
  }
}

/** One stay step: how it decides, which door purpose it opens for, and what it writes with its command. */
interface Step {
  decide: (reservation: Reservation, space: Space) => Verdict;
  purpose: UnlockPurpose;
  /** Whether the step reads the facility (read beside the space). */
  withFacility?: boolean;
  write: (
    reservation: Reservation,
    command: UnlockCommand,
    place: { space: Space; facility: Facility | undefined },
  ) => Promise<{ outcome: TransactOutcome; after: Reservation }>;
  /** What else goes to the doors once the write is done (a keypad code added or removed). */
  publish?: (before: Reservation, after: Reservation) => Promise<void>;
}

/**
 * Runs a stay step on fresh state until its write is not stale, then publishes its command and what else goes to the
 * doors at once (separate topics: neither waits for the other, and each handles its own failure).
 */
function step(deps: StayPorts, memberId: string, id: string, doorId: string, now: Instant, how: Step) {
  return retryOnStale<StayAnswer>(async () => {
    const reservation = await ownReservation(deps, memberId, id);
    const place = await stayPlace(deps, reservation, how.withFacility ?? false);
    const verdict = how.decide(reservation, place.space);
    if (!verdict.ok) throw new ApiError(verdict.code, verdict.detail);
    const command = newUnlockCommand({ commandId: deps.ids.next(), doorId, reservation, purpose: how.purpose, now });
    const { outcome, after } = await how.write(reservation, command, place);
    if (settle(outcome) === STALE) return STALE;
    const [sent] = await Promise.all([send(deps, command), how.publish?.(reservation, after)]);
    return { reservation: after, command: sent };
  }, busy);
}

/** Check-in at a door of the space: the stay starts and the door opens; a keypad door also gets the stay's code. */
export function checkIn(deps: StayPorts, memberId: string, id: string, doorId: string, now: Instant) {
  return step(deps, memberId, id, doorId, now, {
    purpose: 'entry',
    withFacility: true,
    decide: (reservation, space) => decideCheckIn({ now, reservation, space, doorId }),
    write: async (reservation, command, { facility }) => {
      if (!facility) throw notFound('Facility');
      const keypad = keypadCodeFor({
        doors: facility.doors,
        doorId,
        code: deps.keypadCodes.next(),
        now,
        reservation,
      });
      const set = { status: 'checkedIn' as const, checkedInAt: now, ...(keypad ? { keypad } : {}) };
      const after: Reservation = { ...reservation, ...set, version: reservation.version + 1 };
      const outcome = await deps.reservations.change(reservation, set, [deps.unlockCommands.putItem(command)]);
      return { outcome, after };
    },
    publish: async (_, after) => {
      if (after.keypad) await sendKeypadCode(deps.doors, 'add', after, after.keypad);
    },
  });
}

/**
 * Re-entry while checked in, at any door of the space; or (`exit`) another exit unlock within 5 minutes after
 * checkout, recorded only while the reservation is still checked out by that same checkout.
 */
export function unlock(
  deps: StayPorts,
  memberId: string,
  id: string,
  doorId: string,
  now: Instant,
  purpose: UnlockRequestPurpose = 'reentry',
) {
  return step(deps, memberId, id, doorId, now, {
    purpose,
    decide: (reservation, space) => decideUnlock({ now, reservation, space, doorId, purpose }),
    write: async (reservation, command) => ({
      outcome:
        purpose === 'exit' && reservation.checkedOutAt !== null
          ? await deps.reservations.whileInStatus(reservation, 'checkedOut', [deps.unlockCommands.putItem(command)], {
              checkedOutAt: reservation.checkedOutAt,
            })
          : await deps.reservations.whileInStatus(reservation, 'checkedIn', [deps.unlockCommands.putItem(command)]),
      after: reservation,
    }),
  });
}

/**
 * Checkout at a door: one exit unlock, then the stay is over; the rest of the booking is freed from the next
 * 15-minute boundary; a keypad code is withdrawn.
 */
export function checkout(deps: StayPorts, memberId: string, id: string, doorId: string, now: Instant) {
  return step(deps, memberId, id, doorId, now, {
    purpose: 'exit',
    withFacility: true,
    decide: (reservation, space) => decideDoorWhileIn({ reservation, space, doorId }),
    write: async (reservation, command, { space, facility }) => {
      // the use date's charge reads the facility's hours: a space without its facility is not found
      if (!facility) throw notFound('Space');
      const keypad = withdrawnKeypadCode(reservation, now);
      const set = { status: 'checkedOut' as const, checkedOutAt: now, ...(keypad ? { keypad } : {}) };
      const after: Reservation = { ...reservation, ...set, version: reservation.version + 1 };
      const sales = settlementItems(deps, reservation, now, { space, facility });
      const outcome = await deps.reservations.release(reservation, {
        set,
        releaseFrom: ceilToGrid(now, reservation.timeZone),
        consumeUses: true,
        extra: [deps.unlockCommands.putItem(command), ...sales],
      });
      return { outcome, after };
    },
    publish: async (before, after) => {
      if (before.keypad?.withdrawnAt === null && after.keypad)
        await sendKeypadCode(deps.doors, 'remove', after, after.keypad);
    },
  });
}

/** An unlock command of the member's, or 404. */
export async function ownCommand(deps: Pick<StayPorts, 'unlockCommands'>, memberId: string, commandId: string) {
  const command = await deps.unlockCommands.get(commandId);
  if (!command || command.memberId !== memberId) throw notFound('Unlock command');
  return command;
}
