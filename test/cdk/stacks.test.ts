/**
 * Fine-grained assertions on the synthesized stacks of a stage, one synth per stage (bundling skipped).
 * Sections follow the constructs: table, user pool, HTTP API, stacks and their outputs (the door channel:
 * door-channel.test.ts; the timers: timers.test.ts; resource budgets: stack-budget.test.ts).
 */
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../contracts/table';
import { doorSettingsStackName } from '../../iot/provision';
import { type Route, routes, tableActionsOf } from '../../lambdas/routes';
import { STAGES } from '../../lib/config';
import { AUDIENCES, audienceOf, routeFunctionName, routeKeyOf, rowsOf } from '../../lib/constructs/api';
import {
  API_SCOPE,
  PASSWORD_POLICY,
  POST_CONFIRMATION_TABLE_ACTIONS,
  triggerFunctionName,
} from '../../lib/constructs/auth';
import { apiStackPart, STACK_PARTS, type StackPart, stackName } from '../../lib/stacks/stack-names';
import {
  actionList,
  asList,
  expectOnlyHandlerBase,
  flatten,
  functionNamed,
  functionStatements,
  handlerFunctionProps,
  onlyResource,
  propertiesOf,
  refTarget,
  type StackOutputRef,
  seenFrom,
  stackOfRow,
  synth,
  tableResourcesFor,
} from './helpers';

type Props = Record<string, unknown>;

describe.each(STAGES)('table (%s)', (stage) => {
  const template = synth(stage).templates.data;

  it('is one on-demand table keyed as the table definition says', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
  });

  it('has every GSI of the definition with ALL projection, and no other', () => {
    const [, table] = onlyResource(template, 'AWS::DynamoDB::Table');
    const props = table.Properties as {
      GlobalSecondaryIndexes: { IndexName: string; KeySchema: unknown; Projection: unknown }[];
      AttributeDefinitions: { AttributeName: string; AttributeType: string }[];
    };
    expect(props.GlobalSecondaryIndexes).toEqual(
      tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keyNames = [
      tableDefinition.partitionKey,
      tableDefinition.sortKey,
      ...tableDefinition.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
    ];
    expect(props.AttributeDefinitions).toHaveLength(keyNames.length);
    expect(props.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    );
  });

  if (stage === 'prod') {
    it('is retained and deletion-protected in prod', () => {
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      });
    });
  } else {
    it('is destroyed with the stack in dev', () => {
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Delete',
        UpdateReplacePolicy: 'Delete',
        Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
      });
    });
  }
});

