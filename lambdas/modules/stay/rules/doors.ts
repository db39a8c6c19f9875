/**
 * The stay at the door: check-in, re-entry and checkout decisions, and the unlock commands they issue.
 */

import { UNLOCK_COMMAND_TTL_MS } from '../../../../contracts/mqtt';
import {
  type Instant,
  OK,
  type Reservation,
  refuse,
  type Space,
  type UnlockCommand,
  type UnlockPurpose,
  type UnlockStatus,
  type Verdict,
} from '../../../domain/model';
import { checkCheckIn } from '../../../domain/stay';

/** How long a door accepts an unlock command after it was issued (a wire constant: api.md, issuedAt + 30 s). */
export { UNLOCK_COMMAND_TTL_MS };

function checkDoor(space: Pick<Space, 'doorIds'>, doorId: string): Verdict {
  return space.doorIds.includes(doorId) ? OK : refuse('UNKNOWN_DOOR', `Door ${doorId} is not a door of this space.`);
}

/** Check-in: a confirmed reservation, at one of the space's doors, inside the check-in window. */
export function decideCheckIn({
  now,
  reservation,
  space,
  doorId,
}: {
  now: Instant;
  reservation: Pick<Reservation, 'status' | 'start' | 'end'>;
  space: Pick<Space, 'doorIds' | 'checkInOpensMinutesBefore'>;
  doorId: string;
}): Verdict {
  if (reservation.status === 'checkedIn')
    return refuse('INVALID_STATE', 'Already checked in: use unlock to enter again.');
  if (reservation.status !== 'confirmed')
    return refuse('INVALID_STATE', `A ${reservation.status} reservation cannot check in.`);
  const door = checkDoor(space, doorId);
  if (!door.ok) return door;
  return checkCheckIn({ now, start: reservation.start, end: reservation.end, space });
}

/** Re-entry or the exit of checkout: only while checked in, at one of the space's doors. */
export function decideDoorWhileIn({
  reservation,
  space,
  doorId,
}: {
  reservation: Pick<Reservation, 'status'>;
  space: Pick<Space, 'doorIds'>;
  doorId: string;
}): Verdict {
  if (reservation.status !== 'checkedIn') {
    return refuse('INVALID_STATE', `The stay is ${reservation.status}: no door opens for it.`);
  }
  return checkDoor(space, doorId);
}

/** A new unlock command for a door (status `sent`, valid for 30 seconds). */
export function newUnlockCommand({
  commandId,
  doorId,
  reservation,
  purpose,
  now,
}: {
  commandId: string;
  doorId: string;
  reservation: Pick<Reservation, 'reservationId' | 'memberId' | 'timeZone'>;
  purpose: UnlockPurpose;
  now: Instant;
}): UnlockCommand {
  return {
    commandId,
    doorId,
    reservationId: reservation.reservationId,
    memberId: reservation.memberId,
    purpose,
    timeZone: reservation.timeZone,
    issuedAt: now,
    expiresAt: now + UNLOCK_COMMAND_TTL_MS,
    status: 'sent',
    resultAt: null,
    reason: null,
  };
}

/** A command's status as shown at `now`: a `sent` command past its expiry has expired. */
export function unlockStatusAt(command: Pick<UnlockCommand, 'status' | 'expiresAt'>, now: Instant): UnlockStatus {
  return command.status === 'sent' && now >= command.expiresAt ? 'expired' : command.status;
}
