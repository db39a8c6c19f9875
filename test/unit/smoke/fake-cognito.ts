/**
 * A fake Cognito user pool for the sign-in tests: the server side of Cognito's SRP (SRP-6a over the 3072-bit group of
 * RFC 5054 with SHA-256, the verifier over `<pool name><user id>:<password>`, the session key from HKDF with the info
 * "Caldera Derived Key", the claim an HMAC over pool name, user id, secret block and timestamp), written here with
 * BigInt and node:crypto, apart from the library under test. It accepts the password claim only when the client knew
 * the password, then answers the challenges a scenario lists.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Sender } from '../../../lib/smoke/stage';

const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** Even-length hex of a positive number, with a 00 byte in front when its top bit is set (Java's BigInteger bytes). */
const padHex = (n: bigint): string => {
  const hex = n.toString(16);
  const even = hex.length % 2 === 1 ? `0${hex}` : hex;
  return /^[89a-f]/.test(even) ? `00${even}` : even;
};
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex').padStart(64, '0');
const hexHash = (hex: string) => sha256(Buffer.from(hex, 'hex'));
const k = BigInt(`0x${hexHash(padHex(N) + padHex(g))}`);

export interface User {
  email: string;
  /** The pool's own user name (a UUID in a pool that signs in by e-mail): what SRP hashes. */
  userId: string;
  password: string;
}

/** The challenges the pool asks after the password, in order, and what each expects. */
export type Scenario = Array<
  | { challenge: 'NEW_PASSWORD_REQUIRED'; requiredAttributes?: string[] }
  | { challenge: 'SOFTWARE_TOKEN_MFA'; code: string }
  | { challenge: 'MFA_SETUP' }
>;

export interface SentCommand {
  name: string;
  input: Record<string, unknown> & {
    ChallengeName?: string;
    Session?: string;
    AuthParameters?: Record<string, string>;
    ChallengeResponses?: Record<string, string>;
  };
}

const refused = (name: string, message: string) => Object.assign(new Error(message), { name });

/** A user pool with one user, answering InitiateAuth and RespondToAuthChallenge as Cognito does. */
export function fakeCognito(options: { poolId: string; clientId: string; user: User; scenario?: Scenario }) {
  const { poolId, clientId, user } = options;
  const poolName = poolId.split('_')[1] ?? '';
  const salt = BigInt(`0x${randomBytes(16).toString('hex')}`);
  const x = BigInt(`0x${hexHash(padHex(salt) + sha256(`${poolName}${user.userId}:${user.password}`))}`);
  const verifier = modPow(g, x, N);
  const sent: SentCommand[] = [];
  const scenario = [...(options.scenario ?? [])];
  let srp: { A: bigint; B: bigint; b: bigint; secretBlock: string } | undefined;
  let session = '';
  let newPassword: string | undefined;

  const nextAnswer = () => {
    const next = scenario[0];
    if (!next) return { AuthenticationResult: { AccessToken: 'access-token', IdToken: 'id-token', ExpiresIn: 3600 } };
    session = `session-${sent.length}`;
    const parameters =
      next.challenge === 'NEW_PASSWORD_REQUIRED'
        ? {
            USER_ID_FOR_SRP: user.userId,
            userAttributes: JSON.stringify({ email: user.email }),
            requiredAttributes: JSON.stringify(next.requiredAttributes ?? []),
          }
        : { USER_ID_FOR_SRP: user.userId };
    return { ChallengeName: next.challenge, Session: session, ChallengeParameters: parameters };
  };

  const initiateAuth = (input: SentCommand['input']) => {
    const parameters = input.AuthParameters ?? {};
    if (input.AuthFlow !== 'USER_SRP_AUTH' || input.ClientId !== clientId)
      throw refused('InvalidParameterException', 'flow');
    if (parameters.USERNAME !== user.email) throw refused('NotAuthorizedException', 'Incorrect username or password.');
    const A = BigInt(`0x${parameters.SRP_A}`);
    if (A % N === 0n) throw refused('InvalidParameterException', 'SRP_A');
    const b = BigInt(`0x${randomBytes(32).toString('hex')}`);
    const B = (k * verifier + modPow(g, b, N)) % N;
    srp = { A, B, b, secretBlock: randomBytes(64).toString('base64') };
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: {
        SALT: salt.toString(16),
        SECRET_BLOCK: srp.secretBlock,
        SRP_B: B.toString(16),
        USERNAME: user.userId,
        USER_ID_FOR_SRP: user.userId,
      },
    };
  };

  /** The claim a client that knows the password sends: checked exactly, as Cognito does. */
  const expectedSignature = (timestamp: string) => {
    if (!srp) throw refused('NotAuthorizedException', 'no SRP session');
    const u = BigInt(`0x${hexHash(padHex(srp.A) + padHex(srp.B))}`);
    const S = modPow((srp.A * modPow(verifier, u, N)) % N, srp.b, N);
    const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
      .update(Buffer.from(padHex(S), 'hex'))
      .digest();
    const key = createHmac('sha256', prk)
      .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
      .digest()
      .subarray(0, 16);
    return createHmac('sha256', key)
      .update(
        Buffer.concat([
          Buffer.from(poolName, 'utf8'),
          Buffer.from(user.userId, 'utf8'),
          Buffer.from(srp.secretBlock, 'base64'),
          Buffer.from(timestamp, 'utf8'),
        ]),
      )
      .digest('base64');
  };

  const respond = (input: SentCommand['input']) => {
    const responses = input.ChallengeResponses ?? {};
    if (input.ClientId !== clientId || responses.USERNAME !== user.userId) {
      throw refused('NotAuthorizedException', 'Incorrect username or password.');
    }
    if (input.ChallengeName === 'PASSWORD_VERIFIER') {
      if (responses.PASSWORD_CLAIM_SECRET_BLOCK !== srp?.secretBlock) throw refused('NotAuthorizedException', 'block');
      if (!/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d{2}:\d{2}:\d{2} UTC \d{4}$/.test(responses.TIMESTAMP ?? '')) {
        throw refused('InvalidParameterException', `timestamp ${responses.TIMESTAMP}`);
      }
      if (responses.PASSWORD_CLAIM_SIGNATURE !== expectedSignature(responses.TIMESTAMP ?? '')) {
        throw refused('NotAuthorizedException', 'Incorrect username or password.');
      }
      return nextAnswer();
    }
    const expected = scenario.shift();
    if (!expected || input.ChallengeName !== expected.challenge || input.Session !== session) {
      throw refused('NotAuthorizedException', 'Invalid session for the user.');
    }
    if (expected.challenge === 'NEW_PASSWORD_REQUIRED') newPassword = responses.NEW_PASSWORD;
    if (expected.challenge === 'SOFTWARE_TOKEN_MFA' && responses.SOFTWARE_TOKEN_MFA_CODE !== expected.code) {
      throw refused('CodeMismatchException', 'Invalid code received for user');
    }
    return nextAnswer();
  };

  const cognito: Sender = {
    async send(command: { constructor: { name: string }; input: SentCommand['input'] }) {
      sent.push({ name: command.constructor.name, input: command.input });
      if (command.constructor.name === 'InitiateAuthCommand') return initiateAuth(command.input);
      if (command.constructor.name === 'RespondToAuthChallengeCommand') return respond(command.input);
      throw new Error(`unexpected ${command.constructor.name}`);
    },
  };
  return { cognito, sent, newPassword: () => newPassword };
}
