/**
 * The member's reception ticket (domain-rules §6, last bullet; api.md "Drop-in visits"): the app shows it as a QR
 * code, reception scans it, and it admits once within 60 seconds. Pure: the time, the ticket id and the keys come
 * in as arguments; HMAC and hashing are deterministic functions of them.
 *
 * A ticket is `v1.<payload>.<mac>`: the payload is base64url JSON `{ k, m, j, e }` (the signing key's id, the
 * member, a random ticket id of 128 bits, the expiry in epoch milliseconds), the mac base64url HMAC-SHA256 of
 * `v1.<payload>` under the key `k` names. About 200 characters: a small QR code.
 *
 * Key rotation: a key's id is derived from the key itself (a short hash), so a ticket names the key that signed it
 * without anyone keeping a list of ids. The current key signs; verification accepts the current key and the
 * previous ones a keyring holds (Secrets Manager's AWSPREVIOUS after a rotation), so a ticket signed just before a
 * rotation still admits for the rest of its minute. A ticket naming a key the keyring lacks is told apart
 * (`unknownKey`) so the caller may read the keys again once, in case it was signed after a rotation it has not
 * seen yet.
 *
 * Single use is not decided here: the check-in writes the ticket's use (data/ticket-use.ts) in its own transaction.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { MAX_TICKET_LENGTH } from '../../../../contracts/http/tickets';
import type { Instant } from '../../../domain/model';

/** The one ticket version this service issues and accepts. */
export const TICKET_VERSION = 'v1';

/** How long a ticket admits after it is issued (domain-rules §6: 60 seconds). */
export const TICKET_VALIDITY_MS = 60_000;

/** The longest string read as a ticket (the contract's); anything longer is refused before it is decoded. */
export { MAX_TICKET_LENGTH };

/** The least key material a signing key may have: 256 bits, the size of the HMAC-SHA256 output. */
export const MIN_KEY_BYTES = 32;

/** HMAC-SHA256 output, and so the decoded length of a ticket's mac. */
const MAC_BYTES = 32;

/** A ticket id: 128 random bits, base64url without padding. */
const TICKET_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
/** A key id: eight base64url characters of the key's SHA-256 (48 bits: enough to tell a handful of keys apart). */
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{8}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Member ids are token subjects (Cognito `sub`, local ids): at most this long. */
const MAX_MEMBER_ID_LENGTH = 128;

/** A key that signs or verifies tickets: its secret and the id derived from it. */
export interface SigningKey {
  readonly id: string;
  readonly secret: Uint8Array;
}

/** The keys of a verifier: the one that signs now, and earlier ones whose tickets may still be inside their minute. */
export interface Keyring {
  readonly current: SigningKey;
  readonly previous: readonly SigningKey[];
}

/** A ticket as the member's app shows it. */
export interface IssuedTicket {
  /** The string the QR code carries. */
  ticket: string;
  ticketId: string;
  memberId: string;
  /** The first instant at which it no longer admits. */
  expiresAt: Instant;
}

/** What a genuine ticket in its minute says: whose it is, its id (for single use), until when it admits. */
export interface VerifiedTicket {
  memberId: string;
  ticketId: string;
  expiresAt: Instant;
}

/** Why a ticket was refused; only `detail` is shown, and a forged ticket reads like one of an unknown key. */
export type TicketRefusalReason = 'malformed' | 'version' | 'unknownKey' | 'forged' | 'expired';

/** The verdict on a scanned ticket: 422 `TICKET_INVALID` when refused. */
export type TicketCheck =
  | { ok: true; ticket: VerifiedTicket }
  | { ok: false; code: 'TICKET_INVALID'; reason: TicketRefusalReason; detail: string };

const DETAILS: Record<TicketRefusalReason, string> = {
  malformed: 'This is not a member ticket.',
  version: 'This ticket is of a kind this service no longer accepts; ask the member to show a new one.',
  unknownKey: 'This ticket is not genuine.',
  forged: 'This ticket is not genuine.',
  expired: 'This ticket expired; ask the member to show a new one.',
};

const refused = (reason: TicketRefusalReason): TicketCheck => ({
  ok: false,
  code: 'TICKET_INVALID',
  reason,
  detail: DETAILS[reason],
});

/**
 * A signing key from its secret bytes; its id is the start of the secret's SHA-256 (base64url), so the same secret
 * always has the same id and the id reveals nothing usable of it.
 * @throws RangeError when the secret is shorter than {@link MIN_KEY_BYTES}
 */
