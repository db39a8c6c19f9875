import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import type { Metafile } from 'esbuild';
import { expect } from 'vitest';
import { tableDefinition } from '../../contracts/table';
import type { Route } from '../../lambdas/routes';
import { type BackendStacks, buildBackendStacks } from '../../lib/app';
import { LAMBDA_RUNTIME } from '../../lib/bundling';
import { type Environment, getStageConfig, type StageConfig, type StageName } from '../../lib/config';
import { audienceOf } from '../../lib/constructs/api';
import { LOG_WRITE_ACTIONS, TRACE_WRITE_ACTIONS } from '../../lib/constructs/handler-function';
import { apiStackPart, STACK_PARTS, type StackPart } from '../../lib/stacks/stack-names';
import { CDK_TMPDIR } from './tmpdir';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context?: Record<string, unknown>;
};

export interface Synthesized {
  readonly config: StageConfig;
  readonly stacks: BackendStacks;
  /** The template of each stack. */
  readonly templates: Readonly<Record<StackPart, Template>>;
}

const cache = new Map<StageName, Synthesized>();

/** The account the CDK tests pin prod to. */
export const TEST_PROD_ACCOUNT = '222222222222';

/** Where the CDK tests have alarms e-mailed. */
export const TEST_ALARM_EMAIL = 'ops@coworking.example';

/**
 * The environment the CDK tests synthesize with, whatever the machine's: what a prod deploy must set, and no AWS
 * credentials (no CDK_DEFAULT_ACCOUNT), so dev is synthesized unpinned, environment-agnostic, as offline.
 */
export const TEST_ENV: Environment = { COWORKING_PROD_ACCOUNT: TEST_PROD_ACCOUNT, ALARM_EMAIL: TEST_ALARM_EMAIL };

/** The settings of a stage as the CDK tests synthesize it ({@link TEST_ENV}). */
export const stageConfig = (stage: StageName): StageConfig => getStageConfig(stage, TEST_ENV);