describe.each(STAGES)('user pool (%s)', (stage) => {
  const { config } = synth(stage);
  const template = synth(stage).templates.data;
  const [tableId] = onlyResource(template, 'AWS::DynamoDB::Table');

  it('signs in by e-mail, members signing up themselves, with TOTP MFA offered', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: `${config.prefix}-users`,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: !config.userPool.selfSignUp },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  if (stage === 'prod') {
    it("e-mails users through SES, from the stage's verified domain in its own account and region", () => {
      const ses = config.userPool.ses;
      if (!ses) throw new Error('prod names no SES sender');
      const [, pool] = onlyResource(template, 'AWS::Cognito::UserPool');
      const email = (pool.Properties as { EmailConfiguration: Props }).EmailConfiguration;
      expect(email).toMatchObject({
        EmailSendingAccount: 'DEVELOPER',
        From: `${ses.fromName} <${ses.fromEmail}>`,
      });
      expect(flatten(email.SourceArn)).toBe(
        `arn:aws:ses:${ses.sesRegion}:${config.env.account}:identity/${ses.verifiedDomain}`,
      );
    });
  } else {
    it("e-mails users with Cognito's own e-mail", () => {
      expect(config.userPool.ses).toBeUndefined();
      const [, pool] = onlyResource(template, 'AWS::Cognito::UserPool');
      expect(pool.Properties).not.toHaveProperty('EmailConfiguration');
    });
  }

  it("requires passwords at least as strict as TIMEWORK's: 7+ characters, upper, lower, digit and symbol", () => {
    expect(PASSWORD_POLICY.minLength).toBeGreaterThanOrEqual(7);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: PASSWORD_POLICY.minLength,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it(`watches sign-ins with threat protection (${stage === 'prod' ? 'enforced' : 'audit only'})`, () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: stage === 'prod' ? 'ENFORCED' : 'AUDIT' },
    });
  });

  describe('triggers', () => {
    const [poolId, pool] = onlyResource(template, 'AWS::Cognito::UserPool');
    const lambdaConfig = (pool.Properties as { LambdaConfig: Props }).LambdaConfig;
    const preToken = functionNamed(template, triggerFunctionName(config.prefix, 'pre-token-generation'));
    const postConfirmation = functionNamed(template, triggerFunctionName(config.prefix, 'post-confirmation'));

    it('runs pre-token generation (event V2_0) and post-confirmation, nothing else', () => {
      expect(lambdaConfig).toEqual({
        PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [preToken, 'Arn'] }, LambdaVersion: 'V2_0' },
        PostConfirmation: { 'Fn::GetAtt': [postConfirmation, 'Arn'] },
      });
    });

    it('are handler functions; only post-confirmation knows the table', () => {
      const resources = template.toJSON().Resources;
      expect(resources[preToken].Properties).toMatchObject(handlerFunctionProps(config, {}));
      expect(resources[preToken].Properties.Environment.Variables).not.toHaveProperty('TABLE_NAME');
      expect(resources[postConfirmation].Properties).toMatchObject(
        handlerFunctionProps(config, { TABLE_NAME: { Ref: tableId } }),
      );
    });

    it('may be invoked by Cognito from this user pool only', () => {
      for (const fn of [preToken, postConfirmation]) {
        const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter(
          (p) => refTarget((p.Properties as Props).FunctionName) === fn,
        );
        expect(
          permissions.map((p) => p.Properties),
          fn,
        ).toEqual([
          {
            Action: 'lambda:InvokeFunction',
            FunctionName: { 'Fn::GetAtt': [fn, 'Arn'] },
            Principal: 'cognito-idp.amazonaws.com',
            SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
          },
        ]);
      }
    });

    it('give pre-token generation no grant, post-confirmation its profile writes on the table only', () => {
      expectOnlyHandlerBase(template, preToken, []);
      const dynamo = functionStatements(template, postConfirmation).filter((s) =>
        actionList(s.Action).some((a) => a.startsWith('dynamodb:')),
      );
      expect(dynamo).toHaveLength(1);
      expect(actionList(dynamo[0]?.Action)).toEqual([...POST_CONFIRMATION_TABLE_ACTIONS].sort());
      expect(asList(dynamo[0]?.Resource)).toEqual(tableResourcesFor(tableId, POST_CONFIRMATION_TABLE_ACTIONS));
      expect(asList(dynamo[0]?.Resource)).toHaveLength(1);
      expectOnlyHandlerBase(template, postConfirmation, dynamo);
    });
  });

  it('has the custom attributes the API reads, mutable strings', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith(
        ['role', 'partnerId', 'operatorRole'].map((name) =>
          Match.objectLike({ Name: name, AttributeDataType: 'String', Mutable: true }),
        ),
      ),
    });
  });

  it('has the member, operator and admin groups', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (g) => (g.Properties as { GroupName: string }).GroupName,
    );
    expect(groups.sort()).toEqual(['admin', 'member', 'operator']);
  });

  it('has a resource server with the API scope, allowed to the app client', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: API_SCOPE.split('/')[0],
      Scopes: [Match.objectLike({ ScopeName: API_SCOPE.split('/')[1] })],
    });
    const [serverId] = onlyResource(template, 'AWS::Cognito::UserPoolResourceServer');
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthScopes: Match.arrayWith([{ 'Fn::Join': ['', [{ Ref: serverId }, `/${API_SCOPE.split('/')[1]}`]] }]),
    });
  });

  it('does not let clients write the role attributes', () => {
    const [, client] = onlyResource(template, 'AWS::Cognito::UserPoolClient');
    const props = client.Properties as { WriteAttributes: string[]; ReadAttributes: string[] };
    expect(props.WriteAttributes.filter((a) => a.startsWith('custom:'))).toEqual([]);
    expect(props.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:role', 'custom:partnerId', 'custom:operatorRole']),
    );
    expect(refTarget((client.Properties as { UserPoolId: unknown }).UserPoolId)).toBe(
      onlyResource(template, 'AWS::Cognito::UserPool')[0],
    );
  });

  it(`is ${stage === 'prod' ? 'retained and deletion-protected' : 'destroyed with the stack'}`, () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: stage === 'prod' ? 'Retain' : 'Delete',
      Properties: Match.objectLike({ DeletionProtection: stage === 'prod' ? 'ACTIVE' : 'INACTIVE' }),
    });
  });
});

