/**
 * MQTT message schemas of the door channel (api.md, "Door controllers"). Lenient about unknown fields
 * (adding fields is not a breaking change), strict about the fields the door and the backend act on.
 */
import { DOOR_ID_PATTERN } from './door-topics';
import * as z from './zod';

export * from './door-topics';

/** How long an unlock command stays valid: `expiresAt = issuedAt + UNLOCK_COMMAND_TTL_MS`. */
export const UNLOCK_COMMAND_TTL_MS = 30_000;

export const unlockPurposes = ['entry', 'reentry', 'exit'] as const;
export const doorEventResults = ['unlocked', 'rejected', 'failed'] as const;

/** Reasons a door controller gives with `rejected` / `failed` events. */
export const doorEventReasons = {
  malformed: 'malformed',
  wrongDoor: 'wrong-door',
  expired: 'expired',
  lockError: 'lock-error',
} as const;

const id = z
  .string()
  .check(z.minLength(1), z.maxLength(128), z.regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only'));
const doorId = z.string().check(z.regex(DOOR_ID_PATTERN, 'Letters, digits, - and _ only (1–128)'));
/** An ISO 8601 instant with `Z` or a numeric offset. */
const instant = z.iso.datetime({ offset: true });

export const commandId = id;

/** A refinement: the instant `later` comes after the instant `earlier`. */
const after = <E extends string, L extends string>(
  earlier: E,
  later: L,
): [(message: Record<E | L, string>) => boolean, { message: string; path: PropertyKey[] }] => [
  (message) => Date.parse(message[later]) > Date.parse(message[earlier]),
  { message: `${later} must be after ${earlier}`, path: [later] },
];

/** `doors/{doorId}/unlock`, backend → door, QoS 1. */
export const unlockCommand = z
  .object({
    commandId,
    doorId,
    reservationId: id,
    purpose: z.enum(unlockPurposes),
    issuedAt: instant,
    expiresAt: instant,
  })
  .check(z.refine(...after('issuedAt', 'expiresAt')));
export type UnlockCommand = z.infer<typeof unlockCommand>;
export type UnlockPurpose = (typeof unlockPurposes)[number];

/** `doors/{doorId}/events`, door → backend, QoS 1. */
export const doorEvent = z.object({
  commandId,
  doorId,
  result: z.enum(doorEventResults),
  reason: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  at: instant,
});
export type DoorEvent = z.infer<typeof doorEvent>;
export type DoorEventResult = (typeof doorEventResults)[number];

export const keypadCodeActions = ['add', 'remove'] as const;

/**
 * `doors/{doorId}/codes`, backend → keypad door, QoS 1: a stay's six-digit code, valid `[validFrom, validUntil)`,
 * added at check-in and removed at checkout or forced checkout.
 */
export const keypadCodeMessage = z
  .object({
    action: z.enum(keypadCodeActions),
    code: z.string().check(z.regex(/^[0-9]{6}$/, 'Six digits')),
    reservationId: id,
    validFrom: instant,
    validUntil: instant,
  })
  .check(z.refine(...after('validFrom', 'validUntil')));
export type KeypadCodeMessage = z.infer<typeof keypadCodeMessage>;
export type KeypadCodeAction = (typeof keypadCodeActions)[number];
