/**
 * The local Step Functions runner on its own (no table: the held Tasks never reach their handlers here): a
 * timer may be held for days of wall time, and one that fails while held leaves the runner consistent.
 * Wall time is faked for setTimeout only, which is what the library times Tasks with.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ControllableClock } from '../../../lib/local/clock';
import { HELD_TASK_TIMEOUT_SECONDS, LocalStepFunctions, localStateMachineArn } from '../../../lib/local/step-functions';

const NOW = Date.parse('2026-11-24T10:00:00+09:00');
const DUE = '2026-11-25T11:05:00+09:00';
const input = (reservationId: string) => JSON.stringify({ reservationId, dueAt: DUE });

afterEach(() => {
  vi.useRealTimers();
});

async function runner(options?: { heldTaskTimeoutSeconds: number }) {
  const clock = new ControllableClock();
  clock.freeze(NOW);
  return LocalStepFunctions.create(clock, options);
}

describe('the local timer runner', () => {
  it('holds a timer for a day of wall time and more (the library would time the Task out after 60 s)', async () => {
    const timers = await runner();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const execution = await timers.startExecution(localStateMachineArn('forced-checkout'), 'held', input('r-held'));
    await vi.advanceTimersByTimeAsync(24 * 3600 * 1000);
    expect(execution).toMatchObject({ status: 'RUNNING', waitingUntil: Date.parse(DUE) });
    expect(timers.deadLetters).toEqual([]);
    expect(HELD_TASK_TIMEOUT_SECONDS * 1000).toBeLessThan(2 ** 31);
    expect(HELD_TASK_TIMEOUT_SECONDS).toBeGreaterThan(7 * 24 * 3600);
  });

  it('dead-letters a timer that times out while held, and still settles', async () => {
    const timers = await runner({ heldTaskTimeoutSeconds: 1 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const execution = await timers.startExecution(localStateMachineArn('request-expiry'), 'late', input('r-late'));
    await vi.advanceTimersByTimeAsync(1500);
    expect(execution).toMatchObject({ status: 'FAILED', waitingUntil: null });
    // States.Timeout, caught into the workflow's Fail state
    expect(execution.error).toContain('The request could not be cancelled');
    expect(timers.deadLetters).toEqual([execution]);
    vi.useRealTimers();
    // nothing running, nothing held: settling returns at once
    await expect(
      Promise.race([timers.settle().then(() => 'settled'), new Promise((r) => setTimeout(r, 2000, 'stuck'))]),
    ).resolves.toBe('settled');
  });
});