describe.each(STAGES)('HTTP API (%s)', (stage) => {
  const s = synth(stage);
  const { templates, config } = s;
  const data = templates.data;
  const [tableId] = onlyResource(data, 'AWS::DynamoDB::Table');
  const [apiId] = onlyResource(data, 'AWS::ApiGatewayV2::Api');
  const [authorizerId] = onlyResource(data, 'AWS::ApiGatewayV2::Authorizer');
  const apiParts = AUDIENCES.map(apiStackPart);
  /** Every API route with the stack it is in. */
  const apiRoutes = STACK_PARTS.flatMap((part) =>
    Object.values(templates[part].findResources('AWS::ApiGatewayV2::Route')).map((r) => ({
      part,
      props: r.Properties as Props,
    })),
  );

  /** Logical id of the function behind an API route (integration and function in the route's stack). */
  const functionBehind = (part: StackPart, route: Props): string => {
    const target = route.Target as { 'Fn::Join': [string, unknown[]] };
    const integrationId = refTarget(target['Fn::Join'][1][1]);
    const integration = propertiesOf(templates[part], integrationId);
    expect(integration).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    return refTarget(integration.IntegrationUri);
  };

  /** Logical id of the function named for a route row, in the row's stack. */
  const functionOf = (row: Route): string =>
    functionNamed(templates[stackOfRow(row)], routeFunctionName(config.prefix, row));

  /** The data stack's `value` as the row's stack refers to it. */
  const fromData = (row: Route, value: unknown) => seenFrom(s, stackOfRow(row), 'data', value);

  it('puts member rows in the member API stack, operator and admin rows in the partner and back-office API stack', () => {
    expect(AUDIENCES).toEqual(['member', 'partner']);
    for (const row of routes) {
      expect(audienceOf(row), row.id).toBe(row.caller.role === 'member' ? 'member' : 'partner');
      expect(stackOfRow(row), row.id).toBe(row.caller.role === 'member' ? 'memberApi' : 'partnerApi');
    }
    expect(rowsOf('partner', routes).map((r) => r.id)).toEqual([
      'record-purchase',
      'list-booking-requests',
      'approve-booking-request',
      'reject-booking-request',
      'list-operator-facilities',
      'get-operator-facility',
      'edit-facility',
      'new-photo',
      'delete-photo',
      'get-operator-space',
      'edit-space',
      'create-space',
      'get-space-calendar',
      'set-space-hours',
      'put-special-day',
      'add-closure',
      'delete-special-day',
      'delete-closure',
      'set-congestion',
      'check-in-by-ticket',
      'get-current-usage',
      'list-usage-visits',
      'list-usage-guests',
      'list-usage-reservations',
      'get-qr-poster',
      'list-sales',
      'get-sales-summary',
      'create-facility',
      'create-open-space',
      'set-doors',
      'create-company',
      'get-company',
      'edit-company',
      'record-agreed-extension',
      'correct-visit',
      'list-operator-accounts',
      'create-operator-account',
      'get-operator-account',
      'edit-operator-account',
      'get-partner-profile',
      'edit-partner-profile',
      'create-partner',
      'record-company-payment',
      'record-partner-offset',
      'mark-payment-notice-paid',
      'list-payment-notices',
      'get-payment-notice',
      'list-payment-notice-lines',
      'list-payment-notice-offsets',
      'request-export',
      'get-export',
    ]);
    for (const audience of AUDIENCES) {
      const part = apiStackPart(audience);
      const keys = apiRoutes.filter((r) => r.part === part).map((r) => r.props.RouteKey);
      expect(keys.sort(), part).toEqual(rowsOf(audience, routes).map(routeKeyOf).sort());
    }
  });

  it('has one API route per row of the route table, with its route key, all on the one HTTP API', () => {
    expect(apiRoutes).toHaveLength(routes.length);
    expect(apiRoutes.every((r) => apiParts.includes(r.part))).toBe(true);
    const keys = apiRoutes.map((r) => r.props.RouteKey);
    expect(keys.sort()).toEqual(routes.map(routeKeyOf).sort());
    expect(keys).toContain('GET /v1/facilities');
    for (const part of STACK_PARTS) {
      templates[part].resourceCountIs('AWS::ApiGatewayV2::Api', part === 'data' ? 1 : 0);
    }
    for (const r of apiRoutes) expect(r.props.ApiId).toEqual(seenFrom(s, r.part, 'data', { Ref: apiId }));
  });

  it('has one function per row, and each API route invokes its own', () => {
    const behind = apiRoutes.map((r) => `${r.part}/${functionBehind(r.part, r.props)}`);
    expect(new Set(behind).size).toBe(routes.length);
    for (const row of routes) {
      const route = apiRoutes.find((r) => r.props.RouteKey === routeKeyOf(row));
      expect(route?.part, row.id).toBe(stackOfRow(row));
      expect(functionBehind(stackOfRow(row), route?.props as Props), row.id).toBe(functionOf(row));
    }
  });

  it('lets API Gateway invoke each route function from this API only', () => {
    for (const row of routes) {
      const template = templates[stackOfRow(row)];
      const fn = functionOf(row);
      const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter(
        (p) => refTarget((p.Properties as Props).FunctionName) === fn,
      );
      expect(permissions, row.id).toHaveLength(1);
      const permission = permissions[0]?.Properties as Props;
      expect(permission, row.id).toMatchObject({
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
      });
      const source = flatten(permission.SourceArn);
      expect(source, row.id).toBe(
        `arn:aws:execute-api:${config.env.region}:${config.env.account ?? '{AWS::AccountId}'}:` +
          `${flatten(fromData(row, { Ref: apiId }))}/*/*${row.path}`,
      );
    }
  });

  it('protects every route with the one Cognito JWT authorizer and the API scope', () => {
    for (const part of STACK_PARTS) {
      templates[part].resourceCountIs('AWS::ApiGatewayV2::Authorizer', part === 'data' ? 1 : 0);
    }
    data.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      Name: `${config.prefix}-jwt`,
      ApiId: { Ref: apiId },
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: onlyResource(data, 'AWS::Cognito::UserPoolClient')[0] }],
        Issuer: {
          'Fn::Join': [
            '',
            [
              `https://cognito-idp.${config.env.region}.`,
              { Ref: 'AWS::URLSuffix' },
              '/',
              { Ref: onlyResource(data, 'AWS::Cognito::UserPool')[0] },
            ],
          ],
        },
      },
    });
    for (const r of apiRoutes) {
      expect(r.props).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: seenFrom(s, r.part, 'data', { Ref: authorizerId }),
        AuthorizationScopes: [API_SCOPE],
      });
    }
  });

  it('runs every route function like every handler: runtime, arm64, traced, with the handler environment', () => {
    for (const row of routes) {
      expect(propertiesOf(templates[stackOfRow(row)], functionOf(row)), row.id).toMatchObject(
        handlerFunctionProps(config, { TABLE_NAME: fromData(row, { Ref: tableId }) }),
      );
    }
  });

  /** Every statement a route function's role grants. */
  const statementsOf = (row: Route): Props[] => functionStatements(templates[stackOfRow(row)], functionOf(row), s);

  it("grants each function exactly its route's table actions, on the indexes only when it queries", () => {
    for (const row of routes) {
      const dynamo = statementsOf(row).filter((st) => actionList(st.Action).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo, row.id).toHaveLength(1);
      expect(actionList(dynamo[0]?.Action), row.id).toEqual([...tableActionsOf(row)].sort());
      expect(dynamo[0]?.Effect, row.id).toBe('Allow');
      const tableArn = fromData(row, { 'Fn::GetAtt': [tableId, 'Arn'] }) as StackOutputRef;
      expect(asList(dynamo[0]?.Resource), row.id).toEqual(tableResourcesFor(tableArn, tableActionsOf(row)));
    }
  });

  it("lets every operator route read its caller's account (the identity step), on top of its row's actions", () => {
    for (const row of routes) {
      const actions = tableActionsOf(row);
      expect(actions, row.id).toEqual(expect.arrayContaining([...row.tableActions]));
      if (row.caller.role === 'operator') expect(actions, row.id).toContain('dynamodb:GetItem');
      else expect(actions, row.id).toEqual(row.tableActions);
    }
  });

  it('grants a route function nothing else than its table actions, unlocks, timers, photos, exports, operators and the ticket key as its row says, logs and traces', () => {
    for (const row of routes) {
      const own = statementsOf(row).filter((st) =>
        actionList(st.Action).some((a) => /^(dynamodb|iot|states|s3|cognito-idp|secretsmanager):/.test(a)),
      );
      const services = new Set(own.flatMap((st) => actionList(st.Action).map((a) => a.split(':')[0])));
      expect([...services].sort(), row.id).toEqual(
        [
          'dynamodb',
          ...(row.publishesUnlocks ? ['iot'] : []),
          ...(row.startsTimers ? ['states'] : []),
          ...(row.storesPhotos || row.readsExports ? ['s3'] : []),
          ...(row.managesOperators ? ['cognito-idp'] : []),
          ...(row.signsTickets ? ['secretsmanager'] : []),
        ].sort(),
      );
      expectOnlyHandlerBase(templates[stackOfRow(row)], functionOf(row), own, s);
    }
  });

  it('keeps grants in the role: no IAM policy resource in the API stacks', () => {
    for (const part of apiParts) templates[part].resourceCountIs('AWS::IAM::Policy', 0);
  });

  it('gives route functions no wildcard actions', () => {
    for (const row of routes) {
      for (const statement of statementsOf(row)) {
        for (const action of actionList(statement.Action)) expect(action, row.id).not.toContain('*');
      }
    }
  });

  it(`keeps function logs ${config.logs.retentionDays} days, each in its own log group named by CloudFormation`, () => {
    for (const row of routes) {
      const template = templates[stackOfRow(row)];
      const fn = propertiesOf(template, functionOf(row));
      const logGroupId = refTarget((fn.LoggingConfig as Props).LogGroup);
      expect(propertiesOf(template, logGroupId), row.id).toEqual({ RetentionInDays: stage === 'prod' ? 365 : 14 });
    }
  });

  it('throttles the default stage and writes JSON access logs with the stage retention', () => {
    for (const part of STACK_PARTS) {
      templates[part].resourceCountIs('AWS::ApiGatewayV2::Stage', part === 'data' ? 1 : 0);
    }
    const [, stageResource] = onlyResource(data, 'AWS::ApiGatewayV2::Stage');
    const props = stageResource.Properties as Props;
    expect(props).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      ApiId: { Ref: apiId },
      DefaultRouteSettings:
        stage === 'prod'
          ? { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 }
          : { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
    const access = props.AccessLogSettings as { DestinationArn: unknown; Format: string };
    const logGroupId = refTarget(access.DestinationArn);
    expect(propertiesOf(data, logGroupId).RetentionInDays).toBe(config.logs.retentionDays);
    expect(JSON.parse(access.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  it('allows CORS from the stage origins only', () => {
    data.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [...config.api.corsOrigins],
        AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'idempotency-key']),
        // the version of an editable resource, the file name of a CSV answer
        ExposeHeaders: ['etag', 'content-disposition'],
      }),
    });
    expect(config.api.corsOrigins).not.toContain('*');
  });
});

