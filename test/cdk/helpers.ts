import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BackendStack } from '../../lib/backend-stack';
import { getStageConfig, type StageConfig, type StageName } from '../../lib/config';
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
