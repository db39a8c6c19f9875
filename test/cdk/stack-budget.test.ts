/**
 * Resource budgets: every stack of each stage stays at or below 400 resources (CloudFormation's limit is 500),
 * and so would they with {@link HEADROOM_ROWS} more partner rows of the current shape (the rest of api.md's, and a margin).
 * The extra rows copy today's operator rows with new ids and paths and point at their handler files; bundling is
 * skipped as in every CDK test, so they cost a synth, not an esbuild run each.
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { handlerEntry, type Route, routes } from '../../lambdas/routes';
import { buildBackendApp } from '../../lib/app';
import { STAGES, type StageName } from '../../lib/config';
import { audienceOf, routeKeyOf, rowsOf } from '../../lib/constructs/api';
import { STACK_PARTS, type StackPart } from '../../lib/stacks/stack-names';
import { newApp, synth, TEST_ENV, templatesOf } from './helpers';

/** The most resources a stack of ours may hold. */
const MAX_RESOURCES_PER_STACK = 400;

/**
 * How many more partner rows the stacks must have room for: a margin beyond api.md. Its tables name 49 rows of the
 * partner stack in all (35 partner routes, 11 back-office routes, the 3 booking-request routes), and the back office
 * reads a company (`GET /v1/admin/companies/{id}`, its ETag) and records a notice paid (`POST
 * /v1/admin/payment-notices/{noticeId}/paid`): 51, all in the table now (the exports were the last of api.md's). A row
 * costs 6 resources, so the stack holds 66 rows at most (51 + 15): a partner row beyond these needs the back office to
 * get a stack of its own first (`audienceOf` is the one place to say so).
 */
const HEADROOM_ROWS = 15;

/**
 * What one route row costs its stack: the function, its role (grants inline, no DefaultPolicy), its log group, the
 * API Gateway permission, the integration and the route.
 */
const RESOURCES_PER_ROW = 6;

const countsOf = (templates: Readonly<Record<StackPart, Template>>): Record<StackPart, number> =>
  Object.fromEntries(
    STACK_PARTS.map((part) => [part, Object.keys(templates[part].toJSON().Resources ?? {}).length]),
  ) as Record<StackPart, number>;

/** `count` partner rows shaped like today's operator rows (cycling through them), each with its own id and path. */
function extraPartnerRows(count: number): { rows: Route[]; entryOf: (route: Route) => string } {
  const shapes = rowsOf('partner', routes);
  const shapeOf = new Map<string, Route>();
  const rows = Array.from({ length: count }, (_, i) => {
    const shape = shapes[i % shapes.length] as Route;
    const n = String(i + 1).padStart(2, '0');
    const row: Route = { ...shape, id: `${shape.id}-x${n}`, path: `${shape.path}/x${n}` };
    shapeOf.set(row.id, shape);
    return row;
  });
  return { rows, entryOf: (route) => handlerEntry(shapeOf.get(route.id) ?? route) };
}

const cleanUps: (() => void)[] = [];
afterAll(() => {
  for (const cleanUp of cleanUps) cleanUp();
});

describe.each(STAGES)('the %s stacks', (stage) => {
  const counts = countsOf(synth(stage).templates);

  it(`each hold at most ${MAX_RESOURCES_PER_STACK} resources`, () => {
    for (const part of STACK_PARTS) expect(counts[part], part).toBeLessThanOrEqual(MAX_RESOURCES_PER_STACK);
  });

  it(`cost ${RESOURCES_PER_ROW} resources per route row in the API stacks, plus their one tracing policy`, () => {
    expect(counts.memberApi).toBe(rowsOf('member', routes).length * RESOURCES_PER_ROW + 1);
    expect(counts.partnerApi).toBe(rowsOf('partner', routes).length * RESOURCES_PER_ROW + 1);
  });
});

describe.each(STAGES)(`%s with ${HEADROOM_ROWS} more partner rows of the current shape`, (stage: StageName) => {
  const extra = extraPartnerRows(HEADROOM_ROWS);
  const { app, cleanUp } = newApp({ stage });
  cleanUps.push(cleanUp);
  // the whole app, cdk-nag included: synthesizing a template fails on an unacknowledged finding
  const stacks = buildBackendApp(app, {
    env: TEST_ENV,
    rows: [...routes, ...extra.rows],
    handlerEntry: extra.entryOf,
  });
  const counts = countsOf(templatesOf(stacks));
  const today = countsOf(synth(stage).templates);

  it('are partner rows with routes of their own', () => {
    expect(extra.rows.every((row) => audienceOf(row) === 'partner')).toBe(true);
    const keys = [...routes, ...extra.rows].map(routeKeyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...stacks.partnerApi.api.functions.keys()]).toHaveLength(rowsOf('partner', routes).length + HEADROOM_ROWS);
  });

  it(`keep every stack at or below ${MAX_RESOURCES_PER_STACK} resources`, () => {
    for (const part of STACK_PARTS) expect(counts[part], part).toBeLessThanOrEqual(MAX_RESOURCES_PER_STACK);
  });

  it(`grow the partner API stack by ${RESOURCES_PER_ROW} resources a row, and no other stack`, () => {
    for (const part of STACK_PARTS) {
      expect(counts[part] - today[part], part).toBe(part === 'partnerApi' ? HEADROOM_ROWS * RESOURCES_PER_ROW : 0);
    }
  });
});