/** A new app with the feature flags of cdk.json and bundling skipped (`aws:cdk:bundling-stacks: []`). */
export function newApp(context: Record<string, unknown> = {}): { app: App; cleanUp: () => void } {
  process.env.TMPDIR = CDK_TMPDIR; // also set on import (tmpdir.ts); CDK reads it when the App is created
  const outdir = mkdtempSync(path.join(CDK_TMPDIR, 'out-'));
  const app = new App({ outdir, context: { ...cdkJson.context, ...context, 'aws:cdk:bundling-stacks': [] } });
  return { app, cleanUp: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** The template of every stack. */
export const templatesOf = (stacks: BackendStacks): Record<StackPart, Template> =>
  Object.fromEntries(STACK_PARTS.map((part) => [part, Template.fromStack(stacks[part])])) as Record<
    StackPart,
    Template
  >;

/**
 * Synthesizes the stacks of a stage once per test file ({@link stageConfig}), with the feature flags of cdk.json and
 * bundling skipped, so no esbuild runs.
 */
export function synth(stage: StageName): Synthesized {
  const cached = cache.get(stage);
  if (cached) return cached;
  const { app, cleanUp } = newApp();
  try {
    const config = stageConfig(stage);
    const stacks = buildBackendStacks(app, config);
    const result = { config, stacks, templates: templatesOf(stacks) };
    cache.set(stage, result);
    return result;
  } finally {
    cleanUp();
  }
}

/** The stack holding a row's function and route. */
export const stackOfRow = (row: Route): StackPart => apiStackPart(audienceOf(row));

type Outputs = Record<string, { Value: unknown; Export?: unknown }>;

/** A weak cross-stack reference (cdk.json `@aws-cdk/core:defaultCrossStackReferences: weak`): no export. */
export interface StackOutputRef {
  readonly 'Fn::GetStackOutput': { readonly StackName: string; readonly Region: string; readonly OutputName: string };
}

/**
 * How a stack refers to `value`, a `{ Ref }` or `{ Fn::GetAtt }` of a resource of `producer`: the value itself in
 * the same stack, else `Fn::GetStackOutput` of the output the producer publishes it in (fails when there is none).
 */
export function seenFrom(s: Synthesized, consumer: StackPart, producer: StackPart, value: unknown): unknown {
  if (consumer === producer) return value;
  const outputs = (s.templates[producer].toJSON().Outputs ?? {}) as Outputs;
  const wanted = JSON.stringify(value);
  const found = Object.entries(outputs).filter(
    ([name, o]) => name.startsWith('PublishOutput') && JSON.stringify(o.Value) === wanted,
  );
  if (found.length !== 1) throw new Error(`${producer} publishes ${wanted} ${found.length} times`);
  const stack = s.stacks[producer];
  const [[outputName]] = found as [[string, unknown]];
  return {
    'Fn::GetStackOutput': { StackName: stack.stackName, Region: stack.region, OutputName: outputName },
  } satisfies StackOutputRef as unknown;
}

/**
 * What a `Fn::GetStackOutput` refers to: the stack publishing it and the published value; `undefined` for
 * anything else.
 */
export function importedValue(s: Synthesized, value: unknown): { part: StackPart; value: unknown } | undefined {
  const ref = (value as Partial<StackOutputRef> | undefined)?.['Fn::GetStackOutput'];
  if (ref === undefined) return undefined;
  const part = STACK_PARTS.find((p) => s.stacks[p].stackName === ref.StackName);
  const output = part ? ((s.templates[part].toJSON().Outputs ?? {}) as Outputs)[ref.OutputName] : undefined;
  if (!part || !output) throw new Error(`no output ${JSON.stringify(ref)}`);
  return { part, value: output.Value };
}

type Resource = { Type: string; Properties?: Record<string, unknown>; [key: string]: unknown };

/** The one resource of a type matching `props`; fails when there is not exactly one. */
export function onlyResource(template: Template, type: string, props?: unknown): [string, Resource] {
  const found = Object.entries(template.findResources(type, props ? { Properties: props } : undefined));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as [string, Resource];
}

/** Logical id of the resource a `{ Ref }` or `{ Fn::GetAtt }` points at. */
export function refTarget(value: unknown): string {
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  const id = v.Ref ?? v['Fn::GetAtt']?.[0];
  if (!id) throw new Error(`not a reference: ${JSON.stringify(value)}`);
  return id;
}

/** IAM action(s) as a sorted list (CloudFormation renders one action as a string). */
export const actionList = (action: unknown): string[] => (Array.isArray(action) ? [...action] : [action]).sort();

/** A value CloudFormation renders as one item or a list, as a list. */
export const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/**
 * A string-valued CloudFormation expression as text: `Fn::Join` joined, `{ Ref: X }` as `{X}`,
 * `{ Fn::GetAtt: [X, Y] }` as `{X.Y}`, `{ Fn::GetStackOutput }` as `{StackName.OutputName}`. For comparing ARNs built from pseudo parameters and references.
 */
export function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as {
    Ref?: string;
    'Fn::GetAtt'?: [string, string];
    'Fn::Join'?: [string, unknown[]];
    'Fn::GetStackOutput'?: StackOutputRef['Fn::GetStackOutput'];
  };
  if (v.Ref) return `{${v.Ref}}`;
  const output = v['Fn::GetStackOutput'];
  if (output) return `{${output.StackName}.${output.OutputName}}`;
  if (v['Fn::GetAtt']) return `{${v['Fn::GetAtt'].join('.')}}`;
  if (v['Fn::Join']) return v['Fn::Join'][1].map(flatten).join(v['Fn::Join'][0]);
  throw new Error(`cannot flatten ${JSON.stringify(value)}`);
}

/** Every IAM statement a role has: its inline policies and the `AWS::IAM::Policy` resources attached to it. */
export function roleStatements(template: Template, roleId: string): Record<string, unknown>[] {
  type Doc = { Statement: Record<string, unknown>[] };
  const role = template.toJSON().Resources[roleId] as Resource | undefined;
  if (role?.Type !== 'AWS::IAM::Role') throw new Error(`${roleId} is not a role`);
  const inline = ((role.Properties?.Policies ?? []) as { PolicyDocument: Doc }[]).flatMap(
    (p) => p.PolicyDocument.Statement,
  );
  const attached = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => ((p.Properties as { Roles: unknown[] }).Roles ?? []).some((r) => refTarget(r) === roleId))
    .flatMap((p) => (p.Properties as { PolicyDocument: Doc }).PolicyDocument.Statement);
  return [...inline, ...attached];
}

/**
 * Every IAM statement a function's role grants: its inline policies, the policies attached to it, and the
 * customer managed policies it references (`ManagedPolicyArns`), of its template or, given `s`, imported from
 * another stack of the stage.
 */
export function functionStatements(template: Template, functionId: string, s?: Synthesized): Record<string, unknown>[] {
  type Doc = { Statement: Record<string, unknown>[] };
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const fn = resources[functionId];
  if (fn?.Type !== 'AWS::Lambda::Function') throw new Error(`${functionId} is not a function`);
  const roleId = refTarget(fn.Properties?.Role);
  const managed = ((resources[roleId]?.Properties?.ManagedPolicyArns ?? []) as unknown[]).map((arn) => {
    const imported = s ? importedValue(s, arn) : undefined;
    const policy =
      s && imported
        ? (s.templates[imported.part].toJSON().Resources as Record<string, Resource>)[refTarget(imported.value)]
        : resources[refTarget(arn)];
    if (policy?.Type !== 'AWS::IAM::ManagedPolicy') throw new Error(`${roleId}: ${JSON.stringify(arn)} is not ours`);
    return (policy.Properties as { PolicyDocument: Doc }).PolicyDocument.Statement;
  });
  return [...roleStatements(template, roleId), ...managed.flat()];
}

