/**
 * Local stand-in for Cognito tokens: HS256 JWTs signed with a local secret. Carries the same claims the
 * API Gateway JWT authorizer passes on in the cloud (api.md).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { API_SCOPE, CLAIMS } from '../../contracts/auth';

export const LOCAL_ISSUER = 'coworking-local';
export const LOCAL_SCOPE = API_SCOPE;
const DEFAULT_SECRET = 'local-development-only-secret';
const LIFETIME_SECONDS = 30 * 24 * 3600;

export interface TokenSubject {
  sub: string;
  role: 'member' | 'operator' | 'admin';
  partnerId?: string;
  operatorRole?: 'full' | 'staff' | 'usage';
}

export type Claims = Record<string, string | number>;

const secret = () => process.env.LOCAL_TOKEN_SECRET ?? DEFAULT_SECRET;
const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const sign = (input: string) => createHmac('sha256', secret()).update(input).digest();

/** A token the local gateway accepts. Expiry is wall-clock time: tokens are not domain time. */
export function issueToken(subject: TokenSubject, issuedAtSeconds = Math.floor(Date.now() / 1000)): string {
  const claims: Claims = {
    iss: LOCAL_ISSUER,
    sub: subject.sub,
    scope: LOCAL_SCOPE,
    [CLAIMS.role]: subject.role,
    ...(subject.partnerId ? { [CLAIMS.partnerId]: subject.partnerId } : {}),
    ...(subject.operatorRole ? { [CLAIMS.operatorRole]: subject.operatorRole } : {}),
    iat: issuedAtSeconds,
    exp: issuedAtSeconds + LIFETIME_SECONDS,
  };
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
  return `${head}.${b64url(sign(head))}`;
}

/** The claims of a valid token (signature, issuer, scope, expiry), or undefined. */
export function verifyToken(token: string, nowSeconds = Math.floor(Date.now() / 1000)): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head, body, signature] = parts as [string, string, string];
  const expected = sign(`${head}.${body}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Claims;
    if (header.alg !== 'HS256' || claims.iss !== LOCAL_ISSUER) return undefined;
    if (
      !String(claims.scope ?? '')
        .split(' ')
        .includes(LOCAL_SCOPE)
    )
      return undefined;
    if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}
