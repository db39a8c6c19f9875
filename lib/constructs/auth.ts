import { Duration, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolEmail,
  UserPoolGroup,
  UserPoolOperation,
  type UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import {
  API_SCOPE,
  API_SCOPE_NAME,
  OPERATOR_GROUP,
  RESOURCE_SERVER_IDENTIFIER,
  USER_POOL_ID_ENV,
} from '../../contracts/auth';
import type { TableAction } from '../../lambdas/routes';
import { POST_CONFIRMATION_ENTRY, PRE_TOKEN_GENERATION_ENTRY } from '../../lambdas/routes';
import type { StageConfig } from '../config';
import { createHandlerFunction } from './handler-function';
import { tableAccessStatement } from './table';

export { API_SCOPE, API_SCOPE_NAME, RESOURCE_SERVER_IDENTIFIER } from '../../contracts/auth';

/** Groups, highest precedence first. */
export const USER_GROUPS = [
  { name: 'admin', precedence: 0 },
  { name: OPERATOR_GROUP, precedence: 10 },
  { name: 'member', precedence: 20 },
] as const;

/**
 * The password policy: at least as strict as TIMEWORK's (7 characters with upper- and lower-case letters, a
 * digit and a symbol), one character longer as cdk-nag's AwsSolutions-COG1 asks.
 */
export const PASSWORD_POLICY = {
  minLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

/**
 * What the operator directory (lambdas/platform/adapters/cognito-operator-directory.ts) calls, on the user pool only:
 * a new operator's sign-in and its group, its role and status, undoing a creation.
 */
export const OPERATOR_DIRECTORY_ACTIONS = [
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminUserGlobalSignOut',
] as const;

/** Physical name of a Cognito trigger's function. */
export const triggerFunctionName = (prefix: string, trigger: 'pre-token-generation' | 'post-confirmation'): string =>
  `${prefix}-auth-${trigger}`;

/**
 * Table actions of the post-confirmation trigger: whether the profile exists, the next member number (a
 * counter), the profile itself. On the table only: it queries no index.
 */
export const POST_CONFIRMATION_TABLE_ACTIONS: readonly TableAction[] = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
];

/** Props of {@link Auth}. */
export interface AuthProps {
  /**
   * Stage settings: names, removal policy, deletion protection, OAuth callback URLs, sign-up, threat protection, and
   * the SES sender of the pool's e-mail (Cognito's own e-mail without one).
   */
  readonly config: StageConfig;
  /** The single table, where the post-confirmation trigger writes member profiles. */
  readonly table: ITable;
}

/**
 * Cognito user pool for members, operators and admins (Plus feature plan, with threat protection): e-mail
 * sign-in (its messages sent through SES where the stage names a sender), a strong password policy, optional TOTP
 * MFA, the custom attributes the API reads (`custom:role`, `custom:partnerId`, `custom:operatorRole`), groups, an
 * app client and a resource server whose scope the API's JWT authorizer requires. Two triggers, made with the
 * handler-function factory: pre-token generation (V2_0: the role claims and the API scope into access tokens) and
 * post-confirmation (a member's profile). The triggers' roles name nothing of the pool (the pool refers to the
 * functions, not the other way round).
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  /** Puts the role claims and the API scope into access tokens (event version V2_0). */
  readonly preTokenGenerationFunction: NodejsFunction;
  /** Creates the profile of a member who confirmed their sign-up. */
  readonly postConfirmationFunction: NodejsFunction;
  readonly userPoolClient: UserPoolClient;
  readonly resourceServer: UserPoolResourceServer;
  /** JWT issuer: `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
  readonly issuerUrl: string;
  /** The scope the API requires, `coworking/api`. */
  readonly apiScope: string = API_SCOPE;
  /** {@link OPERATOR_DIRECTORY_ACTIONS} on {@link userPool}; one for every function that manages operators. */
  readonly manageOperatorsPolicy: ManagedPolicy;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const { prefix, userPool: settings } = props.config;

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `${prefix}-users`,
      // Plus: threat protection (risky sign-ins, compromised credentials) for accounts that open doors; it also
      // allows access-token customization, which the V2_0 pre-token-generation trigger needs
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: settings.threatProtection,
      selfSignUpEnabled: settings.selfSignUp,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        role: new StringAttribute({ minLen: 1, maxLen: 16, mutable: true }),
        partnerId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        operatorRole: new StringAttribute({ minLen: 1, maxLen: 16, mutable: true }),
      },
      passwordPolicy: { ...PASSWORD_POLICY, tempPasswordValidity: Duration.days(3) },
      // offered, not required: see the AwsSolutions-COG2 acknowledgement (lib/nag-acknowledgements.ts)
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // sign-up codes, invitations and password resets: through SES where the stage names a sender (Cognito's own
      // e-mail allows a few dozen a day, for trials only)
      email: settings.ses
        ? UserPoolEmail.withSES({
            fromEmail: settings.ses.fromEmail,
            fromName: settings.ses.fromName,
            sesVerifiedDomain: settings.ses.verifiedDomain,
            sesRegion: settings.ses.sesRegion,
          })
        : undefined,
      deletionProtection: settings.deletionProtection,
      removalPolicy: settings.removalPolicy,
    });

    this.preTokenGenerationFunction = createHandlerFunction(this, 'PreTokenGeneration', {
      config: props.config,
      functionName: triggerFunctionName(prefix, 'pre-token-generation'),
      description: `Cognito pre-token generation: role claims and API scope in access tokens (${props.config.stage})`,
      entry: PRE_TOKEN_GENERATION_ENTRY,
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preTokenGenerationFunction,
      LambdaVersion.V2_0,
    );

    this.postConfirmationFunction = createHandlerFunction(this, 'PostConfirmation', {
      config: props.config,
      functionName: triggerFunctionName(prefix, 'post-confirmation'),
      description: `Cognito post-confirmation: a member's profile (${props.config.stage})`,
      entry: POST_CONFIRMATION_ENTRY,
      table: props.table,
    });
    this.postConfirmationFunction.addToRolePolicy(
      tableAccessStatement('PostConfirmationTableAccess', props.table, POST_CONFIRMATION_TABLE_ACTIONS),
    );
    this.userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, this.postConfirmationFunction);

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

    this.manageOperatorsPolicy = new ManagedPolicy(this, 'ManageOperators', {
      description: `Make, change and disable operators' sign-ins in the user pool (${props.config.stage})`,
      statements: [
        new PolicyStatement({
          sid: 'ManageOperators',
          effect: Effect.ALLOW,
          actions: [...OPERATOR_DIRECTORY_ACTIONS],
          resources: [this.userPool.userPoolArn],
        }),
      ],
    });

    const stack = Stack.of(this);
    this.issuerUrl = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
  }

  /**
   * Gives `fn` the user pool's id (`USER_POOL_ID`) and attaches {@link manageOperatorsPolicy} to its role.
   * @throws Error when `fn` has no role
   */
  allowManagingOperators(fn: LambdaFunction): void {
    if (!fn.role) throw new Error(`${fn.node.path}: no role to attach the operator managing policy to`);
    fn.addEnvironment(USER_POOL_ID_ENV, this.userPool.userPoolId);
    fn.role.addManagedPolicy(this.manageOperatorsPolicy);
  }
}

export { POST_CONFIRMATION_ENTRY, PRE_TOKEN_GENERATION_ENTRY };
