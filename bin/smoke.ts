/**
 * `npm run smoke -- --stage dev` (or `--local`): the smoke journey of lib/smoke/journey.ts against a deployed stage
 * or the local stack; a line per step that passed, and for the first that failed its request, status and answer on
 * stderr with exit code 1. `npm run smoke -- --help` says where the tokens come from.
 */
import { issueToken } from '../lib/local/tokens';
import { localSubject, parseSmokeArgs, SMOKE_TOKEN_VARIABLES, SMOKE_USAGE, UsageError } from '../lib/smoke/args';
import { runSmoke, SmokeFailure, type SmokeStep } from '../lib/smoke/journey';

/** The demo users a local smoke runs as (lib/local/demo-data.ts). */
const LOCAL_MEMBER = 'member-basic';
const LOCAL_OPERATOR = 'op-h1t-full';

type Who = keyof typeof SMOKE_TOKEN_VARIABLES;

const fromEnv = (who: Who) => process.env[SMOKE_TOKEN_VARIABLES[who]] || undefined;

async function localTarget(apiUrl: string) {
  let now: number;
  try {
    const res = await fetch(`${apiUrl}/local/clock`, { signal: AbortSignal.timeout(10_000) });
    now = Date.parse(((await res.json()) as { now: string }).now);
  } catch (error) {
    throw new Error(
      `The local stack does not answer GET ${apiUrl}/local/clock (npm start?): ${(error as Error).message}`,
    );
  }
  if (Number.isNaN(now)) throw new Error(`GET ${apiUrl}/local/clock gave no clock`);
  const token = (who: Who, sub: string) => fromEnv(who) ?? issueToken(localSubject([sub]));
  return { apiUrl, now, memberToken: token('member', LOCAL_MEMBER), operatorToken: token('operator', LOCAL_OPERATOR) };
}

async function stageTarget(stage: string, users: Partial<Record<Who, string>>) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const [{ CloudFormationClient }, { CognitoIdentityProviderClient }, stageModule, { signIn }, { signInPrompts }] =
    await Promise.all([
      import('@aws-sdk/client-cloudformation'),
      import('@aws-sdk/client-cognito-identity-provider'),
      import('../lib/smoke/stage'),
      import('../lib/smoke/sign-in'),
      import('../lib/smoke/prompt'),
    ]);
  const region = stageModule.stageRegion(stage);
  const endpoints = await stageModule.stageEndpoints(new CloudFormationClient({ region }), stage);
  const cognito = new CognitoIdentityProviderClient({ region });
  const token = async (who: Who): Promise<string> => {
    const user = users[who];
    if (!user) return fromEnv(who) ?? '';
    const prompts = signInPrompts({
      user,
      env: process.env,
      terminal: { input: process.stdin, output: process.stderr },
      passwordVariable: `COWORKING_${who.toUpperCase()}_PASSWORD`,
      newPasswordHint: `${user} has not signed in yet: run npm run token -- --stage ${stage} --user ${user} once to set a password`,
    });
    return (await signIn(cognito, endpoints, user, prompts)).accessToken;
  };
  // one after the other: each may ask on the terminal
  const memberToken = await token('member');
  const operatorToken = await token('operator');
  return { apiUrl: endpoints.apiUrl, now: Date.now(), memberToken, operatorToken };
}

const line = (step: SmokeStep) =>
  `✓ ${step.name.padEnd(20)} ${step.calls.map((c) => `${c.method} ${c.path} ${c.status} (${c.ms} ms)`).join(', ')}: ${step.summary}`;

async function main(argv: string[]): Promise<void> {
  const request = parseSmokeArgs(argv, process.env);
  if (request.kind === 'help') {
    console.log(SMOKE_USAGE);
    return;
  }
  const target =
    request.kind === 'local'
      ? await localTarget(request.apiUrl)
      : await stageTarget(request.stage, { member: request.memberUser, operator: request.operatorUser });
  console.log(`smoke against ${target.apiUrl} (${new Date(target.now).toISOString()})`);
  const report = await runSmoke({
    ...target,
    ...(request.facilityId ? { facilityId: request.facilityId } : {}),
    ...(request.spaceId ? { spaceId: request.spaceId } : {}),
    onStep: (step) => console.log(line(step)),
  });
  console.log(
    `smoke passed: ${report.steps.length} steps, booked and cancelled ${report.reservation.number ?? report.reservation.id}`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    console.error(SMOKE_USAGE.split('\n\n')[0]);
    process.exit(2);
  }
  if (error instanceof SmokeFailure) {
    console.error(`✗ ${error.message}`);
    process.exit(1);
  }
  console.error(`smoke: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof Error && error.name === 'CancelledError' ? 130 : 1);
});
