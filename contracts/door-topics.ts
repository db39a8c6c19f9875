/**
 * Door ids and the MQTT topics of the door channel (api.md, "Door controllers"): the only place they are
 * spelled. No zod here, so that what only publishes or matches topics carries no schema code.
 */

/** Door ids (= IoT thing names of door controllers): letters, digits, `-` and `_`, 1–128 characters. */
export const DOOR_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

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
  codes: (segment: string): string => `doors/${segment}/codes`,
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

/** `doors/{doorId}/codes`: the backend publishes keypad codes (add, remove) here; only that door subscribes. */
export function codesTopic(doorId: string): string {
  assertDoorId(doorId);
  return topicTemplates.codes(doorId);
}

/** MQTT filter matching every door's events topic (`doors/+/events`). */
export const EVENTS_WILDCARD = topicTemplates.events('+');

/** MQTT filter matching every door's unlock topic (`doors/+/unlock`). */
export const UNLOCK_WILDCARD = topicTemplates.unlock('+');

/** MQTT filter matching every door's codes topic (`doors/+/codes`). */
export const CODES_WILDCARD = topicTemplates.codes('+');

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
