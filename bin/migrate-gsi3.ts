/**
 * `npm run migrate:gsi3 -- --table <name> [--endpoint <url>] [--dry-run]` (or `--stage dev|prod|local`): gives the
 * visits and reservations written before GSI3 their usage-index keys (lib/migrations/gsi3.ts). `--help` says more.
 */
import { parseArgs } from 'node:util';
import { backfillUsageIndex } from '../lib/migrations/gsi3';
import { documentClientOf, resolveTarget, type Target, UsageError } from '../lib/seed/target';

const HELP = `Usage: npm run migrate:gsi3 -- --table <name> [--endpoint <url>] [--region <region>] [--dry-run]
                                        [--segments <n>] [--state <file>] [--page-size <n>]
       npm run migrate:gsi3 -- --stage <dev|prod|local> [--dry-run] [--segments <n>] [--state <file>]

Backfills the partners' usage index (GSI3): every visit and reservation without GSI3 keys (written before the index
existed) gets the keys its write gives it today, so it shows in the usage lists. Other items, and items indexed
already, are skipped.

  --table       the table (with --endpoint: a DynamoDB Local table; else a deployed one, in --region or AWS_REGION)
  --stage       instead of --table: dev or prod (the table from the stack Coworking-<stage>-Data's TableName output,
                in the stage's region; AWS credentials of its account), or local (the local stack's DynamoDB Local)
  --dry-run     read and count what would be updated; write nothing
  --segments    parallel scan segments (default 4)
  --state       a JSON file: each segment's scan position is saved there after every page, and a run given the same
                file resumes from it (same table, same --segments); a finished run leaves every segment done
  --page-size   items per scan page (default 500)

Idempotent: each update is conditioned on the item existing without GSI3 keys, so a rerun (or a write of the
application beside the run, which writes the keys itself) updates nothing twice. Prints progress per page and the
counts at the end: scanned, updated, skipped (of which raced: indexed between read and update; unindexable: a visit
or reservation without the fields its keys are made of, left as it is and listed).

Exit status: 0 done, 1 failed (run again, with --state to resume), 2 wrong usage.`;

// the AWS SDK's warning about Node 20 says nothing about the migration
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const LOCAL_REGION = 'ap-northeast-1';

async function targetOf(values: {
  stage?: string | undefined;
  table?: string | undefined;
  endpoint?: string | undefined;
  region?: string | undefined;
}): Promise<Target> {
  if (values.stage !== undefined) {
    if (values.stage !== 'local' && values.region !== undefined) throw new UsageError('--region is for --table');
    return resolveTarget({
      stage: values.stage,
      ...(values.endpoint === undefined ? {} : { endpoint: values.endpoint }),
      ...(values.table === undefined ? {} : { table: values.table }),
    });
  }
  if (!values.table) throw new UsageError('--table (or --stage) is required; --help says more');
  if (values.endpoint !== undefined) {
    return {
      stage: 'local',
      tableName: values.table,
      region: values.region ?? LOCAL_REGION,
      endpoint: values.endpoint,
      from: '--table',
    };
  }
  const region = values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new UsageError('A deployed table needs --region (or AWS_REGION)');
  return { stage: 'deployed', tableName: values.table, region, from: '--table' };
}

const positiveInteger = (value: string | undefined, name: string, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number of 1 or more: ${value}`);
  return n;
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      table: { type: 'string' },
      stage: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      segments: { type: 'string' },
      state: { type: 'string' },
      'page-size': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const target = await targetOf(values);
  const segments = positiveInteger(values.segments, 'segments', 4);
  const pageSize = positiveInteger(values['page-size'], 'page-size', 500);
  const dryRun = values['dry-run'];
  const where = target.endpoint ? ` at ${target.endpoint}` : '';
  console.log(`Table ${target.tableName} in ${target.region}${where} (from ${target.from}); ${segments} segments`);
  if (dryRun) console.log('Dry run: nothing is written');
  if (values.state) console.log(`State ${values.state} (resumed when it exists)`);
  const counts = await backfillUsageIndex({
    doc: documentClientOf(target),
    tableName: target.tableName,
    segments,
    pageSize,
    dryRun,
    ...(values.state === undefined ? {} : { stateFile: values.state }),
    log: (line) => console.log(line),
  });
  console.log(
    `Done: ${counts.scanned} scanned, ${counts.updated} ${dryRun ? 'to update' : 'updated'}, ${counts.skipped} skipped ` +
      `(${counts.raced} indexed meanwhile, ${counts.unindexable} unindexable).`,
  );
  return 0;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(`migrate:gsi3 failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1,
    );
  },
);
