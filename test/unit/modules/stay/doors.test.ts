import { describe, expect, it } from 'vitest';
import {
  decideCheckIn,
  decideDoorWhileIn,
  newUnlockCommand,
  UNLOCK_COMMAND_TTL_MS,
  unlockStatusAt,
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
