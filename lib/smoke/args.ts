/**
 * The command lines of `npm run token` and `npm run smoke`, read into what they ask for (no I/O here).
 */
import { parseArgs } from 'node:util';
import { STAGES, type StageName } from '../config';
import { admins, operators } from '../local/demo-data';
import type { TokenSubject } from '../local/tokens';

/** A command line that cannot be run as given: the message says why, the usage text follows it. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const TOKEN_USAGE = `usage: npm run token -- <sub> [member|operator|admin] [partnerId] [full|staff|usage]
       npm run token -- --stage <${STAGES.join('|')}> --user <e-mail>

Without --stage: a token the local gateway accepts (npm start, the tests), for any sub; a demo operator or
admin id (op-tw-staff, admin-1, …) brings its role, partner and operator role.

With --stage: signs the user in to the stage's Cognito user pool (USER_SRP_AUTH; the pool, app client and
region come from the stack Coworking-<stage>-Data and lib/config.ts; needs AWS credentials that may call
cloudformation:DescribeStacks) and prints the access token the API takes (an hour), e.g.
  TOKEN=$(npm run -s token -- --stage dev --user op@example.com)
The password is asked on the terminal without echo, or read from COWORKING_PASSWORD. The first sign-in of a
user created by staff asks for a new password (or COWORKING_NEW_PASSWORD); a user with TOTP turned on is
asked for a code (or COWORKING_TOTP_CODE).`;

export type TokenRequest =
  | { kind: 'help' }
  | { kind: 'local'; subject: TokenSubject }
  | { kind: 'stage'; stage: StageName; user: string };

const isStage = (value: string): value is StageName => (STAGES as readonly string[]).includes(value);
const isHelp = (argv: readonly string[]) => argv.some((a) => a === '--help' || a === '-h');

function stageOf(value: string | undefined): StageName {
  if (!value) throw new UsageError(`--stage takes a stage: ${STAGES.join(' or ')}`);
  if (!isStage(value)) throw new UsageError(`unknown stage ${value}: use ${STAGES.join(' or ')}`);
  return value;
}

function emailOf(option: string, value: string | undefined): string {
  if (!value?.includes('@')) throw new UsageError(`${option} takes the e-mail address the user signs in with`);
  return value;
}

/** Reads parseArgs' own errors (unknown option, missing value) as usage errors. */
function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * The local token subject of `<sub> [role] [partnerId] [operatorRole]`, as `npm run token` always read it: the
 * role defaults from the demo data (a demo operator or admin id), else member.
 */
export function localSubject([sub, roleArg, partnerArg, operatorRoleArg]: readonly string[]): TokenSubject {
  if (!sub) throw new UsageError('a sub is needed');
  const demoOperator = operators.find((o) => o.operatorId === sub);
  const role = (roleArg ??
    (demoOperator ? 'operator' : admins.includes(sub) ? 'admin' : 'member')) as TokenSubject['role'];
  if (!['member', 'operator', 'admin'].includes(role)) {
    throw new UsageError(`unknown role ${role}: use member, operator or admin`);
  }
  const subject: TokenSubject = { sub, role };
  if (role === 'operator') {
    subject.partnerId = partnerArg ?? demoOperator?.partnerId;
    subject.operatorRole = (operatorRoleArg ?? demoOperator?.operatorRole) as TokenSubject['operatorRole'];
    if (!subject.partnerId || !subject.operatorRole) {
      throw new UsageError('an operator token needs a partnerId and an operatorRole (full, staff or usage)');
    }
  }
  return subject;
}

/**
 * `npm run token`'s arguments: positional ones are the local form (unchanged), options the stage form.
 * @throws UsageError
 */
