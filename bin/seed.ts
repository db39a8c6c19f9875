/**
 * `npm run seed -- --stage dev [--file <catalogue.json>] [--dry-run] [--update]`: loads a catalogue (partners,
 * facilities, spaces with their weekly hours, doors, companies; contracts/catalogue.ts) into a stage's table
 * through the routes' contracts and services, idempotently. `--help` says more.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { clock } from '../lambdas/platform/clock';
import { DEMO_CATALOGUE, parseCatalogue, readJson } from '../lib/seed/catalogue';
import { outcomeCounts, problemLines, stepLines } from '../lib/seed/report';
import { runSeed } from '../lib/seed/run';
import { documentClientOf, resolveTarget, UsageError } from '../lib/seed/target';

const HELP = `Usage: npm run seed -- --stage <dev|prod|local> [--file <catalogue.json>] [--dry-run] [--update]
                                 [--endpoint <url>] [--table <name>]

Loads a catalogue into a stage's table: partners, their facilities, each facility's spaces (reservable and open,
with their weekly hours) and doors, and companies. Each entry is checked by the contract and the rules of the route
that makes it (the back office's and the partner's) and written through that route's service.

  --stage     dev or prod: the deployed stage (its table from the stack Coworking-<stage>-Data's TableName output,
              in the stage's region from lib/config.ts; AWS credentials of its account); local: the local stack's
              DynamoDB Local (npm start; DYNAMODB_ENDPOINT or localhost:DYNAMODB_PORT, table coworking-local)
  --file      the catalogue, a JSON file of the shape contracts/catalogue.ts describes
              (default: the demo catalogue, ${relative(process.cwd(), DEMO_CATALOGUE)}; not for prod)
  --dry-run   read, check and print the plan; write nothing
  --update    change what differs where a route changes it (facility and space settings, weekly hours, doors,
              a company's monthly cap); without it what differs is only reported
  --endpoint, --table   with --stage local: another DynamoDB Local or table

Idempotent: ids come from the catalogue, and a run compares what is stored with what the catalogue says, each
entry printed as create, unchanged or differs (with the fields). A second run writes nothing. The whole catalogue
is checked before the first write: a field that breaks a rule, or a catalogue that contradicts the table (a
facility of another partner, a door of another facility, an id given twice, ...), is refused with the field named,
and nothing is written. Open spaces get a fresh QR value; a company gets a fresh 16-digit corporate code unless it
gives one.

Exit status: 0 done (or planned), 1 refused or failed, 2 wrong usage.`;

// the AWS SDK's warning about Node 20 says nothing about the catalogue
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<number> {
  const args = () =>
    parseArgs({
      options: {
        stage: { type: 'string' },
        file: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        update: { type: 'boolean', default: false },
        endpoint: { type: 'string' },
        table: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  let values: ReturnType<typeof args>['values'];
  try {
    ({ values } = args());
  } catch (error) {
    console.error(`${(error as Error).message}; --help says more`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!values.stage) {
    console.error('--stage is required (dev, prod or local); --help says more');
    return 2;
  }
  if (values.stage === 'prod' && values.file === undefined) {
    console.error('The demo catalogue is not for prod: give the catalogue with --file');
    return 2;
  }
  const file = values.file ?? DEMO_CATALOGUE;
  console.log(`Catalogue ${values.file ?? relative(process.cwd(), DEMO_CATALOGUE)}`);
  const read = await readJson(file);
  const parsed = read.ok ? parseCatalogue(read.json) : read;
  if (!read.ok || !parsed.ok) {
    console.error(
      [
        'Refused (nothing written): the catalogue breaks its contract',
        ...problemLines(parsed.ok ? [] : parsed.problems),
      ].join('\n'),
    );
    return 1;
  }
  const target = await resolveTarget({ stage: values.stage, endpoint: values.endpoint, table: values.table });
  const where = target.endpoint ? ` at ${target.endpoint}` : '';
  console.log(
    `Target    stage ${target.stage}: table ${target.tableName} in ${target.region}${where} (from ${target.from})`,
  );
  const dryRun = values['dry-run'];
  const result = await runSeed({
    doc: documentClientOf(target),
    tableName: target.tableName,
    catalogue: read.json,
    now: clock.now(),
    dryRun,
    update: values.update,
  });
  switch (result.status) {
    case 'refused':
      console.error(['Refused (nothing written):', ...problemLines(result.problems)].join('\n'));
      return 1;
    case 'planned':
      console.log(['Plan (dry run: nothing written):', ...stepLines(result.plan, { dryRun })].join('\n'));
      console.log(`${outcomeCounts(result.plan)}.`);
      return 0;
    case 'done':
      console.log(['Done:', ...stepLines(result.plan, { dryRun })].join('\n'));
      console.log(`${outcomeCounts(result.plan)}; ${result.applied} steps written (${result.writes} table writes).`);
      return 0;
    case 'failed': {
      const { step, error } = result;
      console.log(['Plan:', ...stepLines(result.plan, { dryRun })].join('\n'));
      console.error(
        `Stopped at ${step.entity} ${step.id} (${step.path}): ${error instanceof Error ? error.message : String(error)}. ` +
          `The ${result.applied} steps before it are written; run again to go on (a run writes only what is missing).`,
      );
      return 1;
    }
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
