/**
 * The smoke journey: a member reads, books and cancels, an operator reads. The same code runs against a deployed
 * stage (`npm run smoke -- --stage dev`) and against the local stack (`npm run smoke -- --local`, and
 * test/integration/smoke in `npm test`). Every answer is checked against its contract (in the cloud nothing else
 * checks them); the first step that does not answer as it should stops the journey with a {@link SmokeFailure}
 * that names the step, the request, the status and the answer. A booking made before that step is cancelled.
 */
import { randomUUID } from 'node:crypto';
import { availabilityResponse, reservationResponse } from '../../contracts/http/booking';
import {
  type FacilityResponse,
  facilityResponse,
  facilitySummaryListResponse,
  type SpaceResponse,
} from '../../contracts/http/catalog';
import { meResponse } from '../../contracts/http/membership';
import { operatorFacilityListResponse } from '../../contracts/http/partner-facilities';
import type * as z from '../../contracts/zod';
import { addDays, localDateOf, SLOT_MS } from '../../lambdas/domain/calendar';
import { applicableFeeRule, FREE_CANCELLATION_MS } from '../../lambdas/modules/booking/rules/cancellation';

/** The steps, in order. */
export const SMOKE_STEPS = [
  'read member',
  'search facilities',
  'read facility',
  'availability',
  'book a space',
  'read the reservation',
  'cancel it',
  'operator read',
] as const;
export type SmokeStepName = (typeof SMOKE_STEPS)[number];

/** Days looked at for a free slot, at most. */
export const MAX_DAYS_AHEAD = 14;
/**
 * The booking starts at least this long from now: cancelling it then releases the member's uses (the 2-hour rule),
 * with an hour to spare for a slow journey.
 */
export const MIN_LEAD_MS = FREE_CANCELLATION_MS + 60 * 60_000;

/** What the journey runs against. */
export interface SmokeTarget {
  /** The API's base URL, without a trailing slash. */
  apiUrl: string;
  /** An access token of a member with a plan. */
  memberToken: string;
  /** An access token of an operator (full or staff) of any partner. */
  operatorToken: string;
  /** Now on the target's clock (epoch ms): the local stack's clock, or the machine's for a stage. */
  now: number;
  /** Book at this facility (it must be among the search's answers) rather than the first that fits. */
  facilityId?: string;
  /** Book this space of {@link facilityId} (an instantly bookable seat or meeting room). */
  spaceId?: string;
  /** Told each step as it passes. */
  onStep?: (step: SmokeStep) => void;
  /** Each request's limit (default 30 s). */
  timeoutMs?: number;
  /** The HTTP client (default the global fetch); tests put a failing answer in its way. */
  fetch?: typeof fetch;
}

/** One request of a step. */
export interface SmokeCall {
  method: string;
  path: string;
  status: number;
  ms: number;
}

/** A step that passed: its requests and what it found. */
export interface SmokeStep {
  name: SmokeStepName;
  calls: SmokeCall[];
  summary: string;
}

/** What the journey did. */
export interface SmokeReport {
  steps: SmokeStep[];
  facilityId: string;
  spaceId: string;
  reservation: { id: string; number?: string; start: string; end: string };
}

/** The request a failed step made, and its answer when there was one. */
export interface FailedCall {
  method: string;
  path: string;
  status?: number;
  body?: unknown;
}

/** A step that did not answer as it should: the message names the step, the request, the status and the answer. */
export class SmokeFailure extends Error {
  override name = 'SmokeFailure';
  constructor(
    readonly step: SmokeStepName,
    readonly reason: string,
    readonly call: FailedCall | undefined,
    /** The steps that passed before it. */
    readonly passed: SmokeStep[],
    /** What became of a booking made before the failure. */
    readonly cleanUp?: string,
  ) {
    super(
      [
        `smoke step "${step}" failed: ${call ? `${call.method} ${call.path}: ` : ''}${reason}`,
        ...(call && call.body !== undefined ? [`answer: ${shown(call.body)}`] : []),
        ...(cleanUp ? [`clean up: ${cleanUp}`] : []),
      ].join('\n'),
    );
  }
}

const shown = (body: unknown): string => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
};

/** A failure inside a step, before the journey adds what passed and the clean-up. */
class StepError extends Error {
  constructor(
    readonly reason: string,
    readonly call?: FailedCall,
  ) {
    super(reason);
  }
}

const BOOKABLE_TYPES: ReadonlySet<SpaceResponse['type']> = new Set(['seat', 'meetingRoom']);

/** A space the journey can book and cancel without anyone's answer: a seat or meeting room, booked at once. */
export const isInstantlyBookable = (space: SpaceResponse): boolean =>
  BOOKABLE_TYPES.has(space.type) && space.bookingType === 'instant';