/**
 * ARN of the table and, when the actions include Query, of each index by name (what the grants cover). The table's
 * ARN as the template refers to it: its logical id in the same stack, or the reference to another stack's output.
 */
export function tableResourcesFor(table: string | StackOutputRef, actions: readonly string[]): unknown[] {
  const tableArn = typeof table === 'string' ? { 'Fn::GetAtt': [table, 'Arn'] } : table;
  const indexes = actions.includes('dynamodb:Query')
    ? tableDefinition.globalSecondaryIndexes.map((i) => ({ 'Fn::Join': ['', [tableArn, `/index/${i.indexName}`]] }))
    : [];
  return [tableArn, ...indexes];
}

/** What every handler function's role has besides its own grants: writing its log group, sending traces. */
export const HANDLER_BASE_ACTIONS = [...LOG_WRITE_ACTIONS, ...TRACE_WRITE_ACTIONS].sort();

/** The properties every handler function has (the conventions of createHandlerFunction). */
export function handlerFunctionProps(config: StageConfig, variables: Record<string, unknown>): Record<string, unknown> {
  return {
    Runtime: LAMBDA_RUNTIME.name,
    Architectures: ['arm64'],
    Handler: 'index.handler',
    MemorySize: config.lambda.memorySize,
    Timeout: config.lambda.timeoutSeconds,
    TracingConfig: { Mode: 'Active' },
    Environment: {
      Variables: {
        POWERTOOLS_SERVICE_NAME: config.powertools.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: config.powertools.metricsNamespace,
        POWERTOOLS_LOG_LEVEL: config.powertools.logLevel,
        POWERTOOLS_LOGGER_SAMPLE_RATE: String(config.powertools.logSampleRate),
        NODE_OPTIONS: '--enable-source-maps',
        ...variables,
      },
    },
  };
}

/**
 * The statements of a function besides `own`: they must be exactly the handler base (its own log group, traces),
 * and the log statement must name the function's own log group only.
 */
export function expectOnlyHandlerBase(
  template: Template,
  functionId: string,
  own: readonly unknown[],
  s?: Synthesized,
): void {
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const logging = resources[functionId]?.Properties?.LoggingConfig as { LogGroup: unknown } | undefined;
  if (!logging) throw new Error(`${functionId}: no log group`);
  const logGroupId = refTarget(logging.LogGroup);
  const others = functionStatements(template, functionId, s).filter((statement) => !own.includes(statement));
  expect(others.flatMap((statement) => actionList(statement.Action)).sort(), functionId).toEqual(HANDLER_BASE_ACTIONS);
  for (const statement of others) {
    expect(statement.Effect, functionId).toBe('Allow');
    const actions = actionList(statement.Action);
    const expected = actions.every((a) => a.startsWith('logs:')) ? [{ 'Fn::GetAtt': [logGroupId, 'Arn'] }] : ['*'];
    expect(asList(statement.Resource), `${functionId} ${actions}`).toEqual(expected);
  }
}

/** What a private bucket of ours has in its template (`PRIVATE_BUCKET` of lib/constructs/buckets.ts). */
export const PRIVATE_BUCKET_PROPS = {
  PublicAccessBlockConfiguration: {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  },
  BucketEncryption: {
    ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
  },
  OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
};

/** Properties of a resource by logical id; fails when there is none. */
export function propertiesOf(template: Template, id: string): Record<string, unknown> {
  const resource = (template.toJSON().Resources as Record<string, Resource | undefined>)[id];
  if (!resource) throw new Error(`no resource ${id}`);
  return resource.Properties ?? {};
}

/** Logical id of a construct's resource (its default child) in its stack's template. */
export const logicalIdOf = (construct: IConstruct): string =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);

/** Logical id of the one function with this physical name. */
export const functionNamed = (template: Template, name: string): string =>
  onlyResource(template, 'AWS::Lambda::Function', { FunctionName: name })[0];

/**
 * The files that put code into an esbuild entry's output `<name>.mjs`: its inputs with bytes in it (the metafile's
 * `inputs` also list the files esbuild read and tree-shook away, such as the adapters platform/deps.ts imports for
 * every function).
 */
export const filesIn = (metafile: Metafile, name = 'index'): string[] =>
  Object.entries(metafile.outputs)
    .filter(([file, output]) => output.entryPoint && file.endsWith(`/${name}.mjs`))
    .map(([, output]) => output)
    .flatMap((output) => Object.entries(output.inputs))
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file);
