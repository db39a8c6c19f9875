import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { CLAIMS, OPERATOR_GROUP } from '../../../contracts/auth';
import { type NewSignIn, type OperatorDirectory, type SignInState, SignInTaken } from '../ports';

const named = (error: unknown, ...names: string[]) => names.includes((error as Error | undefined)?.name ?? '');

/**
 * Operators' sign-ins in the Cognito user pool `userPoolId` (e-mail is the user name, the `sub` the operator's id):
 * AdminCreateUser with the role attributes (Cognito e-mails a temporary password and asks for a new one at the first
 * sign-in), then the operator group; AdminUpdateUserAttributes for a role; AdminEnableUser, or AdminDisableUser and
 * AdminUserGlobalSignOut for a status; AdminDeleteUser to undo a creation (the IAM actions of the rows with
 * `managesOperators`, lib/constructs/auth.ts). The client is made on first use.
 */
export class CognitoOperatorDirectory implements OperatorDirectory {
  private client: CognitoIdentityProviderClient | undefined;

  constructor(
    private readonly userPoolId: string,
    private readonly endpoint?: string,
  ) {}

  async create({ email, partnerId, operatorRole }: NewSignIn): Promise<{ operatorId: string }> {
    let attributes: { Name?: string; Value?: string }[] | undefined;
    try {
      const created = await this.cognito().send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: email,
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
            { Name: CLAIMS.role, Value: 'operator' },
            { Name: CLAIMS.partnerId, Value: partnerId },
            { Name: CLAIMS.operatorRole, Value: operatorRole },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      attributes = created.User?.Attributes;
    } catch (error) {
      if (named(error, 'UsernameExistsException', 'AliasExistsException')) throw new SignInTaken(email);
      throw error;
    }
    const operatorId = attributes?.find((a) => a.Name === 'sub')?.Value;
    if (!operatorId) throw new Error(`Cognito answered no sub for the new sign-in of ${email}`);
    try {
      await this.cognito().send(
        new AdminAddUserToGroupCommand({
          UserPoolId: this.userPoolId,
          Username: operatorId,
          GroupName: OPERATOR_GROUP,
        }),
      );
    } catch (error) {
      await this.remove(operatorId);
      throw error;
    }
    return { operatorId };
  }

  async update(operatorId: string, { operatorRole, status }: SignInState): Promise<void> {
    const user = { UserPoolId: this.userPoolId, Username: operatorId };
    await this.cognito().send(
      new AdminUpdateUserAttributesCommand({
        ...user,
        UserAttributes: [{ Name: CLAIMS.operatorRole, Value: operatorRole }],
      }),
    );
    if (status === 'active') {
      await this.cognito().send(new AdminEnableUserCommand(user));
      return;
    }
    await this.cognito().send(new AdminDisableUserCommand(user));
    await this.cognito().send(new AdminUserGlobalSignOutCommand(user));
  }

  async remove(operatorId: string): Promise<void> {
    try {
      await this.cognito().send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: operatorId }));
    } catch (error) {
      if (!named(error, 'UserNotFoundException')) throw error;
    }
  }

  private cognito(): CognitoIdentityProviderClient {
    this.client ??= new CognitoIdentityProviderClient(this.endpoint ? { endpoint: this.endpoint } : {});
    return this.client;
  }
}
