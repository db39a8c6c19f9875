import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../../lambdas/domain/calendar';
import { getsReminder, reminderAt, reminderDue, requestExpiresAt, timersFor } from '../../../lambdas/domain/timers';
import { HOUR, tokyo, tokyoText, ZONE } from '../../fixtures/domain';

/** A start far away: the 01:00 rule alone decides. */
const FAR = tokyo('2099-01-01T00:00');

describe('requestExpiresAt (§3: 01:00 on the second day after the request)', () => {
  it.each([
    ['2020-12-10T14:24', '2020-12-12T01:00'],
    ['2020-12-10T00:00', '2020-12-12T01:00'],
    ['2020-12-10T00:30', '2020-12-12T01:00'],
    ['2020-12-10T00:59', '2020-12-12T01:00'],
    ['2020-12-10T01:00', '2020-12-12T01:00'],
    ['2020-12-10T23:59:59.999', '2020-12-12T01:00'],
    ['2020-12-31T09:00', '2021-01-02T01:00'],
    ['2024-02-28T12:00', '2024-03-01T01:00'],
  ])('made %s Tokyo → cancelled %s Tokyo', (made, expires) => {
    expect(tokyoText(requestExpiresAt(tokyo(made), ZONE, FAR))).toBe(tokyoText(tokyo(expires)));
  });

  it('made 2020-12-10 14:24: still open at 2020-12-12 00:59, cancelled at 01:00', () => {
    const expiry = requestExpiresAt(tokyo('2020-12-10T14:24'), ZONE, FAR);
    expect(tokyo('2020-12-12T00:59')).toBeLessThan(expiry);
    expect(tokyo('2020-12-12T01:00')).toBe(expiry);
  });

  it('uses the facility day, not the UTC day (Tokyo 2020-12-10 08:00 is 2020-12-09 UTC)', () => {
    expect(requestExpiresAt(tokyo('2020-12-10T08:00'), ZONE, FAR)).toBe(tokyo('2020-12-12T01:00'));
  });

  it('is always 01:00 Tokyo on the request date + 2, between 22 and 49 hours later', () => {
    fc.assert(
      fc.property(fc.integer({ min: tokyo('2020-01-01T00:00'), max: tokyo('2035-01-01T00:00') }), (made) => {
        const expiry = requestExpiresAt(made, ZONE, FAR);
        const local = DateTime.fromMillis(expiry, { zone: ZONE });
        expect([local.hour, local.minute, local.second, local.millisecond]).toEqual([1, 0, 0, 0]);
        expect(localDateOf(expiry, ZONE)).toBe(addDays(localDateOf(made, ZONE), 2));
        expect(expiry - made).toBeGreaterThan(22 * HOUR);
        expect(expiry - made).toBeLessThanOrEqual(49 * HOUR);
      }),
    );
  });
});

describe('requestExpiresAt (§3: or at the start, when that comes first)', () => {
  it.each([
    ['starts after the 01:00 deadline', '2020-12-10T14:24', '2020-12-12T10:00', '2020-12-12T01:00'],
    ['starts the next morning', '2020-12-10T14:24', '2020-12-11T09:00', '2020-12-11T09:00'],
    ['starts on the second day before 01:00', '2020-12-10T14:24', '2020-12-12T00:30', '2020-12-12T00:30'],
    ['starts exactly at 01:00 on the second day', '2020-12-10T14:24', '2020-12-12T01:00', '2020-12-12T01:00'],
  ])('%s: made %s, start %s → cancelled %s', (_case, made, start, expires) => {
    expect(tokyoText(requestExpiresAt(tokyo(made), ZONE, tokyo(start)))).toBe(tokyoText(tokyo(expires)));
  });

  it('is never after the start nor after 01:00 on the second day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: tokyo('2020-01-01T00:00'), max: tokyo('2035-01-01T00:00') }),
        fc.integer({ min: 0, max: 10 * 24 * HOUR }),
        (made, ahead) => {
          const start = made + ahead;
          const expiry = requestExpiresAt(made, ZONE, start);
          expect(expiry).toBeLessThanOrEqual(start);
          expect(expiry).toBe(Math.min(start, requestExpiresAt(made, ZONE, FAR)));
        },
      ),
    );
  });
});