describe.each(STAGES)('stacks (%s)', (stage) => {
  const s = synth(stage);
  const { stacks, templates, config } = s;
  const data = templates.data;

  it('are data, async, member API, partner API and operations, named Coworking-<stage>-<Part>, in the stage region', () => {
    expect(STACK_PARTS.map((part) => stacks[part].stackName)).toEqual([
      `Coworking-${stage}-Data`,
      `Coworking-${stage}-Async`,
      `Coworking-${stage}-MemberApi`,
      `Coworking-${stage}-PartnerApi`,
      `Coworking-${stage}-Operations`,
    ]);
    for (const part of STACK_PARTS) {
      expect(stacks[part].stackName).toBe(stackName(stage, part));
      expect(stacks[part].region, part).toBe(config.env.region);
    }
  });

  it('depend one way: data, then async, then the API stacks (not on each other); operations on data and async only', () => {
    const dependsOn = (part: StackPart) =>
      stacks[part].dependencies.map((d) => STACK_PARTS.find((p) => stacks[p] === d)).sort();
    expect(dependsOn('data')).toEqual([]);
    expect(dependsOn('async')).toEqual(['data']);
    expect(dependsOn('memberApi')).toEqual(['async', 'data']);
    expect(dependsOn('partnerApi')).toEqual(['async', 'data']);
    // the dashboard watches functions by name (operations-stack.ts)
    expect(dependsOn('operations')).toEqual(['async', 'data']);
  });

  it('output the API URL, user pool, client, table, photos bucket and alarm topic (data), the door policy, IoT endpoint and exports bucket (async), the dashboard (operations)', () => {
    const outputsOf = (part: StackPart) =>
      (templates[part].toJSON().Outputs ?? {}) as Record<string, { Value: unknown; Export?: unknown }>;
    const named = (part: StackPart) =>
      Object.entries(outputsOf(part))
        .filter(([name]) => !name.startsWith('PublishOutput'))
        .map(([name]) => name)
        .sort();
    expect(named('data')).toEqual([
      'AlarmTopicArn',
      'ApiUrl',
      'PhotosBucketName',
      'TableName',
      'UserPoolClientId',
      'UserPoolId',
    ]);
    expect(named('async')).toEqual(['DoorPolicyName', 'ExportsBucketName', 'IotDataEndpoint']);
    expect(outputsOf('async').ExportsBucketName?.Value).toEqual({
      Ref: Stack.of(stacks.async.exports.bucket).getLogicalId(
        stacks.async.exports.bucket.node.defaultChild as CfnElement,
      ),
    });
    expect(named('memberApi')).toEqual([]);
    expect(named('partnerApi')).toEqual([]);
    expect(named('operations')).toEqual(['DashboardName']);
    const outputs = outputsOf('data');
    expect(outputs.TableName?.Value).toEqual({ Ref: onlyResource(data, 'AWS::DynamoDB::Table')[0] });
    expect(outputs.UserPoolId?.Value).toEqual({ Ref: onlyResource(data, 'AWS::Cognito::UserPool')[0] });
    expect(outputs.UserPoolClientId?.Value).toEqual({ Ref: onlyResource(data, 'AWS::Cognito::UserPoolClient')[0] });
    expect(JSON.stringify(outputs.ApiUrl?.Value)).toContain(`.execute-api.${config.env.region}.`);
    expect(outputs.AlarmTopicArn?.Value).toEqual({ Ref: onlyResource(data, 'AWS::SNS::Topic')[0] });
    expect(outputs.PhotosBucketName?.Value).toEqual({
      Ref: data.getResourceId('AWS::S3::Bucket', { Properties: { VersioningConfiguration: { Status: 'Enabled' } } }),
    });
    expect(outputsOf('operations').DashboardName?.Value).toEqual({
      Ref: onlyResource(templates.operations, 'AWS::CloudWatch::Dashboard')[0],
    });
  });

  it('tells door provisioning the stack that outputs the door settings', () => {
    expect(doorSettingsStackName(stage)).toBe(stackName(stage, 'async'));
  });

  it('has no Lambda function besides the route functions, the door-event function, the outbox consumer, the step functions, the Cognito triggers and the endpoint lookup', () => {
    const idOf = (fn: IConstruct) => Stack.of(fn).getLogicalId(fn.node.defaultChild as CfnElement);
    const functionsIn = (part: StackPart) => Object.keys(templates[part].findResources('AWS::Lambda::Function')).sort();
    for (const audience of AUDIENCES) {
      const { api } = audience === 'member' ? stacks.memberApi : stacks.partnerApi;
      expect([...api.functions.keys()]).toEqual(rowsOf(audience, routes).map((r) => r.id));
      expect(functionsIn(apiStackPart(audience))).toEqual([...api.functions.values()].map(idOf).sort());
    }
    const triggers = [stacks.data.auth.preTokenGenerationFunction, stacks.data.auth.postConfirmationFunction];
    expect(functionsIn('data')).toEqual(triggers.map(idOf).sort());
    const { doorChannel, timers, notifications } = stacks.async;
    expect([...timers.stepFunctions.keys()]).toEqual([
      'close-stay',
      'expire-request',
      'end-visit',
      'send-reminder',
      'run-export',
      'fail-export',
      'sweep-stays',
      'sweep-visits',
      'settle-periods',
    ]);
    // the singleton provider behind the data-endpoint custom resource (AwsCustomResource)
    const [, endpoint] = onlyResource(templates.async, 'Custom::IotDataEndpoint');
    const provider = refTarget(endpoint.Properties?.ServiceToken);
    const asyncFunctions = [
      idOf(doorChannel.doorEventFunction),
      idOf(notifications.consumer),
      ...[...timers.stepFunctions.values()].map(idOf),
      provider,
    ];
    expect(functionsIn('async')).toEqual(asyncFunctions.sort());
    expect(functionsIn('operations')).toEqual([]);
  });
});
