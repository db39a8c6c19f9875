import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { tableDefinition } from '../../contracts/table';
import { BackendStack } from '../../lib/backend-stack';
import { LAMBDA_RUNTIME } from '../../lib/bundling';
import { getStageConfig, type StageConfig, type StageName } from '../../lib/config';
import { LOG_WRITE_ACTIONS, TRACE_WRITE_ACTIONS } from '../../lib/constructs/handler-function';
import { CDK_TMPDIR } from './tmpdir';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context?: Record<string, unknown>;
};

export interface Synthesized {
  readonly config: StageConfig;
  readonly stack: BackendStack;
  readonly template: Template;
}

const cache = new Map<StageName, Synthesized>();

/**
 * Synthesizes the backend stack of a stage once per test file, with the feature flags of cdk.json and
 * bundling skipped (`aws:cdk:bundling-stacks: []`), so no esbuild runs.
 */
export function synth(stage: StageName): Synthesized {
  const cached = cache.get(stage);
  if (cached) return cached;
  process.env.TMPDIR = CDK_TMPDIR; // also set on import (tmpdir.ts); CDK reads it when the App is created
  const outdir = mkdtempSync(path.join(CDK_TMPDIR, 'out-'));
  try {
    const app = new App({ outdir, context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    const config = getStageConfig(stage);
    const stack = new BackendStack(app, `Coworking-${stage}`, { config, env: config.env });
    const result = { config, stack, template: Template.fromStack(stack) };
    cache.set(stage, result);
    return result;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
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
 * `{ Fn::GetAtt: [X, Y] }` as `{X.Y}`. For comparing ARNs built from pseudo parameters and references.
 */
export function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::Join'?: [string, unknown[]] };
  if (v.Ref) return `{${v.Ref}}`;
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
 * customer managed policies of the template it references (`ManagedPolicyArns`).
 */
export function functionStatements(template: Template, functionId: string): Record<string, unknown>[] {
  type Doc = { Statement: Record<string, unknown>[] };
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const fn = resources[functionId];
  if (fn?.Type !== 'AWS::Lambda::Function') throw new Error(`${functionId} is not a function`);
  const roleId = refTarget(fn.Properties?.Role);
  const managed = ((resources[roleId]?.Properties?.ManagedPolicyArns ?? []) as unknown[]).map((arn) => {
    const policy = resources[refTarget(arn)];
    if (policy?.Type !== 'AWS::IAM::ManagedPolicy') throw new Error(`${roleId}: ${JSON.stringify(arn)} is not ours`);
    return (policy.Properties as { PolicyDocument: Doc }).PolicyDocument.Statement;
  });
  return [...roleStatements(template, roleId), ...managed.flat()];
}

/** ARN of the table and, when the actions include Query, of each index by name (what the grants cover). */
export function tableResourcesFor(tableId: string, actions: readonly string[]): unknown[] {
  const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
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
export function expectOnlyHandlerBase(template: Template, functionId: string, own: readonly unknown[]): void {
  const resources = template.toJSON().Resources as Record<string, Resource>;
  const logging = resources[functionId]?.Properties?.LoggingConfig as { LogGroup: unknown } | undefined;
  if (!logging) throw new Error(`${functionId}: no log group`);
  const logGroupId = refTarget(logging.LogGroup);
  const others = functionStatements(template, functionId).filter((s) => !own.includes(s));
  expect(others.flatMap((s) => actionList(s.Action)).sort(), functionId).toEqual(HANDLER_BASE_ACTIONS);
  for (const s of others) {
    expect(s.Effect, functionId).toBe('Allow');
    const actions = actionList(s.Action);
    const expected = actions.every((a) => a.startsWith('logs:')) ? [{ 'Fn::GetAtt': [logGroupId, 'Arn'] }] : ['*'];
    expect(asList(s.Resource), `${functionId} ${actions}`).toEqual(expected);
  }
}

/** Properties of a resource by logical id; fails when there is none. */
export function propertiesOf(template: Template, id: string): Record<string, unknown> {
  const resource = (template.toJSON().Resources as Record<string, Resource | undefined>)[id];
  if (!resource) throw new Error(`no resource ${id}`);
  return resource.Properties ?? {};
}

/** Logical id of the one function with this physical name. */
export const functionNamed = (template: Template, name: string): string =>
  onlyResource(template, 'AWS::Lambda::Function', { FunctionName: name })[0];
