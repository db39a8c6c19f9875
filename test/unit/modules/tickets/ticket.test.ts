import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  issueTicket,
  keyringOf,
  MAX_TICKET_LENGTH,
  MIN_KEY_BYTES,
  type SigningKey,
  signingKey,
  TICKET_VALIDITY_MS,
  type TicketCheck,
  verifyTicket,
} from '../../../../lambdas/modules/tickets/rules/ticket';
import { tokyo } from '../../../fixtures/domain';

const NOW = tokyo('2026-11-24T10:00');
const secretA = Buffer.alloc(32, 0xa1);
const secretB = Buffer.alloc(32, 0xb2);
const keyA = signingKey(secretA);
const keyB = signingKey(secretB);
const ringA = keyringOf(secretA);
const TICKET_ID = 'AAECAwQFBgcICQoLDA0ODw'; // 16 bytes, base64url
const issue = (now = NOW, key: SigningKey = keyA) =>
  issueTicket({ memberId: 'member-basic', ticketId: TICKET_ID, now }, key);

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
/** A ticket made by hand: `version.payload.mac`, the mac of `version.payload` under `secret`. */
function craft(payload: unknown, secret: Buffer = secretA, version = 'v1'): string {
  const segment = b64(typeof payload === 'string' ? payload : JSON.stringify(payload));
  const mac = createHmac('sha256', secret).update(`${version}.${segment}`).digest('base64url');
  return `${version}.${segment}.${mac}`;
}
const payloadOf = (overrides: Record<string, unknown> = {}) => ({
  k: keyA.id,
  m: 'member-basic',
  j: TICKET_ID,
  e: NOW + TICKET_VALIDITY_MS,
  ...overrides,
});
const reasonOf = (check: TicketCheck) => (check.ok ? 'ok' : check.reason);

