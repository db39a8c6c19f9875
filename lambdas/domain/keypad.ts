/**
 * Keypad doors (domain-rules §5): a stay's six-digit code is valid from check-in to the forced-checkout instant;
 * an extension moves that instant, and with it the code's validity.
 */
import type { KeypadCodeAction, KeypadCodeMessage } from '../../contracts/mqtt';
import { toZonedIso } from './format';
import type { Instant, KeypadCode, Reservation } from './model';
import { forcedCheckoutAt } from './stay';

/** The MQTT message of a keypad code (api.md, doors/{doorId}/codes). */
export function keypadCodeMessage(
  action: KeypadCodeAction,
  reservation: Pick<Reservation, 'reservationId' | 'timeZone'>,
  keypad: KeypadCode,
): KeypadCodeMessage {
  return {
    action,
    code: keypad.code,
    reservationId: reservation.reservationId,
    validFrom: toZonedIso(keypad.validFrom, reservation.timeZone),
    validUntil: toZonedIso(keypad.validUntil, reservation.timeZone),
  };
}

/** The live code of a stay whose deadline moved to `newEnd` (an extension), or `null` when it has none. */
export function extendedKeypadCode(reservation: Pick<Reservation, 'keypad'>, newEnd: Instant): KeypadCode | null {
  const keypad = reservation.keypad;
  return keypad && keypad.withdrawnAt === null ? { ...keypad, validUntil: forcedCheckoutAt(newEnd) } : null;
}
