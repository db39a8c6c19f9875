/**
 * MQTT message schemas of the door channel (api.md, "Door controllers"). Lenient about unknown fields
 * (adding fields is not a breaking change), strict about the fields the door and the backend act on.
 */
import * as z from 'zod';

/** How long an unlock command stays valid: `expiresAt = issuedAt + UNLOCK_COMMAND_TTL_MS`. */
export const UNLOCK_COMMAND_TTL_MS = 30_000;

/** Door ids (= IoT thing names of door controllers): letters, digits, `-` and `_`, 1–128 characters. */
export const DOOR_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

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
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only');
const doorId = z.string().regex(DOOR_ID_PATTERN, 'Letters, digits, - and _ only (1–128)');
/** An ISO 8601 instant with `Z` or a numeric offset. */
const instant = z.iso.datetime({ offset: true });

export const commandId = id;

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
  .refine((c) => Date.parse(c.expiresAt) > Date.parse(c.issuedAt), {
    message: 'expiresAt must be after issuedAt',
    path: ['expiresAt'],
  });
export type UnlockCommand = z.infer<typeof unlockCommand>;
export type UnlockPurpose = (typeof unlockPurposes)[number];

/** `doors/{doorId}/events`, door → backend, QoS 1. */
export const doorEvent = z.object({
  commandId,
  doorId,
  result: z.enum(doorEventResults),
  reason: z.string().min(1).max(256).optional(),
  at: instant,
});
export type DoorEvent = z.infer<typeof doorEvent>;
export type DoorEventResult = (typeof doorEventResults)[number];

// Topics of the door channel: the only place they are spelled.

/** Whether `value` is a well-formed door id (safe as one topic level: no `/`, `+`, `#`). */
export function isDoorId(value: string): boolean {
  return DOOR_ID_PATTERN.test(value);
}

function assertDoorId(doorId: string): void {
  if (!isDoorId(doorId)) throw new Error(`Invalid door id ${JSON.stringify(doorId)}: letters, digits, - and _ only`);
}

/**
 * Topic builders over an unchecked door segment, for places that put something other than a door id
 * there: a wildcard (`+` in a filter, `*` in a policy resource) or a policy variable.
 */
export const topicTemplates = {
  unlock: (segment: string): string => `doors/${segment}/unlock`,
  events: (segment: string): string => `doors/${segment}/events`,
} as const;

/** `doors/{doorId}/unlock`: the backend publishes unlock commands here; only that door subscribes. */
export function unlockTopic(doorId: string): string {
  assertDoorId(doorId);
  return topicTemplates.unlock(doorId);
}

/** `doors/{doorId}/events`: the door publishes the outcome of each command here. */
export function eventsTopic(doorId: string): string {
  assertDoorId(doorId);
  return topicTemplates.events(doorId);
}

/** MQTT filter matching every door's events topic (`doors/+/events`). */
export const EVENTS_WILDCARD = topicTemplates.events('+');

/** MQTT filter matching every door's unlock topic (`doors/+/unlock`). */
export const UNLOCK_WILDCARD = topicTemplates.unlock('+');

const eventsTopicPattern = /^doors\/([A-Za-z0-9_-]{1,128})\/events$/;
const unlockTopicPattern = /^doors\/([A-Za-z0-9_-]{1,128})\/unlock$/;

/** The door id of an events topic, or `undefined` when `topic` is not one. */
export function doorIdOfEventsTopic(topic: string): string | undefined {
  return eventsTopicPattern.exec(topic)?.[1];
}

/** The door id of an unlock topic, or `undefined` when `topic` is not one. */
export function doorIdOfUnlockTopic(topic: string): string | undefined {
  return unlockTopicPattern.exec(topic)?.[1];
}