describe('issueTicket and verifyTicket', () => {
  it('issues a compact v1 ticket that verifies as the member’s, admitting for 60 seconds', () => {
    const issued = issue();
    expect(issued).toMatchObject({ memberId: 'member-basic', ticketId: TICKET_ID, expiresAt: NOW + 60_000 });
    expect(issued.ticket).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(issued.ticket.length).toBeLessThan(250);
    expect(verifyTicket(issued.ticket, ringA, NOW)).toEqual({
      ok: true,
      ticket: { memberId: 'member-basic', ticketId: TICKET_ID, expiresAt: NOW + 60_000 },
    });
  });

  it('carries the signing key’s id, the member, the ticket id and the expiry, and nothing else', () => {
    const [, payload] = issue().ticket.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))).toEqual(payloadOf());
  });

  it.each([
    ['at issue', 0, 'ok'],
    ['a millisecond before 60 s', TICKET_VALIDITY_MS - 1, 'ok'],
    ['at exactly 60 s', TICKET_VALIDITY_MS, 'expired'],
    ['a minute later', 2 * TICKET_VALIDITY_MS, 'expired'],
  ])('%s: %s', (_, after, expected) => {
    expect(reasonOf(verifyTicket(issue().ticket, ringA, NOW + after))).toBe(expected);
  });

  it('refuses an expired ticket with TICKET_INVALID and a detail staff can act on', () => {
    expect(verifyTicket(issue().ticket, ringA, NOW + TICKET_VALIDITY_MS)).toEqual({
      ok: false,
      code: 'TICKET_INVALID',
      reason: 'expired',
      detail: 'This ticket expired; ask the member to show a new one.',
    });
  });

  it('refuses a ticket whose mac was changed (forged)', () => {
    const { ticket } = issue();
    const [version, payload, mac] = ticket.split('.') as [string, string, string];
    const flipped = `${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    expect(reasonOf(verifyTicket(`${version}.${payload}.${flipped}`, ringA, NOW))).toBe('forged');
  });

  it('refuses a ticket signed with another secret under the key’s id (forged)', () => {
    expect(reasonOf(verifyTicket(craft(payloadOf(), secretB), ringA, NOW))).toBe('forged');
  });

  it.each([
    ['another member', { m: 'member-premium' }],
    ['a later expiry', { e: NOW + 10 * TICKET_VALIDITY_MS }],
    ['another ticket id', { j: 'BBECAwQFBgcICQoLDA0ODw' }],
  ])('refuses a payload tampered to %s under the original mac (forged)', (_, change) => {
    const [version, , mac] = issue().ticket.split('.') as [string, string, string];
    const tampered = `${version}.${b64(JSON.stringify(payloadOf(change)))}.${mac}`;
    expect(reasonOf(verifyTicket(tampered, ringA, NOW))).toBe('forged');
  });

  it('signs the version with the payload: the same payload and mac under another version is refused', () => {
    const [, payload, mac] = issue().ticket.split('.') as [string, string, string];
    expect(reasonOf(verifyTicket(`v2.${payload}.${mac}`, ringA, NOW))).toBe('version');
  });

  it.each([
    ['v2', 'version'],
    ['v0', 'version'],
    ['V1', 'malformed'],
    ['', 'malformed'],
    ['x', 'malformed'],
  ])('refuses version %j as %s', (version, reason) => {
    expect(reasonOf(verifyTicket(craft(payloadOf(), secretA, version), ringA, NOW))).toBe(reason);
  });

  it('tells a ticket of a key the keyring lacks (unknownKey), with the same detail as a forged one', () => {
    const check = verifyTicket(issue(NOW, keyB).ticket, ringA, NOW);
    expect(check).toMatchObject({ ok: false, code: 'TICKET_INVALID', reason: 'unknownKey' });
    const forged = verifyTicket(craft(payloadOf(), secretB), ringA, NOW);
    expect(!check.ok && !forged.ok && check.detail === forged.detail).toBe(true);
  });

  it('accepts a ticket of the previous key after a rotation, and signs with the current one', () => {
    const rotated = keyringOf(secretB, [secretA]);
    expect(rotated.current.id).toBe(keyB.id);
    expect(reasonOf(verifyTicket(issue(NOW, keyA).ticket, rotated, NOW))).toBe('ok');
    expect(reasonOf(verifyTicket(issue(NOW, rotated.current).ticket, rotated, NOW))).toBe('ok');
    // still only within its minute
    expect(reasonOf(verifyTicket(issue(NOW, keyA).ticket, rotated, NOW + TICKET_VALIDITY_MS))).toBe('expired');
  });

  const mac43 = 'A'.repeat(43);
  it.each([
    ['an empty string', ''],
    ['a word', 'ticket'],
    ['two parts', 'v1.abc'],
    ['four parts', `${issue().ticket}.x`],
    ['empty segments', 'v1..'],
    ['a payload that is not base64url', `v1.eyJ+fQ.${mac43}`],
    ['padded base64', `v1.${b64('{"k":1}')}==.${mac43}`],
    ['a mac of the wrong length', `v1.${b64(JSON.stringify(payloadOf()))}.${'A'.repeat(22)}`],
    ['a mac that is not base64url', `v1.${b64(JSON.stringify(payloadOf()))}.${'*'.repeat(43)}`],
    ['a string over the length limit', `v1.${'A'.repeat(MAX_TICKET_LENGTH)}.${mac43}`],
    ['a payload that is not JSON', craft('not json')],
    ['a JSON array', craft([1, 2, 3])],
    ['JSON null', craft('null')],
    ['a payload without the member', craft({ k: keyA.id, j: TICKET_ID, e: NOW })],
    ['an extra field', craft(payloadOf({ admin: true }))],
    ['an empty member', craft(payloadOf({ m: '' }))],
    ['a member id too long', craft(payloadOf({ m: 'm'.repeat(129) }))],
    ['a member that is not a string', craft(payloadOf({ m: 42 }))],
    ['a short ticket id', craft(payloadOf({ j: 'abc' }))],
    ['an expiry as text', craft(payloadOf({ e: String(NOW) }))],
    ['a fractional expiry', craft(payloadOf({ e: NOW + 0.5 }))],
    ['a key id of another shape', craft(payloadOf({ k: 'key-1' }))],
  ])('refuses %s as malformed', (_, ticket) => {
    expect(reasonOf(verifyTicket(ticket, ringA, NOW))).toBe('malformed');
  });

  it('refuses a non-canonical spelling of the mac (no two strings for one ticket)', () => {
    const [version, payload, mac] = issue().ticket.split('.') as [string, string, string];
    // the last of 43 characters carries 4 bits and 2 unused ones: setting an unused bit decodes to the same bytes
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(mac.at(-1) as string);
    const variant = `${mac.slice(0, -1)}${alphabet[last ^ 1]}`;
    expect(Buffer.from(variant, 'base64url')).toEqual(Buffer.from(mac, 'base64url'));
    expect(reasonOf(verifyTicket(`${version}.${payload}.${variant}`, ringA, NOW))).toBe('malformed');
  });

  it('refuses every one-character change of a valid ticket', () => {
    const { ticket } = issue();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    fc.assert(
      fc.property(fc.nat(ticket.length - 1), fc.constantFrom(...alphabet), (at, char) => {
        fc.pre(ticket[at] !== char);
        const changed = `${ticket.slice(0, at)}${char}${ticket.slice(at + 1)}`;
        return !verifyTicket(changed, ringA, NOW).ok;
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses to issue with a ticket id or member id of another shape', () => {
    expect(() => issueTicket({ memberId: 'm', ticketId: 'short', now: NOW }, keyA)).toThrow(RangeError);
    expect(() => issueTicket({ memberId: '', ticketId: TICKET_ID, now: NOW }, keyA)).toThrow(RangeError);
    expect(() => issueTicket({ memberId: 'm'.repeat(129), ticketId: TICKET_ID, now: NOW }, keyA)).toThrow(RangeError);
  });
});

describe('signing keys', () => {
  it('derive a stable eight-character id from the secret, another for another secret', () => {
    expect(signingKey(Buffer.alloc(32, 0xa1)).id).toBe(keyA.id);
    expect(keyA.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(keyB.id).not.toBe(keyA.id);
  });

  it(`need at least ${MIN_KEY_BYTES} bytes`, () => {
    expect(() => signingKey(Buffer.alloc(MIN_KEY_BYTES - 1, 1))).toThrow(RangeError);
    expect(() => keyringOf(secretA, [Buffer.alloc(8, 1)])).toThrow(RangeError);
    expect(signingKey(Buffer.alloc(MIN_KEY_BYTES, 1)).secret.byteLength).toBe(MIN_KEY_BYTES);
  });

  it('make a keyring that drops a previous key equal to the current one', () => {
    expect(keyringOf(secretA, [secretA, secretB]).previous.map((k) => k.id)).toEqual([keyB.id]);
    expect(keyringOf(secretA).previous).toEqual([]);
  });
});
