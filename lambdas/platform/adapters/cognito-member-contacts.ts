import { CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { MemberContacts } from '../ports';

/** A member id is a `sub`: a UUID, nothing that could break out of the filter's quotes. */
const SUB = /^[A-Za-z0-9-]+$/;

/**
 * Members' addresses in the Cognito user pool `userPoolId`: `ListUsers` filtered to the user whose `sub` is the member
 * id (limit 1), its `email` attribute (`cognito-idp:ListUsers` on the pool, lib/constructs/notifications.ts). The client
 * is made on first use.
 */
export class CognitoMemberContacts implements MemberContacts {
  private client: CognitoIdentityProviderClient | undefined;

  constructor(
    private readonly userPoolId: string,
    private readonly endpoint?: string,
  ) {}

  async emailOf(memberId: string): Promise<string | undefined> {
    if (!SUB.test(memberId)) return undefined;
    this.client ??= new CognitoIdentityProviderClient(this.endpoint ? { endpoint: this.endpoint } : {});
    const { Users } = await this.client.send(
      new ListUsersCommand({
        UserPoolId: this.userPoolId,
        Filter: `sub = "${memberId}"`,
        Limit: 1,
        AttributesToGet: ['email'],
      }),
    );
    const email = Users?.[0]?.Attributes?.find((a) => a.Name === 'email')?.Value;
    return email || undefined;
  }
}