/**
 * The days to look at for a free slot (`YYYY-MM-DD`, the facility's zone): from tomorrow (or the space's first
 * bookable day) within its booking window, at most {@link MAX_DAYS_AHEAD}; days no cancellation fee applies to first,
 * each group in date order.
 */
export function candidateDays(space: SpaceResponse, timeZone: string, now: number): string[] {
  const first = Math.max(1, space.windowDaysFrom);
  const last = Math.min(space.windowDaysTo, first + MAX_DAYS_AHEAD - 1);
  const offsets = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  const feeFree = (days: number) => (applicableFeeRule(space.cancellationFees, days)?.percent ?? 0) === 0;
  const today = localDateOf(now, timeZone);
  return [...offsets.filter(feeFree), ...offsets.filter((d) => !feeFree(d))].map((d) => addDays(today, d));
}

type Slot = z.infer<typeof availabilityResponse>['slots'][number];

/**
 * The first run of `minutes` (whole slots) of free, back-to-back slots starting no earlier than `notBefore`.
 * @returns its start and end as the answer gave them, or undefined
 */
export function firstFreeRun(
  slots: readonly Slot[],
  minutes: number,
  notBefore: number,
): { start: string; end: string } | undefined {
  const needed = Math.max(1, Math.ceil((minutes * 60_000) / SLOT_MS));
  let run: Slot[] = [];
  for (const slot of slots) {
    const free = slot.remaining > 0 && Date.parse(slot.start) >= notBefore;
    const joins = run.length > 0 && Date.parse(run[run.length - 1]?.end ?? '') === Date.parse(slot.start);
    run = free ? (joins ? [...run, slot] : [slot]) : [];
    if (run.length === needed) return { start: run[0]?.start ?? '', end: slot.end };
  }
  return undefined;
}

/**
 * Runs the journey; resolves with what it did, or rejects with a {@link SmokeFailure} naming the first step that
 * failed (any other error is a bug of the journey itself).
 */
