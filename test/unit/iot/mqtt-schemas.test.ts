import { describe, expect, it } from 'vitest';
import { doorEvent, UNLOCK_COMMAND_TTL_MS, unlockCommand } from '../../../contracts/mqtt';

const command = {
  commandId: '01JCMD0000000000000000000A',
  doorId: 'door-1',
  reservationId: 'res-1',
  purpose: 'entry',
  issuedAt: '2025-04-01T09:00:00+09:00',
  expiresAt: '2025-04-01T00:00:30Z',
};

describe('unlockCommand', () => {
  it('accepts a command with offset or Z instants', () => {
    expect(unlockCommand.parse(command)).toEqual(command);
  });

  it('keeps a 30 s TTL constant', () => {
    expect(UNLOCK_COMMAND_TTL_MS).toBe(30_000);
    expect(Date.parse(command.expiresAt) - Date.parse(command.issuedAt)).toBe(UNLOCK_COMMAND_TTL_MS);
  });

  it('tolerates added fields and drops them', () => {
    expect(unlockCommand.parse({ ...command, extra: 1 })).toEqual(command);
  });

  it.each([
    ['unknown purpose', { purpose: 'visit' }],
    ['instant without offset', { issuedAt: '2025-04-01T09:00:00' }],
    ['date only', { expiresAt: '2025-04-01' }],
    ['door id with a slash', { doorId: 'a/b' }],
    ['empty command id', { commandId: '' }],
    ['expiry not after issue', { expiresAt: '2025-04-01T00:00:00Z' }],
    ['missing reservation', { reservationId: undefined }],
  ])('rejects %s', (_name, patch) => {
    expect(unlockCommand.safeParse({ ...command, ...patch }).success).toBe(false);
  });
});

describe('doorEvent', () => {
  const event = {
    commandId: 'c-1',
    doorId: 'door-1',
    result: 'rejected',
    reason: 'expired',
    at: '2025-04-01T00:00:31Z',
  };

  it('accepts events with and without a reason', () => {
    expect(doorEvent.parse(event)).toEqual(event);
    const { reason: _, ...unlocked } = { ...event, result: 'unlocked' };
    expect(doorEvent.parse(unlocked)).toEqual(unlocked);
  });

  it.each([
    ['unknown result', { result: 'opened' }],
    ['bad instant', { at: 'yesterday' }],
    ['empty reason', { reason: '' }],
  ])('rejects %s', (_name, patch) => {
    expect(doorEvent.safeParse({ ...event, ...patch }).success).toBe(false);
  });
});
