import { describe, expect, it } from 'vitest';
import {
  CODES_WILDCARD,
  codesTopic,
  type KeypadCodeMessage,
  keypadCodeMessage,
  topicTemplates,
} from '../../../contracts/mqtt';
import { KeypadCodes } from '../../../iot/keypad-codes';

const add: KeypadCodeMessage = {
  action: 'add',
  code: '042917',
  reservationId: 'res-1',
  validFrom: '2026-11-24T14:00:00+09:00',
  validUntil: '2026-11-24T15:05:00+09:00',
};
const at = (local: string) => Date.parse(`2026-11-24T${local}+09:00`);

describe('the codes topic and message', () => {
  it('is doors/{doorId}/codes, for one well-formed door id only', () => {
    expect(codesTopic('iioffice-shinjuku-door')).toBe('doors/iioffice-shinjuku-door/codes');
    expect(CODES_WILDCARD).toBe('doors/+/codes');
    expect(topicTemplates.codes('*')).toBe('doors/*/codes');
    expect(() => codesTopic('a/b')).toThrow();
    expect(() => codesTopic('+')).toThrow();
  });

  it.each([
    ['an add', add, true],
    ['a remove', { ...add, action: 'remove' }, true],
    ['a five-digit code', { ...add, code: '12345' }, false],
    ['a code with letters', { ...add, code: '12a456' }, false],
    ['another action', { ...add, action: 'replace' }, false],
    ['validUntil not after validFrom', { ...add, validUntil: add.validFrom }, false],
    ['an instant without offset', { ...add, validFrom: '2026-11-24T14:00:00' }, false],
    ['no reservation', { ...add, reservationId: undefined }, false],
  ])('%s parses: %s', (_, message, ok) => {
    expect(keypadCodeMessage.safeParse(message).success).toBe(ok);
  });
});

describe('KeypadCodes (what a keypad door keeps)', () => {
  it.each([
    ['before validFrom', '13:59:59', { ok: false, reason: 'not-yet-valid' }],
    ['at validFrom', '14:00:00', { ok: true, reservationId: 'res-1' }],
    ['just before validUntil', '15:04:59', { ok: true, reservationId: 'res-1' }],
    ['at validUntil', '15:05:00', { ok: false, reason: 'expired' }],
  ])('opens for the code %s: %j', (_, time, decision) => {
    const codes = new KeypadCodes();
    codes.apply(add);
    expect(codes.decide('042917', at(time))).toEqual(decision);
  });

  it('refuses a code it was never given', () => {
    const codes = new KeypadCodes();
    codes.apply(add);
    expect(codes.decide('111111', at('14:30:00'))).toEqual({ ok: false, reason: 'unknown-code' });
  });

  it('forgets a removed code, and a remove of another code of the reservation changes nothing', () => {
    const codes = new KeypadCodes();
    codes.apply(add);
    codes.apply({ ...add, action: 'remove', code: '999999' });
    expect(codes.has('042917')).toBe(true);
    codes.apply({ ...add, action: 'remove' });
    expect(codes.has('042917')).toBe(false);
    expect(codes.decide('042917', at('14:30:00'))).toEqual({ ok: false, reason: 'unknown-code' });
  });

  it('keeps one code per reservation (a repeated add replaces it) and drops codes that have ended', () => {
    const codes = new KeypadCodes();
    codes.apply(add);
    codes.apply(add);
    codes.apply({ ...add, reservationId: 'res-2', code: '555555', validUntil: '2026-11-24T18:00:00+09:00' });
    expect(codes.size).toBe(2);
    expect(codes.decide('555555', at('16:00:00'))).toEqual({ ok: true, reservationId: 'res-2' });
    expect(codes.size).toBe(1);
  });
});
