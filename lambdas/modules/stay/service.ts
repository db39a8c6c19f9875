/**
 * The stay: check-in, re-entry and checkout. Each records its unlock command in the same transaction as
 * the change it belongs to, then publishes it to the door.
 */
import { randomUUID } from 'node:crypto';
import { ceilToGrid } from '../../domain/calendar';
import type { Instant, Reservation, UnlockCommand, UnlockPurpose } from '../../domain/model';
import { publishUnlock } from '../../platform/adapters/iot-door-publisher';
import type { TransactOutcome } from '../../platform/dynamo/transactions';
import { logger } from '../../platform/instrument';
import { ApiError, notFound } from '../../platform/problems';
import type { Repositories } from '../../platform/repositories';
import { ownReservation } from '../booking/service';
import { decideCheckIn, decideDoorWhileIn, newUnlockCommand } from './rules/doors';

const STALE_RETRIES = 5;
type Repos = Pick<Repositories, 'facilities' | 'reservations' | 'unlockCommands'>;

export interface StayAnswer {
  reservation: Reservation;
  command: UnlockCommand;
}

async function spaceOf(repos: Repos, reservation: Reservation) {
  const space = await repos.facilities.getSpace(reservation.spaceId);
  if (!space) throw notFound('Space');
  return space;
}

/** Publishes a recorded command; when the door channel fails, the command is marked failed, not lost. */
async function send(repos: Repos, command: UnlockCommand): Promise<UnlockCommand> {
  try {
    await publishUnlock(command);
    return command;
  } catch (error) {
    logger.error('Unlock publish failed', { commandId: command.commandId, error: error as Error });
    await repos.unlockCommands.recordResult(
      command.commandId,
      command.doorId,
      'failed',
      command.issuedAt,
      'publish-failed',
    );
    return { ...command, status: 'failed', reason: 'publish-failed', resultAt: command.issuedAt };
  }
}

/** Runs a stay step on fresh state until its write is not stale. */
async function step(
  repos: Repos,
  memberId: string,
  id: string,
  now: Instant,
  purposeOf: (reservation: Reservation) => UnlockPurpose,
  write: (
    reservation: Reservation,
    command: UnlockCommand,
  ) => Promise<{ outcome: TransactOutcome; after: Reservation }>,
  decide: (reservation: Reservation, space: Awaited<ReturnType<typeof spaceOf>>) => ReturnType<typeof decideCheckIn>,
  doorId: string,
): Promise<StayAnswer> {
  for (let attempt = 0; attempt <= STALE_RETRIES; attempt++) {
    const reservation = await ownReservation(repos, memberId, id);
    const verdict = decide(reservation, await spaceOf(repos, reservation));
    if (!verdict.ok) throw new ApiError(verdict.code, verdict.detail);
    const command = newUnlockCommand({
      commandId: randomUUID(),
      doorId,
      reservation,
      purpose: purposeOf(reservation),
      now,
    });
    const { outcome, after } = await write(reservation, command);
    if (outcome.ok) return { reservation: after, command: await send(repos, command) };
    if (outcome.failed !== 'stale') throw new ApiError(outcome.failed.code, outcome.failed.detail);
  }
  throw new ApiError('INVALID_STATE', 'The reservation changed while we worked on it; try again');
}

/** Check-in at a door of the space: the stay starts and the door opens. */
export function checkIn(repos: Repos, memberId: string, id: string, doorId: string, now: Instant) {
  return step(
    repos,
    memberId,
    id,
    now,
    () => 'entry',
    async (reservation, command) => {
      const after: Reservation = {
        ...reservation,
        status: 'checkedIn',
        checkedInAt: now,
        version: reservation.version + 1,
      };
      const outcome = await repos.reservations.change(reservation, { status: after.status, checkedInAt: now }, [
        repos.unlockCommands.putItem(command),
      ]);
      return { outcome, after };
    },
    (reservation, space) => decideCheckIn({ now, reservation, space, doorId }),
    doorId,
  );
}

/** Re-entry while checked in, at any door of the space. */
export function unlock(repos: Repos, memberId: string, id: string, doorId: string, now: Instant) {
  return step(
    repos,
    memberId,
    id,
    now,
    () => 'reentry',
    async (reservation, command) => ({
      outcome: await repos.reservations.whileInStatus(reservation, 'checkedIn', [
        repos.unlockCommands.putItem(command),
      ]),
      after: reservation,
    }),
    (reservation, space) => decideDoorWhileIn({ reservation, space, doorId }),
    doorId,
  );
}

/** Checkout at a door: one exit unlock, then the stay is over; the rest of the booking is freed from the next 15-minute boundary. */
export function checkout(repos: Repos, memberId: string, id: string, doorId: string, now: Instant) {
  return step(
    repos,
    memberId,
    id,
    now,
    () => 'exit',
    async (reservation, command) => {
      const after: Reservation = {
        ...reservation,
        status: 'checkedOut',
        checkedOutAt: now,
        version: reservation.version + 1,
      };
      const outcome = await repos.reservations.release(reservation, {
        set: { status: after.status, checkedOutAt: now },
        releaseFrom: ceilToGrid(now, reservation.timeZone),
        consumeUses: true,
        extra: [repos.unlockCommands.putItem(command)],
      });
      return { outcome, after };
    },
    (reservation, space) => decideDoorWhileIn({ reservation, space, doorId }),
    doorId,
  );
}

/** An unlock command of the member's, or 404. */
export async function ownCommand(repos: Pick<Repos, 'unlockCommands'>, memberId: string, commandId: string) {
  const command = await repos.unlockCommands.get(commandId);
  if (!command || command.memberId !== memberId) throw notFound('Unlock command');
  return command;
}
