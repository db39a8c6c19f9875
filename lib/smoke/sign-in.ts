/**
 * Signing in to a deployed stage's user pool as its app client does: `USER_SRP_AUTH` (the password never leaves
 * this machine; cognito-srp-helper does the SRP arithmetic over the SDK's own InitiateAuth and
 * RespondToAuthChallenge), then the challenges a user of this pool may meet: `NEW_PASSWORD_REQUIRED` (the first
 * sign-in of a user staff created) and `SOFTWARE_TOKEN_MFA` (a user who turned on TOTP; MFA is optional).
 */
import {
  type AuthenticationResultType,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { createSrpSession, signSrpSession, wrapAuthChallenge, wrapInitiateAuth } from 'cognito-srp-helper';
import type { Sender } from './stage';

/** Where the user signs in: the pool and its app client (no secret). */
export interface UserPoolRef {
  userPoolId: string;
  clientId: string;
}

/** What sign-in asks the person at the keyboard (or the environment), each when it is needed. */
export interface SignInPrompts {
  password(): Promise<string>;
  /** The first sign-in of a user created by staff: the temporary password is replaced. */
  newPassword(): Promise<string>;
  /** The six digits of the user's authenticator app. */
  totpCode(): Promise<string>;
}

/** The tokens of a signed-in user: the access token is what the API's JWT authorizer takes. */
export interface SignedIn {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  /** Seconds the access token lives (an hour). */
  expiresIn?: number;
}

/** A sign-in Cognito refused, or a challenge this tool does not answer. */
export class SignInError extends Error {
  override name = 'SignInError';
}

/** Challenges after the password: more than this is a loop, not a sign-in. */
const MAX_CHALLENGES = 4;

type ChallengeAnswer = { ChallengeName?: string; ChallengeParameters?: Record<string, string>; Session?: string };

async function cognitoCall<T>(step: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const e = error as Error;
    throw new SignInError(`${step} refused (${e.name}): ${e.message}`);
  }
}

const signedIn = (result: AuthenticationResultType): SignedIn => ({
  accessToken: result.AccessToken ?? '',
  ...(result.IdToken ? { idToken: result.IdToken } : {}),
  ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
  ...(result.ExpiresIn !== undefined ? { expiresIn: result.ExpiresIn } : {}),
});

/** What to send for a challenge after the password, or an error naming one this tool cannot answer. */
async function answerTo(
  challenge: ChallengeAnswer,
  userId: string,
  prompts: SignInPrompts,
): Promise<Record<string, string>> {
  switch (challenge.ChallengeName) {
    case 'NEW_PASSWORD_REQUIRED': {
      const required = JSON.parse(challenge.ChallengeParameters?.requiredAttributes ?? '[]') as string[];
      if (required.length > 0) {
        throw new SignInError(
          `The first sign-in also asks for ${required.join(', ')}: set them with admin-update-user-attributes first`,
        );
      }
      return { USERNAME: userId, NEW_PASSWORD: await prompts.newPassword() };
    }
    case 'SOFTWARE_TOKEN_MFA':
      return { USERNAME: userId, SOFTWARE_TOKEN_MFA_CODE: await prompts.totpCode() };
    default:
      throw new SignInError(
        `Cognito asks for ${challenge.ChallengeName ?? 'nothing it names'}, which this tool does not answer`,
      );
  }
}

/**
 * Signs `username` (the e-mail address) in to the pool with SRP and answers the challenges that follow.
 * @param cognito a Cognito user-pools client of the pool's region (InitiateAuth and RespondToAuthChallenge need
 *   no AWS credentials)
 * @throws SignInError when Cognito refuses a step (wrong password, policy of a new password, …) or asks for a
 *   challenge this tool does not answer
 */
export async function signIn(
  cognito: Sender,
  pool: UserPoolRef,
  username: string,
  prompts: SignInPrompts,
): Promise<SignedIn> {
  const password = await prompts.password();
  // not hashed yet: the hash is over the pool's own user id (USER_ID_FOR_SRP), not the e-mail address signed in with
  const session = createSrpSession(username, password, pool.userPoolId, false);
  const started: ChallengeAnswer = await cognitoCall('Sign-in', () =>
    cognito.send(
      new InitiateAuthCommand(
        wrapInitiateAuth(session, {
          ClientId: pool.clientId,
          AuthFlow: 'USER_SRP_AUTH',
          AuthParameters: { USERNAME: username },
        }),
      ),
    ),
  );
  if (started.ChallengeName !== 'PASSWORD_VERIFIER') {
    throw new SignInError(
      `Cognito answered ${started.ChallengeName ?? 'no challenge'} where SRP expects PASSWORD_VERIFIER`,
    );
  }
  const userId = started.ChallengeParameters?.USER_ID_FOR_SRP ?? username;
  const signed = signSrpSession(session, started);
  let answer: RespondToAuthChallengeCommandOutput = await cognitoCall('Password', () =>
    cognito.send(
      new RespondToAuthChallengeCommand(
        wrapAuthChallenge(signed, {
          ClientId: pool.clientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: { USERNAME: userId },
        }),
      ),
    ),
  );
  for (let round = 0; round <= MAX_CHALLENGES; round++) {
    if (answer.AuthenticationResult?.AccessToken) return signedIn(answer.AuthenticationResult);
    if (round === MAX_CHALLENGES) break;
    const { ChallengeName, Session } = answer;
    const ChallengeResponses = await answerTo(answer, userId, prompts);
    answer = await cognitoCall(ChallengeName ?? 'Challenge', () =>
      cognito.send(
        new RespondToAuthChallengeCommand({ ClientId: pool.clientId, ChallengeName, Session, ChallengeResponses }),
      ),
    );
  }
  throw new SignInError(`Cognito still asks for ${answer.ChallengeName} after ${MAX_CHALLENGES} answers`);
}