export async function runSmoke(target: SmokeTarget): Promise<SmokeReport> {
  const passed: SmokeStep[] = [];
  let calls: SmokeCall[] = [];

  const request = async (
    method: 'GET' | 'POST',
    path: string,
    token: string,
    expected: number,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<unknown> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    let res: Response;
    try {
      res = await (target.fetch ?? fetch)(`${target.apiUrl}${path}`, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: AbortSignal.timeout(target.timeoutMs ?? 30_000),
      });
    } catch (error) {
      const { cause } = error as { cause?: { code?: string; message?: string } };
      const why = cause?.code ?? cause?.message;
      throw new StepError(`no answer (${(error as Error).message}${why ? `: ${why}` : ''})`, { method, path });
    }
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: shown as text
    }
    calls.push({ method, path, status: res.status, ms: Math.round(performance.now() - started) });
    if (res.status !== expected) {
      throw new StepError(`answered ${res.status}, expected ${expected}`, { method, path, status: res.status, body });
    }
    return body;
  };

  const read = async <S extends z.ZodMiniType>(
    schema: S,
    method: 'GET' | 'POST',
    path: string,
    token: string,
    expected: number,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<z.infer<S>> => {
    const body = await request(method, path, token, expected, options);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`);
      throw new StepError(`answered ${expected} but not as the contract says (${issues.join('; ')})`, {
        method,
        path,
        status: expected,
        body,
      });
    }
    return parsed.data;
  };

  let current: SmokeStepName = SMOKE_STEPS[0];
  const step = async <T>(name: SmokeStepName, run: () => Promise<{ value: T; summary: string }>): Promise<T> => {
    current = name;
    calls = [];
    const { value, summary } = await run();
    const done: SmokeStep = { name, calls, summary };
    passed.push(done);
    target.onStep?.(done);
    return value;
  };
  const member = target.memberToken;
  let booked: { id: string; number?: string } | undefined;
  let cancelled = false;

  try {
    const me = await step('read member', async () => {
      const value = await read(meResponse, 'GET', '/v1/me', member, 200);
      return { value, summary: `${value.memberNumber}, plan ${value.plan ?? 'none'}` };
    });

    const found = await step('search facilities', async () => {
      const { items } = await read(facilitySummaryListResponse, 'GET', '/v1/facilities?kind=reservation', member, 200);
      const fit = items.filter((f) => me.plan !== 'basic' || f.basicPlanAllowed);
      if (target.facilityId && !items.some((f) => f.facilityId === target.facilityId)) {
        throw new StepError(`${target.facilityId} is not among the ${items.length} facilities found`);
      }
      const candidates = target.facilityId ? [target.facilityId] : fit.map((f) => f.facilityId);
      if (candidates.length === 0) {
        throw new StepError(`none of the ${items.length} facilities found takes the member's plan (${me.plan})`);
      }
      return { value: candidates, summary: `${items.length} found, ${candidates.length} to look at` };
    });

    const { facility, space } = await step('read facility', async () => {
      for (const facilityId of found) {
        const facility: FacilityResponse = await read(
          facilityResponse,
          'GET',
          `/v1/facilities/${facilityId}`,
          member,
          200,
        );
        const space = target.spaceId
          ? facility.spaces.find((s) => s.spaceId === target.spaceId)
          : facility.spaces.find(isInstantlyBookable);
        if (target.spaceId && !(space && isInstantlyBookable(space))) {
          throw new StepError(`${facilityId} has no instantly bookable seat or meeting room ${target.spaceId}`);
        }
        if (space) return { value: { facility, space }, summary: `${facility.facilityId}, space ${space.spaceId}` };
      }
      throw new StepError(`none of ${found.join(', ')} has a seat or meeting room booked at once`);
    });

    const slot = await step('availability', async () => {
      const days = candidateDays(space, facility.hours.timeZone, target.now);
      const notBefore = target.now + MIN_LEAD_MS;
      for (const date of days) {
        const path = `/v1/spaces/${space.spaceId}/availability?date=${date}`;
        const { slots } = await read(availabilityResponse, 'GET', path, member, 200);
        const run = firstFreeRun(slots, space.minBookingMinutes, notBefore);
        if (run) return { value: run, summary: `${run.start} – ${run.end} (${calls.length} day(s) looked at)` };
      }
      throw new StepError(
        `${space.spaceId} has no ${space.minBookingMinutes} free minutes on ${days.length === 0 ? 'any day of its booking window' : days.join(', ')}`,
      );
    });

    const reservation = await step('book a space', async () => {
      const value = await read(reservationResponse, 'POST', '/v1/reservations', member, 201, {
        body: { spaceId: space.spaceId, start: slot.start, end: slot.end },
        headers: { 'idempotency-key': `smoke-${randomUUID()}` },
      });
      booked = { id: value.id, ...(value.number ? { number: value.number } : {}) };
      if (value.status !== 'confirmed') throw new StepError(`the booking is ${value.status}, expected confirmed`);
      return { value, summary: `${value.number ?? value.id} ${value.status}, ${value.price.total} yen` };
    });

    await step('read the reservation', async () => {
      const value = await read(reservationResponse, 'GET', `/v1/reservations/${reservation.id}`, member, 200);
      if (value.id !== reservation.id || value.status !== 'confirmed') {
        throw new StepError(`read ${value.id} ${value.status}, expected ${reservation.id} confirmed`);
      }
      return { value, summary: `${value.status}, ${value.start} – ${value.end}` };
    });

    await step('cancel it', async () => {
      const value = await read(reservationResponse, 'POST', `/v1/reservations/${reservation.id}/cancel`, member, 200);
      if (value.status !== 'cancelled') throw new StepError(`the reservation is ${value.status}, expected cancelled`);
      cancelled = true;
      return { value, summary: `${value.status}, fee ${value.cancellationFee ?? 0} yen` };
    });

    await step('operator read', async () => {
      const { items } = await read(
        operatorFacilityListResponse,
        'GET',
        '/v1/operator/facilities',
        target.operatorToken,
        200,
      );
      return { value: items, summary: `${items.length} facilit${items.length === 1 ? 'y' : 'ies'} of the operator` };
    });

    return {
      steps: passed,
      facilityId: facility.facilityId,
      spaceId: space.spaceId,
      reservation: { ...(booked ?? { id: reservation.id }), start: reservation.start, end: reservation.end },
    };
  } catch (error) {
    if (!(error instanceof StepError)) throw error;
    const cleanUp = booked && !cancelled ? await cancelBooking(booked) : undefined;
    throw new SmokeFailure(current, error.reason, error.call, passed, cleanUp);
  }

  async function cancelBooking(reservation: { id: string; number?: string }): Promise<string> {
    const name = reservation.number ?? reservation.id;
    try {
      await request('POST', `/v1/reservations/${reservation.id}/cancel`, member, 200);
      return `reservation ${name} cancelled`;
    } catch (error) {
      const reason = error instanceof StepError ? `${error.reason} ${shown(error.call?.body ?? '')}` : String(error);
      return `reservation ${name} (${reservation.id}) NOT cancelled (${reason}): cancel it by hand`;
    }
  }
}
