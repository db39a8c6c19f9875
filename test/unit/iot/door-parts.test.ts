import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '../../../iot/backoff';
import { consoleLock } from '../../../iot/lock-adapters';
import { SeenSet } from '../../../iot/seen-set';

describe('backoffDelay', () => {
  it('doubles from 1 s to a 30 s cap, half fixed and half jitter', () => {
    const low = (attempt: number) => backoffDelay(attempt, {}, () => 0);
    const high = (attempt: number) => backoffDelay(attempt, {}, () => 1);
    expect([0, 1, 2, 3, 4, 5, 6, 20, 1000].map(high)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000,
    ]);
    expect([0, 1, 5, 1000].map(low)).toEqual([500, 1000, 15000, 15000]);
  });

  it('takes its own bounds', () => {
    expect(backoffDelay(0, { initialMs: 50, maxMs: 200 }, () => 1)).toBe(50);
    expect(backoffDelay(9, { initialMs: 50, maxMs: 200 }, () => 1)).toBe(200);
  });
});

describe('SeenSet', () => {
  it('reports duplicates', () => {
    const seen = new SeenSet(3);
    expect(seen.addIfNew('a')).toBe(true);
    expect(seen.addIfNew('a')).toBe(false);
  });

  it('evicts the least recently seen id beyond its capacity', () => {
    const seen = new SeenSet(2);
    seen.add('a');
    seen.add('b');
    expect(seen.has('a')).toBe(true); // a is now the most recent
    seen.add('c'); // evicts b
    expect(seen.size).toBe(2);
    expect(seen.has('b')).toBe(false);
    expect(seen.has('a')).toBe(true);
    expect(seen.has('c')).toBe(true);
  });

  it('needs a positive capacity', () => {
    expect(() => new SeenSet(0)).toThrow();
  });
});

describe('consoleLock', () => {
  afterEach(() => vi.useRealTimers());

  it('prints every open, then closed after the hold; a second open extends it', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const lock = consoleLock('door-1', { print: (line) => lines.push(line) });
    await lock.open(3000);
    expect(lines).toEqual(['🔓 door-1 open']);
    vi.advanceTimersByTime(2000);
    await lock.open(3000);
    vi.advanceTimersByTime(2999);
    expect(lines).toEqual(['🔓 door-1 open', '🔓 door-1 open (still open)']);
    vi.advanceTimersByTime(1);
    expect(lines).toEqual(['🔓 door-1 open', '🔓 door-1 open (still open)', '🔒 door-1 closed']);
    await lock.open(3000);
    expect(lines.at(-1)).toBe('🔓 door-1 open');
  });

  it('closes at once on close()', async () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const lock = consoleLock('door-1', { print: (line) => lines.push(line) });
    await lock.open(3000);
    await lock.close?.();
    await lock.close?.();
    vi.runAllTimers();
    expect(lines).toEqual(['🔓 door-1 open', '🔒 door-1 closed']);
  });
});
