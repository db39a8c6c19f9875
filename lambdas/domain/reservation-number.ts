/**
 * Human reservation numbers (api.md, wave 2): `R-` and 12 random digits in groups of four, e.g.
 * `R-2447-7582-6513`. The digits come from a CSPRNG through a port; uniqueness is not left to chance: the
 * booking transaction takes the number only if no reservation has it, and draws again when one does.
 */

/** Digits in a reservation number. */
export const RESERVATION_NUMBER_DIGITS = 12;

/** A human number of 12 digits after a one-letter prefix (`R`, `244775826513` → `R-2447-7582-6513`). */
function humanNumber(prefix: 'R' | 'V', digits: string): string {
  if (!new RegExp(`^\\d{${RESERVATION_NUMBER_DIGITS}}$`).test(digits)) {
    throw new RangeError(`A ${prefix} number takes ${RESERVATION_NUMBER_DIGITS} digits, not "${digits}"`);
  }
  return `${prefix}-${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
}

/** The reservation number of 12 digits (`244775826513` → `R-2447-7582-6513`); anything else is refused. */
export const reservationNumber = (digits: string): string => humanNumber('R', digits);

/**
 * A drop-in visit's number (`V-2447-7582-6513`): what the partner's usage screens show; unique the same way
 * (the check-in takes it only if no visit has it).
 */
export const visitNumber = (digits: string): string => humanNumber('V', digits);
