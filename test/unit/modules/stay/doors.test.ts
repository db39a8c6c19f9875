import { describe, expect, it } from 'vitest';
import {
  decideCheckIn,
  decideDoorWhileIn,
  decideUnlock,
  EXIT_AFTER_CHECKOUT_MS,
  isKeypadCode,
  keypadCodeFor,
  newUnlockCommand,
  UNLOCK_COMMAND_TTL_MS,
  unlockStatusAt,
  withdrawnKeypadCode,
} from '../../../../lambdas/modules/stay/rules/doors';

const tokyo = (local: string) => Date.parse(`${local}+09:00`);
const start = tokyo('2026-11-24T14:00:00');
const end = tokyo('2026-11-24T15:00:00');
const h1t = { doorIds: ['front', 'side'], checkInOpensMinutesBefore: 5 };
const iioffice = { doorIds: ['door'], checkInOpensMinutesBefore: 0 };
const confirmed = { status: 'confirmed' as const, start, end };

describe('decideCheckIn', () => {
  it.each([
    ['6 minutes before an H1T start', h1t, 'front', '2026-11-24T13:54:00', 'CHECK_IN_NOT_OPEN'],
    ['5 minutes before an H1T start', h1t, 'front', '2026-11-24T13:55:00', null],
    ['at the side door during the stay', h1t, 'side', '2026-11-24T14:30:00', null],
    ['at the end', h1t, 'front', '2026-11-24T15:00:00', 'CHECK_IN_NOT_OPEN'],
    ['1 minute before いいオフィス starts', iioffice, 'door', '2026-11-24T13:59:00', 'CHECK_IN_NOT_OPEN'],
    ['at いいオフィス’s start', iioffice, 'door', '2026-11-24T14:00:00', null],
    ['at a door of another space', h1t, 'elsewhere', '2026-11-24T14:00:00', 'UNKNOWN_DOOR'],
  ])('%s', (_, space, doorId, now, code) => {
    const verdict = decideCheckIn({ now: tokyo(now), reservation: confirmed, space, doorId });
    expect(verdict.ok ? null : verdict.code).toBe(code);
  });

  it.each([
    ['checkedIn', 'INVALID_STATE'],
    ['requested', 'INVALID_STATE'],
    ['cancelled', 'INVALID_STATE'],
    ['forcedCheckout', 'INVALID_STATE'],
  ] as const)('refuses a %s reservation', (status, code) => {
    const verdict = decideCheckIn({ now: start, reservation: { ...confirmed, status }, space: h1t, doorId: 'front' });
    expect(verdict).toMatchObject({ ok: false, code });
  });
});

describe('decideDoorWhileIn', () => {
  it.each([
    ['checkedIn', 'front', null],
    ['checkedIn', 'nowhere', 'UNKNOWN_DOOR'],
    ['checkedOut', 'front', 'INVALID_STATE'],
    ['forcedCheckout', 'front', 'INVALID_STATE'],
    ['confirmed', 'front', 'INVALID_STATE'],
  ] as const)('%s at %s', (status, doorId, code) => {
    const verdict = decideDoorWhileIn({ reservation: { status }, space: h1t, doorId });
    expect(verdict.ok ? null : verdict.code).toBe(code);
  });
});

describe('unlock commands', () => {
  const command = newUnlockCommand({
    commandId: 'c1',
    doorId: 'front',
    reservation: { reservationId: 'r1', memberId: 'm1', timeZone: 'Asia/Tokyo' },
    purpose: 'entry',
    now: start,
  });

  it('expire 30 seconds after they are issued', () => {
    expect(command).toMatchObject({ status: 'sent', issuedAt: start, expiresAt: start + 30_000, resultAt: null });
    expect(UNLOCK_COMMAND_TTL_MS).toBe(30_000);
    expect(unlockStatusAt(command, start + 29_999)).toBe('sent');
    expect(unlockStatusAt(command, start + 30_000)).toBe('expired');
  });

  it('keep the door’s answer whenever it came', () => {
    expect(unlockStatusAt({ ...command, status: 'unlocked' }, start + 60_000)).toBe('unlocked');
    expect(unlockStatusAt({ ...command, status: 'rejected' }, start + 1)).toBe('rejected');
  });
});

