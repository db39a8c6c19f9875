/** What `npm run seed` prints of a plan: a line per step, the fields that differ under it, and the counts. */
import type { FieldProblem } from '../../contracts/errors';
import type { Difference, Outcome, Plan, Step } from './plan';

const MAX_VALUE = 100;
const shown = (value: unknown): string => {
  const text = value === undefined ? '(none)' : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
};

function fate(difference: Difference, step: Step, dryRun: boolean): string {
  if (!difference.updatable) return 'no route changes it: kept';
  if (!step.action) return 'kept: --update changes it';
  return dryRun ? 'to be changed' : 'changed';
}

/** A line per step (`create     facility  h1t-kudanshita`), each field that differs indented under it. */
export function stepLines(plan: Plan, options: { dryRun: boolean }): string[] {
  return plan.steps.flatMap((step) => [
    `  ${step.outcome.padEnd(9)}  ${step.entity.padEnd(8)}  ${step.id}`,
    ...step.differences.map(
      (d) => `               ${d.field}: ${shown(d.stored)} → ${shown(d.catalogue)} (${fate(d, step, options.dryRun)})`,
    ),
  ]);
}

/** A line per problem: the field, then what is wrong. */
export const problemLines = (problems: readonly FieldProblem[]): string[] =>
  problems.map((p) => `  ${p.field}: ${p.message}`);

/** How many steps have each outcome: `12 create, 30 unchanged, 1 differs`. */
export function outcomeCounts(plan: Plan): string {
  const outcomes: Outcome[] = ['create', 'unchanged', 'differs'];
  return outcomes.map((o) => `${plan.steps.filter((s) => s.outcome === o).length} ${o}`).join(', ');
}
