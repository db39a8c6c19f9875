/**
 * The command line of `npm run token`, read into what it asks for (no I/O here).
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