describe('decideUnlock (re-entry, and the exit unlock after checkout)', () => {
  const checkedOutAt = tokyo('2026-11-24T14:40:00');
  it.each([
    ['re-entry while checked in', 'checkedIn', null, 'reentry', 'side', '2026-11-24T14:30:00', null],
    [
      're-entry at a door of another space',
      'checkedIn',
      null,
      'reentry',
      'nowhere',
      '2026-11-24T14:30:00',
      'UNKNOWN_DOOR',
    ],
    ['an exit while still checked in', 'checkedIn', null, 'exit', 'front', '2026-11-24T14:30:00', 'INVALID_STATE'],
    ['re-entry after checkout', 'checkedOut', checkedOutAt, 'reentry', 'front', '2026-11-24T14:41:00', 'INVALID_STATE'],
    ['an exit at checkout', 'checkedOut', checkedOutAt, 'exit', 'front', '2026-11-24T14:40:00', null],
    [
      'an exit 4:59 after checkout, at the other door',
      'checkedOut',
      checkedOutAt,
      'exit',
      'side',
      '2026-11-24T14:44:59',
      null,
    ],
    [
      'an exit 5 minutes after checkout',
      'checkedOut',
      checkedOutAt,
      'exit',
      'front',
      '2026-11-24T14:45:00',
      'INVALID_STATE',
    ],
    [
      'an exit within 5 minutes at a door of another space',
      'checkedOut',
      checkedOutAt,
      'exit',
      'nowhere',
      '2026-11-24T14:41:00',
      'UNKNOWN_DOOR',
    ],
    [
      'an exit after a forced checkout',
      'forcedCheckout',
      checkedOutAt,
      'exit',
      'front',
      '2026-11-24T14:41:00',
      'INVALID_STATE',
    ],
    ['an exit before check-in', 'confirmed', null, 'exit', 'front', '2026-11-24T14:00:00', 'INVALID_STATE'],
    ['an exit of a cancelled booking', 'cancelled', null, 'exit', 'front', '2026-11-24T14:00:00', 'INVALID_STATE'],
  ] as const)('%s', (_, status, out, purpose, doorId, now, code) => {
    const verdict = decideUnlock({
      now: tokyo(now),
      reservation: { status, checkedOutAt: out },
      space: h1t,
      doorId,
      purpose,
    });
    expect(verdict.ok ? null : verdict.code).toBe(code);
  });

  it('gives 5 minutes', () => {
    expect(EXIT_AFTER_CHECKOUT_MS).toBe(5 * 60_000);
  });
});

describe('keypad codes', () => {
  const doors = [
    { doorId: 'front', keyType: 'smartLock' as const },
    { doorId: 'keypad', keyType: 'keypad' as const },
  ];
  const now = tokyo('2026-11-24T13:58:00');

  it('a check-in at a keypad door gets a code valid from check-in until deadline + 5 minutes', () => {
    expect(keypadCodeFor({ doors, doorId: 'keypad', code: '004711', now, reservation: { end } })).toEqual({
      doorId: 'keypad',
      code: '004711',
      validFrom: now,
      validUntil: tokyo('2026-11-24T15:05:00'),
      withdrawnAt: null,
    });
  });

  it.each([
    ['a smart-lock door', 'front'],
    ['a door the facility does not list', 'unknown'],
  ])('%s gets none', (_, doorId) => {
    expect(keypadCodeFor({ doors, doorId, code: '004711', now, reservation: { end } })).toBeNull();
  });

  it.each([
    ['123456', true],
    ['000000', true],
    ['12345', false],
    ['1234567', false],
    ['12a456', false],
    ['', false],
  ])('%s is a keypad code: %s', (code, ok) => {
    expect(isKeypadCode(code)).toBe(ok);
  });

  it('refuses to issue a malformed code', () => {
    expect(() => keypadCodeFor({ doors, doorId: 'keypad', code: '12345', now, reservation: { end } })).toThrow();
  });

  it('withdraws a live code once, and nothing when there is none', () => {
    const keypad = { doorId: 'keypad', code: '004711', validFrom: now, validUntil: end, withdrawnAt: null };
    const at = tokyo('2026-11-24T14:30:00');
    expect(withdrawnKeypadCode({ keypad }, at)).toEqual({ ...keypad, withdrawnAt: at });
    expect(withdrawnKeypadCode({ keypad: { ...keypad, withdrawnAt: now } }, at)).toBeNull();
    expect(withdrawnKeypadCode({ keypad: null }, at)).toBeNull();
    expect(withdrawnKeypadCode({}, at)).toBeNull();
  });
});
