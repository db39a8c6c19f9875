import { describe, expect, it } from 'vitest';
import { clockOf, localClockMessage } from '../../../iot/local-clock';

const T = Date.parse('2026-11-24T05:00:00Z');

describe('the local clock message', () => {
  it('carries a running clock as an offset from the wall clock', () => {
    const payload = localClockMessage(T, false, T + 60_000);
    expect(JSON.parse(payload)).toEqual({ now: '2026-11-24T05:00:00.000Z', frozen: false, offsetMs: -60_000 });
    let wall = T + 60_000;
    const clock = clockOf(payload, () => wall);
    expect(clock?.()).toBe(T);
    wall += 5_000;
    expect(clock?.()).toBe(T + 5_000);
  });

  it('carries a frozen clock as its instant', () => {
    const clock = clockOf(localClockMessage(T, true, T + 60_000), () => T + 999_999);
    expect(clock?.()).toBe(T);
  });

  it.each(['', 'not json', '{}', '{"now":"soon","frozen":true,"offsetMs":0}', '{"now":"2026-11-24T05:00:00Z"}'])(
    'is no clock when the payload is %j',
    (payload) => {
      expect(clockOf(payload)).toBeUndefined();
    },
  );
});
