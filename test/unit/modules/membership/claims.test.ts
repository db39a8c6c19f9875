import { describe, expect, it } from 'vitest';
import { API_SCOPE, CLAIMS } from '../../../../contracts/auth';
import { accessTokenContents } from '../../../../lambdas/modules/membership/rules/claims';

const contents = (attributes: Record<string, string>) => accessTokenContents(attributes, CLAIMS, API_SCOPE);

describe('accessTokenContents', () => {
  it.each([
    ['a member', { 'custom:role': 'member' }, { 'custom:role': 'member' }, [API_SCOPE]],
    ['a user without a role (a member)', {}, { 'custom:role': 'member' }, [API_SCOPE]],
    ['an admin', { 'custom:role': 'admin' }, { 'custom:role': 'admin' }, [API_SCOPE]],
    [
      'an operator',
      { 'custom:role': 'operator', 'custom:partnerId': 'partner-tw', 'custom:operatorRole': 'staff' },
      { 'custom:role': 'operator', 'custom:partnerId': 'partner-tw', 'custom:operatorRole': 'staff' },
      [API_SCOPE],
    ],
    ['an operator without a partner', { 'custom:role': 'operator', 'custom:operatorRole': 'full' }, {}, []],
    [
      'an operator with an unknown role',
      { 'custom:role': 'operator', 'custom:partnerId': 'p', 'custom:operatorRole': 'boss' },
      {},
      [],
    ],
    ['an unknown role', { 'custom:role': 'root' }, {}, []],
  ])('%s', (_, attributes, claims, scopes) => {
    expect(contents(attributes)).toEqual({ claims, scopes });
  });
});
