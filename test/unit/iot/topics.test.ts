import { describe, expect, it } from 'vitest';
import {
  doorIdOfEventsTopic,
  doorIdOfUnlockTopic,
  EVENTS_WILDCARD,
  eventsTopic,
  isDoorId,
  UNLOCK_WILDCARD,
  unlockTopic,
} from '../../../contracts/mqtt';

describe('door topics', () => {
  it('builds the unlock and events topics of a door', () => {
    expect(unlockTopic('h1t-kudanshita-front')).toBe('doors/h1t-kudanshita-front/unlock');
    expect(eventsTopic('door_1')).toBe('doors/door_1/events');
    expect(EVENTS_WILDCARD).toBe('doors/+/events');
    expect(UNLOCK_WILDCARD).toBe('doors/+/unlock');
  });

  it.each(['', 'a/b', '+', '#', 'door 1', 'dóor', 'a:b', 'x'.repeat(129)])('refuses door id %j', (doorId) => {
    expect(isDoorId(doorId)).toBe(false);
    expect(() => unlockTopic(doorId)).toThrow(/Invalid door id/);
    expect(() => eventsTopic(doorId)).toThrow(/Invalid door id/);
  });

  it('accepts ids of letters, digits, - and _ up to 128 characters', () => {
    for (const id of ['a', 'A-z_0-9', 'x'.repeat(128)]) expect(isDoorId(id)).toBe(true);
  });

  it.each([
    ['doors/door-1/events', 'door-1'],
    ['doors/door-1/unlock', undefined],
    ['doors/+/events', undefined],
    ['doors/a/b/events', undefined],
    ['doors//events', undefined],
    ['xdoors/door-1/events', undefined],
    ['doors/door-1/events/x', undefined],
  ])('reads the door id of events topic %s', (topic, doorId) => {
    expect(doorIdOfEventsTopic(topic)).toBe(doorId);
  });

  it('round-trips every valid door id through the topic builders', () => {
    for (const id of ['d', 'door-1', 'A_b-9']) {
      expect(doorIdOfEventsTopic(eventsTopic(id))).toBe(id);
      expect(doorIdOfUnlockTopic(unlockTopic(id))).toBe(id);
      expect(doorIdOfUnlockTopic(eventsTopic(id))).toBeUndefined();
    }
  });
});