describe('the reminder (api.md: an hour before the start, only to bookings made more than an hour before it)', () => {
  const start = tokyo('2024-06-10T10:00');
  const confirmed = {
    reservationId: '11111111-1111-4111-8111-111111111111',
    status: 'confirmed' as const,
    start,
    end: start + HOUR,
    requestExpiresAt: null,
  };
  const workflows = (now: number) => timersFor(confirmed, now).map((t) => t.workflow);

  it('is due an hour before the start', () => {
    expect(reminderAt(start)).toBe(tokyo('2024-06-10T09:00'));
  });

  it.each([
    ['made 2 hours before', tokyo('2024-06-10T08:00'), true],
    ['made a day before', tokyo('2024-06-09T10:00'), true],
    ['made 1 hour 1 minute before', tokyo('2024-06-10T08:59'), true],
    ['made exactly an hour before (not more)', tokyo('2024-06-10T09:00'), false],
    ['made 59 minutes before', tokyo('2024-06-10T09:01'), false],
    ['made 30 minutes before', tokyo('2024-06-10T09:30'), false],
  ])('%s: reminded %s', (_case, confirmedAt, reminded) => {
    expect(getsReminder(start, confirmedAt)).toBe(reminded);
    expect(workflows(confirmedAt)).toEqual(reminded ? ['forced-checkout', 'reminder'] : ['forced-checkout']);
  });

  it('starts a confirmed booking’s reminder under a name of its own, due an hour before the start', () => {
    const [, reminder] = timersFor(confirmed, tokyo('2024-06-10T08:00'));
    expect(reminder).toEqual({
      workflow: 'reminder',
      name: `reminder-${confirmed.reservationId}`,
      input: { reservationId: confirmed.reservationId, dueAt: '2024-06-10T00:00:00.000Z' },
    });
    // a repeated start is the same execution
    expect(timersFor(confirmed, tokyo('2024-06-09T08:00'))).toEqual(timersFor(confirmed, tokyo('2024-06-10T08:00')));
  });

  it('approved late (within the hour): the forced checkout only; a request still open: its expiry only', () => {
    expect(workflows(tokyo('2024-06-10T09:15'))).toEqual(['forced-checkout']);
    const requested = { ...confirmed, status: 'requested' as const, requestExpiresAt: tokyo('2024-06-10T10:00') };
    expect(timersFor(requested, tokyo('2024-06-09T08:00')).map((t) => t.workflow)).toEqual(['request-expiry']);
    expect(timersFor({ ...confirmed, status: 'cancelled' }, tokyo('2024-06-09T08:00'))).toEqual([]);
  });

  it.each([
    ['an hour and a minute before: waits until an hour before', 'confirmed', '2024-06-10T08:59', 'wait'],
    ['an hour before: reminds', 'confirmed', '2024-06-10T09:00', 'remind'],
    ['a minute before the start: reminds', 'confirmed', '2024-06-10T09:59', 'remind'],
    ['at the start (a timer run late): nothing', 'confirmed', '2024-06-10T10:00', 'nothing'],
    ['cancelled: nothing', 'cancelled', '2024-06-10T09:00', 'nothing'],
    ['checked in already: nothing', 'checkedIn', '2024-06-10T09:00', 'nothing'],
  ] as const)('the task %s', (_case, status, now, act) => {
    const due = reminderDue({ status, start }, tokyo(now));
    expect(due.act).toBe(act);
    if (due.act === 'wait') expect(due.due).toBe(tokyo('2024-06-10T09:00'));
  });

  it('is started exactly when the task, woken at its due time, would remind', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 24 * HOUR }), (ahead) => {
        const confirmedAt = start - ahead;
        const started = timersFor(confirmed, confirmedAt).find((t) => t.workflow === 'reminder');
        expect(started !== undefined).toBe(ahead > HOUR);
        if (started) expect(reminderDue(confirmed, Date.parse(started.input.dueAt)).act).toBe('remind');
      }),
    );
  });
});
