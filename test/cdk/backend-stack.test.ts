/**
 * Fine-grained assertions on the synthesized backend stack, one synth per stage (bundling skipped).
 * Sections follow the constructs: table, user pool, HTTP API, stack outputs (the door channel: door-channel.test.ts).
 */
import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../contracts/table';
import { routes } from '../../lambdas/routes';
import { STAGES } from '../../lib/config';
import { routeFunctionName, routeKeyOf } from '../../lib/constructs/api';
import {
  API_SCOPE,
  PASSWORD_POLICY,
  POST_CONFIRMATION_TABLE_ACTIONS,
  triggerFunctionName,
} from '../../lib/constructs/auth';
import {
  actionList,
  asList,
  expectOnlyHandlerBase,
  functionNamed,
  functionStatements,
  handlerFunctionProps,
  onlyResource,
  refTarget,
  synth,
  tableResourcesFor,
} from './helpers';

type Props = Record<string, unknown>;

describe.each(STAGES)('table (%s)', (stage) => {
  const { template } = synth(stage);

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
  const { template, config } = synth(stage);
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
  const { template, config } = synth(stage);
  const [tableId] = onlyResource(template, 'AWS::DynamoDB::Table');
  const [apiId] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
  const [authorizerId] = onlyResource(template, 'AWS::ApiGatewayV2::Authorizer');
  const apiRoutes = template.findResources('AWS::ApiGatewayV2::Route');
  const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
  const functions = template.findResources('AWS::Lambda::Function');

  /** Logical id of the function behind an API route. */
  const functionBehind = (route: Props): string => {
    const target = route.Target as { 'Fn::Join': [string, unknown[]] };
    const integrationId = refTarget(target['Fn::Join'][1][1]);
    const integration = integrations[integrationId]?.Properties as Props;
    return refTarget(integration.IntegrationUri);
  };

  /** Logical id of the function named for a route row. */
  const functionOf = (routeId: string): string => {
    const name = routeFunctionName(config.prefix, routes.find((r) => r.id === routeId) as (typeof routes)[number]);
    const ids = Object.entries(functions)
      .filter(([, f]) => (f.Properties as Props).FunctionName === name)
      .map(([id]) => id);
    expect(ids, name).toHaveLength(1);
    return ids[0] as string;
  };

  /** Properties of the function named for a route row. */
  const functionProps = (routeId: string): Props => {
    const fn = functions[functionOf(routeId)];
    if (!fn?.Properties) throw new Error(`no function for ${routeId}`);
    return fn.Properties as Props;
  };

  it('has one API route per row of the route table, with its route key', () => {
    expect(Object.keys(apiRoutes)).toHaveLength(routes.length);
    const keys = Object.values(apiRoutes).map((r) => (r.Properties as Props).RouteKey);
    expect(keys.sort()).toEqual(routes.map(routeKeyOf).sort());
    expect(keys).toContain('GET /v1/facilities');
    for (const r of Object.values(apiRoutes)) {
      expect(refTarget((r.Properties as Props).ApiId)).toBe(apiId);
    }
  });

  it('has one function per row, and each API route invokes its own', () => {
    const behind = Object.values(apiRoutes).map((r) => functionBehind(r.Properties as Props));
    expect(new Set(behind).size).toBe(routes.length);
    for (const row of routes) {
      const route = Object.values(apiRoutes).find((r) => (r.Properties as Props).RouteKey === routeKeyOf(row));
      expect(functionBehind(route?.Properties as Props), row.id).toBe(functionOf(row.id));
    }
    for (const id of Object.values(integrations)) {
      expect(id.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    }
  });

  it('protects every route with the Cognito JWT authorizer and the API scope', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: onlyResource(template, 'AWS::Cognito::UserPoolClient')[0] }],
        Issuer: {
          'Fn::Join': [
            '',
            [
              `https://cognito-idp.${config.env.region}.`,
              { Ref: 'AWS::URLSuffix' },
              '/',
              { Ref: onlyResource(template, 'AWS::Cognito::UserPool')[0] },
            ],
          ],
        },
      },
    });
    for (const r of Object.values(apiRoutes)) {
      expect(r.Properties).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
        AuthorizationScopes: [API_SCOPE],
      });
    }
  });

  it('runs every route function like every handler: runtime, arm64, traced, with the handler environment', () => {
    for (const row of routes) {
      expect(functionProps(row.id), row.id).toMatchObject(
        handlerFunctionProps(config, { TABLE_NAME: { Ref: tableId } }),
      );
    }
  });

  /** Every statement a route function's role grants. */
  const statementsOf = (routeId: string): Props[] => functionStatements(template, functionOf(routeId));

  it("grants each function exactly its route's table actions, on the indexes only when it queries", () => {
    for (const row of routes) {
      const dynamo = statementsOf(row.id).filter((s) => actionList(s.Action).some((a) => a.startsWith('dynamodb:')));
      expect(dynamo, row.id).toHaveLength(1);
      expect(actionList(dynamo[0]?.Action), row.id).toEqual([...row.tableActions].sort());
      expect(dynamo[0]?.Effect, row.id).toBe('Allow');
      expect(asList(dynamo[0]?.Resource), row.id).toEqual(tableResourcesFor(tableId, row.tableActions));
    }
  });

  it('grants a route function nothing else than its table actions, unlocks and timers as its row says, logs and traces', () => {
    for (const row of routes) {
      const own = statementsOf(row.id).filter((s) =>
        actionList(s.Action).some((a) => /^(dynamodb|iot|states):/.test(a)),
      );
      const services = new Set(own.flatMap((s) => actionList(s.Action).map((a) => a.split(':')[0])));
      expect([...services].sort(), row.id).toEqual(
        ['dynamodb', ...(row.publishesUnlocks ? ['iot'] : []), ...(row.startsTimers ? ['states'] : [])].sort(),
      );
      expectOnlyHandlerBase(template, functionOf(row.id), own);
    }
  });

  it('gives route functions no wildcard actions', () => {
    for (const row of routes) {
      for (const statement of statementsOf(row.id)) {
        for (const action of actionList(statement.Action)) expect(action, row.id).not.toContain('*');
      }
    }
  });

  it(`keeps function logs ${config.logs.retentionDays} days`, () => {
    for (const row of routes) {
      const fn = functionProps(row.id);
      const logGroupId = refTarget((fn.LoggingConfig as Props).LogGroup);
      expect(template.toJSON().Resources[logGroupId].Properties, row.id).toEqual({
        LogGroupName: `/aws/lambda/${routeFunctionName(config.prefix, row)}`,
        RetentionInDays: stage === 'prod' ? 365 : 14,
      });
    }
  });

  it('throttles the default stage and writes JSON access logs with the stage retention', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    const [, stageResource] = onlyResource(template, 'AWS::ApiGatewayV2::Stage');
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
    expect(template.toJSON().Resources[logGroupId].Properties.RetentionInDays).toBe(config.logs.retentionDays);
    expect(JSON.parse(access.Format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
  });

  it('allows CORS from the stage origins only', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [...config.api.corsOrigins],
        AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'idempotency-key']),
      }),
    });
    expect(config.api.corsOrigins).not.toContain('*');
  });
});

