import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { API_SCOPE, CLAIMS } from '../../../../contracts/auth';
import { accessTokenContents } from '../rules/claims';

/**
 * Cognito pre-token-generation trigger (V2): puts the role claims and the API scope into the access
 * token, which is what the API's JWT authorizer accepts (an ID token carries no scope).
 */
export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  const { claims, scopes } = accessTokenContents(event.request.userAttributes, CLAIMS, API_SCOPE);
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: { claimsToAddOrOverride: claims, scopesToAdd: scopes },
    },
  };
  return event;
};
