/**
 * The identity contract (api.md): the claims handlers read and the scope every route requires. Cognito's
 * pre-token-generation trigger writes them into access tokens; the local token issuer writes the same.
 */

/** Identifier of the API's resource server; scopes are `<identifier>/<scope>`. */
export const RESOURCE_SERVER_IDENTIFIER = 'coworking';
/** The scope every API route requires. */
export const API_SCOPE_NAME = 'api';
export const API_SCOPE = `${RESOURCE_SERVER_IDENTIFIER}/${API_SCOPE_NAME}`;

export const ROLES = ['member', 'operator', 'admin'] as const;
export const OPERATOR_ROLES = ['full', 'staff', 'usage'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];
/** An operator account's status (004 §1-2 ②): an inactive account may not sign in, and its tokens are refused. */
export const OPERATOR_STATUSES = ['active', 'inactive'] as const;
export type OperatorStatus = (typeof OPERATOR_STATUSES)[number];
export type Role = (typeof ROLES)[number];

/** The custom claims of a token (and custom attributes of a Cognito user). */
export const CLAIMS = {
  role: 'custom:role',
  partnerId: 'custom:partnerId',
  operatorRole: 'custom:operatorRole',
} as const;

/** The user pool's id, given to the functions that manage operator sign-ins (route rows with `managesOperators`). */
export const USER_POOL_ID_ENV = 'USER_POOL_ID';
/** The group every operator's sign-in is in. */
export const OPERATOR_GROUP = 'operator';
