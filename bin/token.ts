/**
 * `npm run token -- <sub> [role] [partnerId] [operatorRole]`: prints a token the local gateway accepts.
 * Examples: `npm run token -- member-basic`, `npm run token -- op-tw-staff` (a demo operator), `npm run token --
 * admin-1` (the demo admin), `npm run token -- op-x operator partner-tw full`.
 *
 * `npm run token -- --stage dev --user <e-mail>`: signs the user in to the deployed stage's user pool (SRP) and
 * prints the access token the API takes. `npm run token -- --help` says more.
 */

import { issueToken } from '../lib/local/tokens';
import { parseTokenArgs, TOKEN_USAGE, UsageError } from '../lib/smoke/args';

async function signInToStage(stage: string, user: string): Promise<string> {
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
  const prompts = signInPrompts({
    user,
    env: process.env,
    terminal: { input: process.stdin, output: process.stderr },
    passwordVariable: 'COWORKING_PASSWORD',
    newPasswordVariable: 'COWORKING_NEW_PASSWORD',
  });
  const { accessToken } = await signIn(new CognitoIdentityProviderClient({ region }), endpoints, user, prompts);
  return accessToken;
}

async function main(argv: string[]): Promise<void> {
  const request = parseTokenArgs(argv);
  if (request.kind === 'help') console.log(TOKEN_USAGE);
  else if (request.kind === 'local') console.log(issueToken(request.subject));
  else console.log(await signInToStage(request.stage, request.user));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    console.error(TOKEN_USAGE.split('\n\n')[0]);
    process.exit(2);
  }
  console.error(`token: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof Error && error.name === 'CancelledError' ? 130 : 1);
});
