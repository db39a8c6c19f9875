/**
 * The stay at the door: check-in, re-entry and checkout decisions, and the unlock commands they issue.
 */

import { UNLOCK_COMMAND_TTL_MS } from '../../../../contracts/mqtt';
import { MINUTE_MS } from '../../../domain/calendar';
import {
  type Door,
  type Instant,
  type KeypadCode,
  OK,
  type Reservation,
  refuse,
  type Space,
  type UnlockCommand,
  type UnlockPurpose,
  type UnlockStatus,
  type Verdict,
} from '../../../domain/model';
import { checkCheckIn, forcedCheckoutAt } from '../../../domain/stay';

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

/** How long after checkout the member may still ask for an exit unlock (never locked in, domain-rules §5). */
export const EXIT_AFTER_CHECKOUT_MS = 5 * MINUTE_MS;

/** What a member may ask of `POST /v1/reservations/{id}/unlock`: re-entry (the default) or an exit after checkout. */
export type UnlockRequestPurpose = Extract<UnlockPurpose, 'reentry' | 'exit'>;

/**
 * An unlock the member asks for: re-entry only while checked in; an exit only after a checkout (not a forced
 * one), for 5 minutes from it (`[checkedOutAt, checkedOutAt + 5 min)`); both at any door of the space.
 */
export function decideUnlock({
  now,
  reservation,
  space,
  doorId,
  purpose,
}: {
  now: Instant;
  reservation: Pick<Reservation, 'status' | 'checkedOutAt'>;
  space: Pick<Space, 'doorIds'>;
  doorId: string;
  purpose: UnlockRequestPurpose;
}): Verdict {
  if (purpose === 'reentry') return decideDoorWhileIn({ reservation, space, doorId });
  if (reservation.status === 'checkedIn') return refuse('INVALID_STATE', 'Still checked in: check out to leave.');
  if (reservation.status !== 'checkedOut' || reservation.checkedOutAt === null) {
    return refuse('INVALID_STATE', `The stay is ${reservation.status}: no exit unlock for it.`);
  }
  if (now >= reservation.checkedOutAt + EXIT_AFTER_CHECKOUT_MS) {
    return refuse('INVALID_STATE', 'An exit unlock can be asked for only within 5 minutes after checkout.');
  }
  return checkDoor(space, doorId);
}

/** Whether `code` is a keypad code: six digits. */
export const isKeypadCode = (code: string): boolean => /^[0-9]{6}$/.test(code);

/**
 * The code a check-in at `doorId` issues: none unless that door of the facility is a keypad door; valid from the
 * check-in to the forced-checkout instant (the deadline + 5 minutes).
 */
export function keypadCodeFor({
  doors,
  doorId,
  code,
  now,
  reservation,
}: {
  doors: readonly Pick<Door, 'doorId' | 'keyType'>[];
  doorId: string;
  code: string;
  now: Instant;
  reservation: Pick<Reservation, 'end'>;
}): KeypadCode | null {
  if (doors.find((door) => door.doorId === doorId)?.keyType !== 'keypad') return null;
  if (!isKeypadCode(code)) throw new Error('A keypad code is six digits');
  return { doorId, code, validFrom: now, validUntil: forcedCheckoutAt(reservation.end), withdrawnAt: null };
}

/** The reservation's code withdrawn at `now` (checkout, forced checkout), or `null` when it has none still live. */
export function withdrawnKeypadCode(reservation: Pick<Reservation, 'keypad'>, now: Instant): KeypadCode | null {
  const keypad = reservation.keypad;
  return keypad && keypad.withdrawnAt === null ? { ...keypad, withdrawnAt: now } : null;
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
