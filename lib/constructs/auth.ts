import { Duration, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  OAuthScope,
  ResourceServerScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
  UserPoolOperation,
  type UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { API_SCOPE, API_SCOPE_NAME, RESOURCE_SERVER_IDENTIFIER } from '../../schemas/auth';
import type { StageConfig } from '../config';

export { API_SCOPE, API_SCOPE_NAME, RESOURCE_SERVER_IDENTIFIER } from '../../schemas/auth';

/** Groups, highest precedence first. */
export const USER_GROUPS = [
  { name: 'admin', precedence: 0 },
  { name: 'operator', precedence: 10 },
  { name: 'member', precedence: 20 },
] as const;

/** Props of {@link Auth}. */
export interface AuthProps {
  /** Stage settings: names, removal policy, deletion protection, OAuth callback URLs. */
  readonly config: StageConfig;
  /**
   * Pre-token-generation trigger (event version V2_0). Needed for tokens obtained through SRP or
   * password sign-in: it can add the API scope and the `custom:*` claims to the access token.
   * @default - none
   */
  readonly preTokenGeneration?: IFunction;
}

/**
 * Cognito user pool for members, operators and admins: e-mail sign-in, the custom attributes the API
 * reads (`custom:role`, `custom:partnerId`, `custom:operatorRole`), groups, an app client and a
 * resource server whose scope the API's JWT authorizer requires.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly resourceServer: UserPoolResourceServer;
  /** JWT issuer: `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
  readonly issuerUrl: string;
  /** The scope the API requires, `coworking/api`. */
  readonly apiScope: string = API_SCOPE;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const { prefix, userPool: settings } = props.config;

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${prefix}-users`,
      featurePlan: FeaturePlan.ESSENTIALS,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        role: new StringAttribute({ minLen: 1, maxLen: 16, mutable: true }),
        partnerId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        operatorRole: new StringAttribute({ minLen: 1, maxLen: 16, mutable: true }),
      },
      passwordPolicy: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: settings.deletionProtection,
      removalPolicy: settings.removalPolicy,
    });

    if (props.preTokenGeneration) {
      this.userPool.addTrigger(
        UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
        props.preTokenGeneration,
        LambdaVersion.V2_0,
      );
    }

    for (const group of USER_GROUPS) {
      new UserPoolGroup(this, `Group-${group.name}`, {
        userPool: this.userPool,
        groupName: group.name,
        precedence: group.precedence,
      });
    }

    const apiScope = new ResourceServerScope({ scopeName: API_SCOPE_NAME, scopeDescription: 'Call the coworking API' });
    this.resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier: RESOURCE_SERVER_IDENTIFIER,
      userPoolResourceServerName: `${prefix}-api`,
      scopes: [apiScope],
    });

    // Clients may read the role attributes but never write them: only admins (AdminUpdateUserAttributes) set roles.
    const readAttributes = new ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true })
      .withCustomAttributes('role', 'partnerId', 'operatorRole');
    const writeAttributes = new ClientAttributes().withStandardAttributes({ email: true });

    this.userPoolClient = this.userPool.addClient('AppClient', {
      userPoolClientName: `${prefix}-app`,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.resourceServer(this.resourceServer, apiScope)],
        callbackUrls: [...settings.oauthCallbackUrls],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes,
      writeAttributes,
    });

    const stack = Stack.of(this);
    this.issuerUrl = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
  }
}