export function signingKey(secret: Uint8Array): SigningKey {
  if (secret.byteLength < MIN_KEY_BYTES) {
    throw new RangeError(`A ticket signing key needs at least ${MIN_KEY_BYTES} bytes, not ${secret.byteLength}`);
  }
  return { id: createHash('sha256').update(secret).digest('base64url').slice(0, 8), secret };
}

/** A keyring from secrets: `current` signs, `previous` still verify (a previous equal to current is dropped). */
export function keyringOf(current: Uint8Array, previous: readonly Uint8Array[] = []): Keyring {
  const signing = signingKey(current);
  const others = previous.map(signingKey).filter((key) => key.id !== signing.id);
  return { current: signing, previous: others };
}

const macOf = (signed: string, key: SigningKey): Buffer => createHmac('sha256', key.secret).update(signed).digest();

/** The bytes of a canonical base64url segment (no padding, no stray characters), or undefined. */
function decodeSegment(segment: string): Buffer | undefined {
  if (!BASE64URL.test(segment)) return undefined;
  const bytes = Buffer.from(segment, 'base64url');
  // Node decodes leniently; only the one spelling of these bytes is a segment (no two strings for one ticket)
  return bytes.toString('base64url') === segment ? bytes : undefined;
}

interface Payload {
  k: string;
  m: string;
  j: string;
  e: number;
}

/** The payload's fields when they have the shapes this service writes, exactly those four; otherwise undefined. */
function readPayload(bytes: Buffer): Payload | undefined {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { k, m, j, e, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return undefined;
  if (typeof k !== 'string' || !KEY_ID_PATTERN.test(k)) return undefined;
  if (typeof m !== 'string' || m.length === 0 || m.length > MAX_MEMBER_ID_LENGTH) return undefined;
  if (typeof j !== 'string' || !TICKET_ID_PATTERN.test(j)) return undefined;
  if (typeof e !== 'number' || !Number.isSafeInteger(e)) return undefined;
  return { k, m, j, e };
}

/**
 * Issues the ticket of `memberId` at `now`, admitting until `now` + {@link TICKET_VALIDITY_MS}, signed with `key`
 * (the keyring's current key). `ticketId` is 128 random bits, base64url (22 characters), from a CSPRNG.
 * @throws RangeError on a ticket id or member id of another shape (a programming error)
 */
export function issueTicket(
  request: { memberId: string; ticketId: string; now: Instant },
  key: SigningKey,
): IssuedTicket {
  const { memberId, ticketId, now } = request;
  if (!TICKET_ID_PATTERN.test(ticketId)) throw new RangeError('A ticket id is 22 base64url characters (128 bits)');
  if (memberId.length === 0 || memberId.length > MAX_MEMBER_ID_LENGTH) throw new RangeError('Not a member id');
  const expiresAt = now + TICKET_VALIDITY_MS;
  const payload: Payload = { k: key.id, m: memberId, j: ticketId, e: expiresAt };
  const signed = `${TICKET_VERSION}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
  return { ticket: `${signed}.${macOf(signed, key).toString('base64url')}`, ticketId, memberId, expiresAt };
}

/**
 * Checks a scanned ticket at `now` against `keys`: refused when it is not a ticket's shape (`malformed`), of another
 * version (`version`), signed by a key the keyring lacks (`unknownKey`), its mac does not match (`forged`, compared
 * in constant time), or `now` is at or past its expiry (`expired`). Says nothing of whether it was used before.
 */
export function verifyTicket(ticket: string, keys: Keyring, now: Instant): TicketCheck {
  if (ticket.length > MAX_TICKET_LENGTH) return refused('malformed');
  const parts = ticket.split('.');
  if (parts.length !== 3) return refused('malformed');
  const [version, payloadSegment, macSegment] = parts as [string, string, string];
  if (version !== TICKET_VERSION) return /^v\d+$/.test(version) ? refused('version') : refused('malformed');
  const payloadBytes = decodeSegment(payloadSegment);
  const mac = decodeSegment(macSegment);
  if (!payloadBytes || !mac || mac.byteLength !== MAC_BYTES) return refused('malformed');
  const payload = readPayload(payloadBytes);
  if (!payload) return refused('malformed');
  const key = [keys.current, ...keys.previous].find((k) => k.id === payload.k);
  if (!key) return refused('unknownKey');
  if (!timingSafeEqual(mac, macOf(`${version}.${payloadSegment}`, key))) return refused('forged');
  // half-open: the ticket admits in [issued, expiresAt)
  if (now >= payload.e) return refused('expired');
  return { ok: true, ticket: { memberId: payload.m, ticketId: payload.j, expiresAt: payload.e } };
}