export function parseTokenArgs(argv: readonly string[]): TokenRequest {
  if (isHelp(argv)) return { kind: 'help' };
  if (!argv.some((a) => a.startsWith('--'))) return { kind: 'local', subject: localSubject(argv) };
  const { values, positionals } = asUsage(() =>
    parseArgs({
      args: [...argv],
      options: { stage: { type: 'string' }, user: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    }),
  );
  if (positionals.length > 0) {
    throw new UsageError(`--stage signs a user in by e-mail; drop ${positionals.join(' ')} (that is the local form)`);
  }
  return { kind: 'stage', stage: stageOf(values.stage), user: emailOf('--user', values.user) };
}

export const SMOKE_USAGE = `usage: npm run smoke -- --stage <${STAGES.join('|')}> [--member-user <e-mail>] [--operator-user <e-mail>] [--facility <id> [--space <id>]]
       npm run smoke -- --local [--api-url <url>] [--facility <id> [--space <id>]]

A short journey against the API, each step checked against the contract; it stops at the first step that
fails, prints what that step sent, the status and the answer, and exits 1:
  read member (GET /v1/me), search facilities (kind=reservation), read facility (the first the member's plan
  allows that has an instantly bookable seat or room), availability (from tomorrow, preferring a day no
  cancellation fee applies, at most 14 days ahead, at least 3 hours from now), book a space (its minimum
  length), read the reservation, cancel it, operator read (GET /v1/operator/facilities).
A reservation made before a later step fails is cancelled before exiting.

Tokens (the member must have a plan, or its booking fails with 403 PLAN_REQUIRED; the operator is full or staff):
  --member-user, --operator-user   (--stage) the user signs in to the stage's user pool with SRP, its password from
                                   COWORKING_MEMBER_PASSWORD or COWORKING_OPERATOR_PASSWORD, else asked on the
                                   terminal (a user's first sign-in sets a password: npm run token -- --stage)
  COWORKING_MEMBER_TOKEN,          otherwise these access tokens are used as they are (npm run token prints them)
  COWORKING_OPERATOR_TOKEN
  --local                          the demo member-basic and operator op-h1t-full, unless the two variables are set
With --stage the API URL comes from the stack Coworking-<stage>-Data (AWS credentials that may call
cloudformation:DescribeStacks). With --local it is http://127.0.0.1:$PORT (3000), the day is read from the
stack's clock (GET /local/clock), e.g. against npm start.`;

interface SmokeCommon {
  facilityId?: string;
  spaceId?: string;
}

export type SmokeRequest =
  | { kind: 'help' }
  | ({ kind: 'stage'; stage: StageName; memberUser?: string; operatorUser?: string } & SmokeCommon)
  | ({ kind: 'local'; apiUrl: string } & SmokeCommon);

/** The env variables that hold ready tokens for the smoke. */
export const SMOKE_TOKEN_VARIABLES = {
  member: 'COWORKING_MEMBER_TOKEN',
  operator: 'COWORKING_OPERATOR_TOKEN',
} as const;

/**
 * `npm run smoke`'s arguments. On a stage every caller needs a token: from its variable or by signing in.
 * @throws UsageError
 */
export function parseSmokeArgs(argv: readonly string[], env: NodeJS.ProcessEnv): SmokeRequest {
  if (isHelp(argv)) return { kind: 'help' };
  const { values } = asUsage(() =>
    parseArgs({
      args: [...argv],
      options: {
        stage: { type: 'string' },
        local: { type: 'boolean' },
        'api-url': { type: 'string' },
        'member-user': { type: 'string' },
        'operator-user': { type: 'string' },
        facility: { type: 'string' },
        space: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.space && !values.facility) throw new UsageError('--space needs the --facility it belongs to');
  const common: SmokeCommon = {
    ...(values.facility ? { facilityId: values.facility } : {}),
    ...(values.space ? { spaceId: values.space } : {}),
  };
  if (Boolean(values.local) === (values.stage !== undefined))
    throw new UsageError('say either --stage <stage> or --local');
  if (values.local) {
    if (values['member-user'] || values['operator-user']) {
      throw new UsageError('--member-user and --operator-user sign in to a stage: with --local the demo users run');
    }
    const apiUrl = values['api-url'] ?? `http://127.0.0.1:${env.PORT || 3000}`;
    return { kind: 'local', apiUrl: apiUrl.replace(/\/+$/, ''), ...common };
  }
  if (values['api-url']) throw new UsageError('--api-url is for --local: a stage names its own API URL');
  const stage = stageOf(values.stage);
  const users = { member: values['member-user'], operator: values['operator-user'] };
  for (const who of ['member', 'operator'] as const) {
    const user = users[who];
    if (user !== undefined) emailOf(`--${who}-user`, user);
    else if (!env[SMOKE_TOKEN_VARIABLES[who]]) {
      throw new UsageError(
        `the ${who} needs a token: set ${SMOKE_TOKEN_VARIABLES[who]} or give --${who}-user <e-mail>`,
      );
    }
  }
  return {
    kind: 'stage',
    stage,
    ...(users.member ? { memberUser: users.member } : {}),
    ...(users.operator ? { operatorUser: users.operator } : {}),
    ...common,
  };
}
