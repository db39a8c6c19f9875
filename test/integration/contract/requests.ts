/**
 * One valid request per route row, keyed by route id. A new row of the route table needs an entry here:
 * the contract tests fail for a row without one.
 */
import { randomUUID } from 'node:crypto';
import { type Route, routes } from '../../../lambdas/routes';
import { at, CORPORATE_CODE, FACILITY, fillPath, paramsOf, type RouteRequest, SPACE, TODAY, TOMORROW } from './support';

export interface RequestContext {
  /** A reservation id for `{id}`. */
  id: string;
}

/** Values for `{param}`s. */
export const pathValues = (ctx: RequestContext): Record<string, string> => ({
  id: ctx.id,
  facilityId: FACILITY,
  spaceId: SPACE,
});

/** Values for `{param}`s that name nothing. */
export const unknownPathValues = (): Record<string, string> => ({
  id: randomUUID(),
  facilityId: `no-such-facility-${randomUUID().slice(0, 8)}`,
  spaceId: `no-such-space-${randomUUID().slice(0, 8)}`,
});

type Builder = (route: Route, values: Record<string, string>) => RouteRequest;

/** A valid request of each route; path parameters come from `values`. */
export const requestBuilders: Readonly<Record<string, Builder>> = {
  'list-facilities': (route) => ({ path: fillPath(route, {}) }),
  'get-facility': (route, values) => ({ path: fillPath(route, values) }),
  'get-availability': (route, values) => ({ path: `${fillPath(route, values)}?date=${TODAY}` }),
  'get-me': (route) => ({ path: fillPath(route, {}) }),
  'create-reservation': (route) => ({
    path: fillPath(route, {}),
    body: { spaceId: SPACE, start: at(TOMORROW, '14:00'), end: at(TOMORROW, '15:00') },
  }),
  'list-reservations': (route) => ({ path: `${fillPath(route, {})}?scope=upcoming` }),
  'get-reservation': (route, values) => ({ path: fillPath(route, values) }),
  'cancel-reservation': (route, values) => ({ path: fillPath(route, values), body: {} }),
  'extend-reservation': (route, values) => ({ path: fillPath(route, values), body: { minutes: 15 } }),
  'link-corporate-code': (route) => ({ path: fillPath(route, {}), body: { code: CORPORATE_CODE } }),
};

/** The valid request of a route; throws for a row without a builder. */
export function requestFor(route: Route, values: Record<string, string>): RouteRequest {
  const build = requestBuilders[route.id];
  if (!build) throw new Error(`No request builder for route ${route.id}: add one to contract/requests.ts`);
  return build(route, values);
}

/** Route ids without a builder (should be none). */
export const routesWithoutBuilder = () => routes.filter((r) => !(r.id in requestBuilders)).map((r) => r.id);

export const hasParam = (route: Route, name: string) => paramsOf(route).includes(name);

/** `[id, route]` rows for `it.each`. */
export const rows = (selected: readonly Route[] = routes) => selected.map((r) => [r.id, r] as const);
