/**
 * What a mobile team and a partner console write against the generated client: typed calls only (the paths,
 * parameters, bodies and answers come from the OpenAPI document). The contract test generates `api.d.ts` from
 * the document, type-checks this file against it with the project's TypeScript, then runs it on the local stack.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../../.tmp/client/api';

export interface Step {
  name: string;
  status: number;
}

const client = (baseUrl: string, token: string) =>
  createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });

function expectData<T>(name: string, steps: Step[], answer: { data?: T; error?: unknown; response: Response }): T {
  steps.push({ name, status: answer.response.status });
  if (answer.data === undefined) throw new Error(`${name}: ${answer.response.status} ${JSON.stringify(answer.error)}`);
  return answer.data;
}

/** Search → facility → availability → book → check in → re-enter → check out → read back. */
export async function memberJourney(
  baseUrl: string,
  token: string,
  booking: { facilityId: string; spaceId: string; date: string; start: string; end: string; doorId: string },
) {
  const api = client(baseUrl, token);
  const steps: Step[] = [];
  const found = expectData(
    'search',
    steps,
    await api.GET('/v1/facilities', { params: { query: { kind: 'reservation', openEarly: true, radiusM: 5000 } } }),
  );
  const facility = expectData(
    'facility',
    steps,
    await api.GET('/v1/facilities/{facilityId}', { params: { path: { facilityId: booking.facilityId } } }),
  );
  const availability = expectData(
    'availability',
    steps,
    await api.GET('/v1/spaces/{spaceId}/availability', {
      params: { path: { spaceId: booking.spaceId }, query: { date: booking.date } },
    }),
  );
  const reservation = expectData(
    'book',
    steps,
    await api.POST('/v1/reservations', {
      params: { header: { 'Idempotency-Key': `journey-${booking.start}` } },
      body: { spaceId: booking.spaceId, start: booking.start, end: booking.end },
    }),
  );
  const path = { path: { id: reservation.id } };
  const stay = expectData(
    'check-in',
    steps,
    await api.POST('/v1/reservations/{id}/check-in', { params: path, body: { doorId: booking.doorId } }),
  );
  const reentry = expectData(
    'unlock',
    steps,
    await api.POST('/v1/reservations/{id}/unlock', { params: path, body: { doorId: booking.doorId } }),
  );
  const out = expectData(
    'checkout',
    steps,
    await api.POST('/v1/reservations/{id}/checkout', { params: path, body: { doorId: booking.doorId } }),
  );
  const page = expectData(
    'my reservations',
    steps,
    await api.GET('/v1/reservations', { params: { query: { scope: 'past', limit: 10 } } }),
  );
  const refused = await api.POST('/v1/reservations/{id}/unlock', { params: path, body: { doorId: booking.doorId } });
  steps.push({ name: 'unlock after checkout', status: refused.response.status });
  return {
    steps,
    facilityIds: found.items.map((f) => f.facilityId),
    spaceNames: facility.spaces.map((s) => s.name),
    slots: availability.slots.length,
    statuses: [reservation.status, stay.status, out.status],
    unlockPurposes: [stay.unlock.purpose, reentry.purpose, out.unlock.purpose],
    pastIds: page.items.map((r) => r.id),
    reservationId: reservation.id,
    refusal: refused.error && 'code' in refused.error ? refused.error.code : undefined,
  };
}

/** A partner's operator lists the requests waiting for an answer. */
export async function operatorCall(baseUrl: string, token: string, facilityId: string) {
  const api = client(baseUrl, token);
  const steps: Step[] = [];
  const list = expectData(
    'booking requests',
    steps,
    await api.GET('/v1/operator/booking-requests', { params: { query: { facilityId } } }),
  );
  return { steps, requests: list.items.map((r) => ({ id: r.id, memberNumber: r.memberNumber, status: r.status })) };
}