describe.each(STAGES)('backend stack (%s)', (stage) => {
  const { template, stack, config } = synth(stage);

  it('is pinned to the stage region', () => {
    expect(stack.region).toBe(config.env.region);
  });

  it('outputs the API URL, user pool, client, table, door policy, IoT data endpoint, alarm topic and dashboard', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs).sort()).toEqual([
      'AlarmTopicArn',
      'ApiUrl',
      'DashboardName',
      'DoorPolicyName',
      'IotDataEndpoint',
      'TableName',
      'UserPoolClientId',
      'UserPoolId',
    ]);
    expect(outputs.TableName?.Value).toEqual({ Ref: onlyResource(template, 'AWS::DynamoDB::Table')[0] });
    expect(outputs.UserPoolId?.Value).toEqual({ Ref: onlyResource(template, 'AWS::Cognito::UserPool')[0] });
    expect(outputs.UserPoolClientId?.Value).toEqual({ Ref: onlyResource(template, 'AWS::Cognito::UserPoolClient')[0] });
    expect(JSON.stringify(outputs.ApiUrl?.Value)).toContain(`.execute-api.${config.env.region}.`);
    expect(outputs.AlarmTopicArn?.Value).toEqual({ Ref: onlyResource(template, 'AWS::SNS::Topic')[0] });
    expect(outputs.DashboardName?.Value).toEqual({ Ref: onlyResource(template, 'AWS::CloudWatch::Dashboard')[0] });
  });

  it('has no Lambda function besides the route functions, the door-event function, the step functions, the Cognito triggers and the endpoint lookup', () => {
    const idOf = (fn: IConstruct) => stack.getLogicalId(fn.node.defaultChild as CfnElement);
    const routeFunctions = [...stack.api.functions.values()].map(idOf);
    expect(routeFunctions).toHaveLength(routes.length);
    const doorEvent = idOf(stack.doorChannel.doorEventFunction);
    expect([...stack.timers.stepFunctions.keys()]).toEqual(['close-stay', 'expire-request', 'sweep-stays']);
    const stepFunctions = [...stack.timers.stepFunctions.values()].map(idOf);
    // the singleton provider behind the data-endpoint custom resource (AwsCustomResource)
    const [, endpoint] = onlyResource(template, 'Custom::IotDataEndpoint');
    const provider = refTarget(endpoint.Properties?.ServiceToken);
    const triggers = [stack.auth.preTokenGenerationFunction, stack.auth.postConfirmationFunction].map(idOf);
    const expected = [...routeFunctions, doorEvent, ...stepFunctions, ...triggers, provider];
    expect(new Set(expected).size).toBe(routes.length + 7);
    expect(Object.keys(template.findResources('AWS::Lambda::Function')).sort()).toEqual(expected.sort());
  });
});
