import { describe, expect, it } from 'vitest';
import { reservationNumber as numberSchema } from '../../../contracts/http/booking';
import { RESERVATION_NUMBER_DIGITS, reservationNumber } from '../../../lambdas/domain/reservation-number';
import { reservationNumberDigits } from '../../../lambdas/platform/deps';

describe('reservationNumber (api.md: R-XXXX-XXXX-XXXX)', () => {
  it.each([
    ['244775826513', 'R-2447-7582-6513'],
    ['000000000000', 'R-0000-0000-0000'],
    ['000000000042', 'R-0000-0000-0042'],
    ['999999999999', 'R-9999-9999-9999'],
  ])('%s → %s', (digits, number) => {
    expect(reservationNumber(digits)).toBe(number);
    expect(numberSchema.safeParse(number).success).toBe(true);
  });

  it.each(['', '12345678901', '1234567890123', '12345678901a', ' 24477582651', '２４４７７５８２６５１３'])(
    'refuses %j (not 12 ASCII digits)',
    (digits) => {
      expect(() => reservationNumber(digits)).toThrow(RangeError);
    },
  );

  it('the contract takes only that shape', () => {
    for (const text of ['R-2447-7582-651', 'R2447-7582-6513', 'r-2447-7582-6513', 'R-2447-7582-6513-1', 'X']) {
      expect(numberSchema.safeParse(text).success, text).toBe(false);
    }
  });
});

describe('reservationNumberDigits (the CSPRNG port)', () => {
  it('draws 12 digits, leading zeros kept, and does not repeat itself', () => {
    const drawn = Array.from({ length: 2000 }, () => reservationNumberDigits.next());
    for (const digits of drawn) expect(digits).toMatch(new RegExp(`^\\d{${RESERVATION_NUMBER_DIGITS}}$`));
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(new Set(drawn.map((d) => d[0])).size).toBeGreaterThan(5);
  });
});
