import { describe, expect, it } from 'vitest';
import { SignInError, type SignInPrompts, signIn } from '../../../lib/smoke/sign-in';
import { fakeCognito, type Scenario } from './fake-cognito';

const pool = { userPoolId: 'ap-northeast-1_AbCdEf123', clientId: 'app-client-1' };
const user = { email: 'op@example.com', userId: '7d3f0e1c-2b4a-4c5d-9e8f-0a1b2c3d4e5f', password: 'Temp-Pass-1!' };

/** Prompts that answer from a script and count what they were asked. */
function scripted(answers: Partial<Record<keyof SignInPrompts, string>>) {
  const asked: Array<keyof SignInPrompts> = [];
  const answer = (name: keyof SignInPrompts) => async () => {
    asked.push(name);
    const value = answers[name];
    if (value === undefined) throw new Error(`not asked for ${name}`);
    return value;
  };
  const prompts: SignInPrompts = {
    password: answer('password'),
    newPassword: answer('newPassword'),
    totpCode: answer('totpCode'),
  };
  return { prompts, asked };
}

const signInWith = (scenario: Scenario, answers: Partial<Record<keyof SignInPrompts, string>>) => {
  const fake = fakeCognito({ poolId: pool.userPoolId, clientId: pool.clientId, user, scenario });
  const { prompts, asked } = scripted(answers);
  return { fake, asked, result: signIn(fake.cognito, pool, user.email, prompts) };
};

describe('signIn (USER_SRP_AUTH against a fake pool that checks the SRP claim)', () => {
  it('proves the password and returns the access token', async () => {
    const { fake, asked, result } = signInWith([], { password: user.password });
    expect(await result).toEqual({ accessToken: 'access-token', idToken: 'id-token', expiresIn: 3600 });
    expect(asked).toEqual(['password']);
    expect(fake.sent.map((c) => c.name)).toEqual(['InitiateAuthCommand', 'RespondToAuthChallengeCommand']);
    const [initiate, verify] = fake.sent;
    expect(initiate?.input).toMatchObject({ ClientId: 'app-client-1', AuthFlow: 'USER_SRP_AUTH' });
    expect(Object.keys(initiate?.input.AuthParameters ?? {}).sort()).toEqual(['SRP_A', 'USERNAME']);
    expect(initiate?.input.AuthParameters?.USERNAME).toBe(user.email);
    // the password is never sent, and the claim names the pool's user id, not the e-mail address
    expect(JSON.stringify(fake.sent)).not.toContain(user.password);
    expect(verify?.input).toMatchObject({ ChallengeName: 'PASSWORD_VERIFIER' });
    expect(verify?.input.ChallengeResponses?.USERNAME).toBe(user.userId);
  });

  it('is refused with a wrong password, saying what Cognito said', async () => {
    const { result } = signInWith([], { password: 'Wrong-Pass-1!' });
    await expect(result).rejects.toThrow(SignInError);
    await expect(result).rejects.toThrow('Password refused (NotAuthorizedException): Incorrect username or password.');
  });

  it('asks for a new password on the first sign-in of a user staff created, and sends it in the session', async () => {
    const { fake, asked, result } = signInWith([{ challenge: 'NEW_PASSWORD_REQUIRED' }], {
      password: user.password,
      newPassword: 'My-Own-Pass-2!',
    });
    expect((await result).accessToken).toBe('access-token');
    expect(asked).toEqual(['password', 'newPassword']);
    expect(fake.newPassword()).toBe('My-Own-Pass-2!');
    expect(fake.sent[2]?.input).toEqual({
      ClientId: 'app-client-1',
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'session-2',
      ChallengeResponses: { USERNAME: user.userId, NEW_PASSWORD: 'My-Own-Pass-2!' },
    });
  });

  it('names the attributes a first sign-in would also need, and asks nothing', async () => {
    const { asked, result } = signInWith(
      [{ challenge: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['userAttributes.name'] }],
      {
        password: user.password,
      },
    );
    await expect(result).rejects.toThrow(/also asks for userAttributes\.name/);
    expect(asked).toEqual(['password']);
  });

  it('asks for the TOTP code of a user with MFA turned on, after a new password when both are due', async () => {
    const { fake, asked, result } = signInWith(
      [{ challenge: 'NEW_PASSWORD_REQUIRED' }, { challenge: 'SOFTWARE_TOKEN_MFA', code: '123456' }],
      { password: user.password, newPassword: 'My-Own-Pass-2!', totpCode: '123456' },
    );
    expect((await result).accessToken).toBe('access-token');
    expect(asked).toEqual(['password', 'newPassword', 'totpCode']);
    expect(fake.sent.at(-1)?.input.ChallengeResponses).toEqual({
      USERNAME: user.userId,
      SOFTWARE_TOKEN_MFA_CODE: '123456',
    });
  });

  it('passes on a wrong code as Cognito refused it', async () => {
    const { result } = signInWith([{ challenge: 'SOFTWARE_TOKEN_MFA', code: '123456' }], {
      password: user.password,
      totpCode: '000000',
    });
    await expect(result).rejects.toThrow('SOFTWARE_TOKEN_MFA refused (CodeMismatchException)');
  });

  it('names a challenge it does not answer', async () => {
    const { result } = signInWith([{ challenge: 'MFA_SETUP' }], { password: user.password });
    await expect(result).rejects.toThrow('Cognito asks for MFA_SETUP, which this tool does not answer');
  });

  it('says when the pool does not start SRP', async () => {
    const cognito = { send: async () => ({ AuthenticationResult: { AccessToken: 'x' } }) };
    await expect(signIn(cognito, pool, user.email, scripted({ password: 'p' }).prompts)).rejects.toThrow(
      'Cognito answered no challenge where SRP expects PASSWORD_VERIFIER',
    );
  });
});
