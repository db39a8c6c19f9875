/**
 * One seed run: read the catalogue through its contract, read the table, plan, and (unless a dry run, and only when
 * the plan has no problem) write each planned action in order through the routes' services.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FieldProblem } from '../../contracts/errors';
import type { Instant } from '../../lambdas/domain/model';
import { commandLog } from '../../lambdas/platform/dynamo/client';
import { parseCatalogue } from './catalogue';
import { type Plan, planSeed, type Step } from './plan';
import { applyAction, readSnapshot, seedPorts } from './table';

export interface SeedOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** The catalogue's JSON, as read from its file. */
  catalogue: unknown;
  now: Instant;
  /** Read, check and plan; write nothing. */
  dryRun?: boolean;
  /** Change what differs where a route changes it. */
  update?: boolean;
}

export type SeedResult =
  /** The catalogue breaks the contract or a rule, or contradicts the table: nothing was written. */
  | { status: 'refused'; problems: FieldProblem[]; plan?: Plan }
  /** A dry run: the plan, nothing written. */
  | { status: 'planned'; plan: Plan }
  /** `applied` steps written with `writes` table writes. */
  | { status: 'done'; plan: Plan; applied: number; writes: number }
  /** A write was refused (the table changed since it was read) or failed; the steps before it were written. */
  | { status: 'failed'; plan: Plan; applied: number; writes: number; step: Step; error: unknown };

/** The write commands the document clients have sent (`PutCommand`, `TransactWriteItemsCommand`, …). */
const writesSent = () => commandLog.filter((name) => /^(Put|Update|Delete|BatchWrite|TransactWrite)/.test(name)).length;

export async function runSeed(options: SeedOptions): Promise<SeedResult> {
  const parsed = parseCatalogue(options.catalogue);
  if (!parsed.ok) return { status: 'refused', problems: parsed.problems };
  const settings = { now: options.now, update: options.update ?? false };
  const ports = seedPorts(options.doc, options.tableName);
  const snapshot = await readSnapshot(ports, parsed.catalogue, settings);
  const plan = planSeed(parsed.catalogue, snapshot, settings);
  if (plan.problems.length > 0) return { status: 'refused', problems: plan.problems, plan };
  if (options.dryRun) return { status: 'planned', plan };
  let applied = 0;
  const before = writesSent();
  for (const step of plan.steps) {
    if (!step.action) continue;
    try {
      await applyAction(ports, step.action, options.now);
    } catch (error) {
      return { status: 'failed', plan, applied, writes: writesSent() - before, step, error };
    }
    applied += 1;
  }
  return { status: 'done', plan, applied, writes: writesSent() - before };
}
