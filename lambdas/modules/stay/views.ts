/** Unlock commands and stays as the API and the doors see them (api.md): instants in the facility's zone. */
import type { StayResponse, UnlockCommandResponse } from '../../../contracts/http/stay';
import type { UnlockCommand as UnlockMessage } from '../../../contracts/mqtt';
import { toZonedIso } from '../../domain/format';
import type { Instant, Reservation, UnlockCommand } from '../../domain/model';
import { reservationView } from '../booking';
import { unlockStatusAt } from './rules/doors';

/** The MQTT message of an unlock command (api.md, doors/{doorId}/unlock). */
export function unlockMessage(command: UnlockCommand): UnlockMessage {
  return {
    commandId: command.commandId,
    doorId: command.doorId,
    reservationId: command.reservationId,
    purpose: command.purpose,
    issuedAt: toZonedIso(command.issuedAt, command.timeZone),
    expiresAt: toZonedIso(command.expiresAt, command.timeZone),
  };
}

/** An unlock command as api.md shows it: a `sent` command past its expiry shows `expired`. */
export function unlockCommandView(command: UnlockCommand, now: Instant): UnlockCommandResponse {
  return {
    ...unlockMessage(command),
    status: unlockStatusAt(command, now),
    ...(command.resultAt === null ? {} : { resultAt: toZonedIso(command.resultAt, command.timeZone) }),
    ...(command.reason === null ? {} : { reason: command.reason }),
  };
}

/** A reservation with the unlock command its step issued (check-in, checkout). */
export const stayView = (reservation: Reservation, command: UnlockCommand, now: Instant): StayResponse => ({
  ...reservationView(reservation),
  unlock: unlockCommandView(command, now),
});
