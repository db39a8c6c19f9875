import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { CLAIMS, OPERATOR_ROLES, type OperatorRole } from '../../contracts/auth';
import { ApiError } from './problems';
import type { Caller } from './route';

export type Identity =
  | { role: 'member'; memberId: string }
  | { role: 'operator'; operatorId: string; partnerId: string; operatorRole: OperatorRole }
  | { role: 'admin'; adminId: string };

/** The caller's identity, only ever from the verified token's claims. */
export function identityOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): Identity {
  const claims = event.requestContext?.authorizer?.jwt?.claims ?? {};
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  const role = claims[CLAIMS.role];
  if (!sub) throw new ApiError('UNAUTHENTICATED', 'A bearer token is required');
  switch (role) {
    case 'member':
      return { role: 'member', memberId: sub };
    case 'operator': {
      const partnerId = claims[CLAIMS.partnerId];
      const operatorRole = claims[CLAIMS.operatorRole];
      if (
        typeof partnerId !== 'string' ||
        typeof operatorRole !== 'string' ||
        !(OPERATOR_ROLES as readonly string[]).includes(operatorRole)
      ) {
        throw new ApiError('UNAUTHENTICATED', 'The operator token lacks its partner or role');
      }
      return { role: 'operator', operatorId: sub, partnerId, operatorRole: operatorRole as OperatorRole };
    }
    case 'admin':
      return { role: 'admin', adminId: sub };
    default:
      throw new ApiError('UNAUTHENTICATED', 'The token carries no known role');
  }
}

/** Refuses (403) a caller whose role may not call the route. */
export function authorize(identity: Identity, caller: Caller): void {
  if (identity.role !== caller.role) throw new ApiError('FORBIDDEN', `This route is for the ${caller.role} role`);
  if (
    identity.role === 'operator' &&
    caller.role === 'operator' &&
    !caller.operatorRoles.includes(identity.operatorRole)
  ) {
    throw new ApiError('FORBIDDEN', `Operator role ${identity.operatorRole} may not do this`);
  }
}

/** The member id of a member identity (routes for members only are authorized before this runs). */
export function memberIdOf(identity: Identity): string {
  if (identity.role !== 'member') throw new ApiError('FORBIDDEN', 'This route is for members');
  return identity.memberId;
}

/** The partner of an operator identity (operator routes are authorized before this runs). */
export function partnerIdOf(identity: Identity): string {
  if (identity.role !== 'operator') throw new ApiError('FORBIDDEN', 'This route is for operators');
  return identity.partnerId;
}
