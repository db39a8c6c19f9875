/**
 * Which claims and scopes an access token carries, from the user's attributes: the API reads the role,
 * and for operators their partner and operator role; every token gets the API scope.
 */

export interface TokenContents {
  claims: Record<string, string>;
  scopes: string[];
}

const ROLES = ['member', 'operator', 'admin'];
const OPERATOR_ROLES = ['full', 'staff', 'usage'];

/**
 * The access-token additions for a user's attributes. A user without a role is a member. An operator
 * without a valid partner and operator role gets no API scope, so the API refuses them (401) rather than
 * guessing their rights.
 */
export function accessTokenContents(
  attributes: Readonly<Record<string, string | undefined>>,
  names: { role: string; partnerId: string; operatorRole: string },
  apiScope: string,
): TokenContents {
  const role = attributes[names.role] ?? 'member';
  if (!ROLES.includes(role)) return { claims: {}, scopes: [] };
  if (role !== 'operator') return { claims: { [names.role]: role }, scopes: [apiScope] };
  const partnerId = attributes[names.partnerId];
  const operatorRole = attributes[names.operatorRole];
  if (!partnerId || !operatorRole || !OPERATOR_ROLES.includes(operatorRole)) return { claims: {}, scopes: [] };
  return {
    claims: { [names.role]: role, [names.partnerId]: partnerId, [names.operatorRole]: operatorRole },
    scopes: [apiScope],
  };
}
