/**
 * The stay: check-in, re-entry and checkout. Each records its unlock command in the same transaction as
 * the change it belongs to, then publishes it to the door.
 */
import { ceilToGrid } from '../../domain/calendar';
import type { Instant, Reservation, Space, UnlockCommand, UnlockPurpose, Verdict } from '../../domain/model';
import type { TransactOutcome } from '../../platform/dynamo/transactions';
import { logger } from '../../platform/instrument';
import type { DoorPublisher, Ids } from '../../platform/ports';
import { ApiError, notFound } from '../../platform/problems';
import { retryOnStale, STALE } from '../../platform/retry';
import { type BookingPorts, busy, ownReservation, settle } from '../booking';
import type { UnlockCommandRepository } from './data/unlock-command';
import { decideCheckIn, decideDoorWhileIn, newUnlockCommand } from './rules/doors';
import { unlockMessage } from './views';

/** What the stay flows read and write, and the ports they use. */
export interface StayPorts {
  reservations: Pick<BookingPorts['reservations'], 'get' | 'change' | 'release' | 'whileInStatus'>;
  spaces: BookingPorts['spaces'];
  unlockCommands: Pick<UnlockCommandRepository, 'get' | 'putItem' | 'recordResult'>;
  doors: DoorPublisher;
  ids: Ids;
}

export interface StayAnswer {
  reservation: Reservation;
  command: UnlockCommand;
}

async function spaceOf(deps: Pick<StayPorts, 'spaces'>, reservation: Reservation): Promise<Space> {
  const space = await deps.spaces.getSpace(reservation.spaceId);
  if (!space) throw notFound('Space');
  return space;
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
  write: (
    reservation: Reservation,
    command: UnlockCommand,
  ) => Promise<{ outcome: TransactOutcome; after: Reservation }>;
}

/** Runs a stay step on fresh state until its write is not stale, then publishes its command. */
function step(deps: StayPorts, memberId: string, id: string, doorId: string, now: Instant, how: Step) {
  return retryOnStale<StayAnswer>(async () => {
    const reservation = await ownReservation(deps, memberId, id);
    const verdict = how.decide(reservation, await spaceOf(deps, reservation));
    if (!verdict.ok) throw new ApiError(verdict.code, verdict.detail);
    const command = newUnlockCommand({ commandId: deps.ids.next(), doorId, reservation, purpose: how.purpose, now });
    const { outcome, after } = await how.write(reservation, command);
    if (settle(outcome) === STALE) return STALE;
    return { reservation: after, command: await send(deps, command) };
  }, busy);
}

/** Check-in at a door of the space: the stay starts and the door opens. */
export function checkIn(deps: StayPorts, memberId: string, id: string, doorId: string, now: Instant) {
  return step(deps, memberId, id, doorId, now, {
    purpose: 'entry',
    decide: (reservation, space) => decideCheckIn({ now, reservation, space, doorId }),
    write: async (reservation, command) => {
      const after: Reservation = {
        ...reservation,
        status: 'checkedIn',
        checkedInAt: now,
        version: reservation.version + 1,
      };
      const outcome = await deps.reservations.change(reservation, { status: after.status, checkedInAt: now }, [
        deps.unlockCommands.putItem(command),
      ]);
      return { outcome, after };
    },
  });
}

/** Re-entry while checked in, at any door of the space. */
export function unlock(deps: StayPorts, memberId: string, id: string, doorId: string, now: Instant) {
  return step(deps, memberId, id, doorId, now, {
    purpose: 'reentry',
    decide: (reservation, space) => decideDoorWhileIn({ reservation, space, doorId }),
    write: async (reservation, command) => ({
      outcome: await deps.reservations.whileInStatus(reservation, 'checkedIn', [deps.unlockCommands.putItem(command)]),
      after: reservation,
    }),
  });
}

/** Checkout at a door: one exit unlock, then the stay is over; the rest of the booking is freed from the next 15-minute boundary. */
export function checkout(deps: StayPorts, memberId: string, id: string, doorId: string, now: Instant) {
  return step(deps, memberId, id, doorId, now, {
    purpose: 'exit',
    decide: (reservation, space) => decideDoorWhileIn({ reservation, space, doorId }),
    write: async (reservation, command) => {
      const after: Reservation = {
        ...reservation,
        status: 'checkedOut',
        checkedOutAt: now,
        version: reservation.version + 1,
      };
      const outcome = await deps.reservations.release(reservation, {
        set: { status: after.status, checkedOutAt: now },
        releaseFrom: ceilToGrid(now, reservation.timeZone),
        consumeUses: true,
        extra: [deps.unlockCommands.putItem(command)],
      });
      return { outcome, after };
    },
  });
}

/** An unlock command of the member's, or 404. */
export async function ownCommand(deps: Pick<StayPorts, 'unlockCommands'>, memberId: string, commandId: string) {
  const command = await deps.unlockCommands.get(commandId);
  if (!command || command.memberId !== memberId) throw notFound('Unlock command');
  return command;
}
