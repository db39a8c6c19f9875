/**
 * Section 6: 200 stays checked in at once with the same deadline; one move of the local clock to
 * deadline + 5 minutes must close every one of them as `forcedCheckout`, at that very clock time.
 */
import type { LocalStack } from '../../lib/local/stack';
import { at, benchSpace, DAY, DOORS, newMembers, T0 } from './fixtures';
import type { Floor } from './floor';
import type { Api } from './http';
import { pool } from './load';
import type { Progress } from './progress';

export const STAYS = 200;

export interface TimersSection {
  stays: number;
  deadline: string;
  movedTo: string;
  /** Wall time of the one POST /local/clock. */
  postMs: number;
  forced: number;
  /** Other statuses after the move, by status. */
  notForced: Record<string, number>;
  /** checkedOutAt − (deadline + 5 min), in clock ms. */
  lagMs: { min: number; max: number };
  executions: { succeeded: number; failed: number; running: number };
}

export async function measureTimers(
  api: Api,
  floor: Floor,
  stack: LocalStack,
  progress: Progress,
): Promise<TimersSection> {
  progress.step(`timers: ${STAYS} stays with one deadline (setup)`);
  const end = at(DAY, '11:00');
  const members = await newMembers(floor.doc, floor.tableName, STAYS);
  const stays = await pool(members, 8, async (member, i) => {
    const answer = await api.expect(
      201,
      api.post('/v1/reservations', { spaceId: benchSpace(i).spaceId, start: T0, end }, member.token),
      'timers: booking',
    );
    return { token: member.token, id: String(answer.body.id), doorId: DOORS[i % DOORS.length] as string };
  });
  progress.step(`timers: checking in ${STAYS} stays`);
  let checkedIn = 0;
  await pool(stays, 16, async (stay) => {
    await api.expect(
      200,
      api.post(`/v1/reservations/${stay.id}/check-in`, { doorId: stay.doorId }, stay.token),
      'timers: check-in',
    );
    progress.tick(++checkedIn, STAYS);
  });

  const movedTo = at(DAY, '11:05');
  progress.step(`timers: one POST /local/clock to ${movedTo}`);
  const t0 = performance.now();
  await api.expect(200, api.post('/local/clock', { now: movedTo }), 'POST /local/clock');
  const postMs = performance.now() - t0;

  progress.step('timers: reading the stays back');
  const due = Date.parse(end) + 5 * 60_000;
  const notForced: Record<string, number> = {};
  const lags: number[] = [];
  let forced = 0;
  await pool(stays, 16, async (stay) => {
    const answer = await api.expect(200, api.get(`/v1/reservations/${stay.id}`, stay.token), 'timers: read back');
    const status = String(answer.body.status);
    if (status === 'forcedCheckout') {
      forced++;
      lags.push(Date.parse(answer.body.checkedOutAt) - due);
    } else {
      notForced[status] = (notForced[status] ?? 0) + 1;
    }
  });
  const ids = new Set(stays.map((s) => `checkout-${s.id}`));
  const executions = stack.timers.list().filter((e) => ids.has(e.name));
  return {
    stays: STAYS,
    deadline: end,
    movedTo,
    postMs,
    forced,
    notForced,
    lagMs: { min: lags.length ? Math.min(...lags) : Number.NaN, max: lags.length ? Math.max(...lags) : Number.NaN },
    executions: {
      succeeded: executions.filter((e) => e.status === 'SUCCEEDED').length,
      failed: executions.filter((e) => e.status === 'FAILED').length,
      running: executions.filter((e) => e.status === 'RUNNING').length,
    },
  };
}
