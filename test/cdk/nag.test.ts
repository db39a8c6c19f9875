/**
 * cdk-nag (AwsSolutions pack, v3 API) on the app bin/app.ts builds: each stage synthesizes clean with the
 * committed acknowledgements, every acknowledgement is still needed, and the list cannot quietly grow.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { type BackendStacks, buildBackendApp, buildBackendStacks } from '../../lib/app';
import { STAGES } from '../../lib/config';
import {
  acknowledgementId,
  acknowledgeNagFindings,
  constructAt,
  NAG_ACKNOWLEDGEMENTS,
  type NagAcknowledgement,
} from '../../lib/nag-acknowledgements';
import { STACK_PARTS, stackName } from '../../lib/stacks/stack-names';
import { stageConfig, TEST_ENV } from './helpers';
import { CDK_TMPDIR } from './tmpdir';

/** The committed size of the list: raise it only together with a reviewed acknowledgement. */
// 9: publishing keypad codes to doors/*/codes (issue 13), beside doors/*/unlock
// 10: object actions on photos/* of the photos bucket (issue 14): object keys are per upload, so no narrower resource
// 11: the visit-end state machine (issue 16) logs and traces like the other two, one acknowledgement per state machine
// 12: no rotation function for the member ticket signing secret (issue 16): a bare HMAC key of 60-second tickets,
// replaced by putting a new value
// 13: the export state machine (issue 17) logs and traces like the others
// 14: object actions on exports/* of the exports bucket (issue 17): export keys are per job, so no narrower resource
// 15: the outbox consumer's dead-letter queue (issue 18), the on-failure destination of a stream mapping
// 16: the reminder state machine (issue 18) logs and traces like the others
const MAX_ACKNOWLEDGEMENTS = 16;

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context?: Record<string, unknown>;
};
const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh app for `stage` with the cdk.json context, bundling skipped. */
function newApp(stage: string): App {
  const outdir = mkdtempSync(path.join(CDK_TMPDIR, 'nag-'));
  outdirs.push(outdir);
  return new App({ outdir, context: { ...cdkJson.context, stage, 'aws:cdk:bundling-stacks': [] } });
}

/** Synthesizes `app`; the validation report's text when synthesis fails, `undefined` when it passes. */
function synthFailure(app: App): string | undefined {
  try {
    app.synth();
    return undefined;
  } catch (error) {
    return String(error);
  }
}

describe('the acknowledgement list', () => {
  it(`holds at most ${MAX_ACKNOWLEDGEMENTS} acknowledgements`, () => {
    expect(NAG_ACKNOWLEDGEMENTS.length).toBeLessThanOrEqual(MAX_ACKNOWLEDGEMENTS);
  });

  it.each(NAG_ACKNOWLEDGEMENTS.map((a) => [`${a.path} ${acknowledgementId(a)}`, a] as const))(
    '%s names an AwsSolutions rule and gives a reason of full sentences',
    (_, ack) => {
      expect(ack.ruleId).toMatch(/^AwsSolutions-[A-Z]+\d+$/);
      expect(ack.reason).toMatch(/^[A-Z][\s\S]*[a-z)`][.]$/);
      expect(ack.reason.split(/\s+/).length).toBeGreaterThanOrEqual(12);
    },
  );

  it('acknowledges each finding once, in stacks of the stage', () => {
    const keys = NAG_ACKNOWLEDGEMENTS.flatMap((a) =>
      a.stacks.map((part) => `${part} ${a.path} ${acknowledgementId(a)}`),
    );
    expect(new Set(keys).size).toBe(keys.length);
    for (const ack of NAG_ACKNOWLEDGEMENTS) {
      expect(ack.stacks.length, ack.path).toBeGreaterThan(0);
      for (const part of ack.stacks) expect(STACK_PARTS).toContain(part);
    }
  });

  it('refuses an acknowledgement of a construct or stack the stage does not have, or without a reason', () => {
    const app = newApp('dev');
    const stacks = buildBackendStacks(app, stageConfig('dev'));
    const ghost: NagAcknowledgement = {
      stacks: ['data'],
      path: 'Nowhere/Resource',
      ruleId: 'AwsSolutions-IAM5',
      reason: 'Gone.',
    };
    expect(() => acknowledgeNagFindings(stacks, [ghost])).toThrow(/no construct Coworking-dev-Data\/Nowhere\/Resource/);
    const silent: NagAcknowledgement = {
      stacks: ['data'],
      path: 'Auth/UserPool',
      ruleId: 'AwsSolutions-COG2',
      reason: ' ',
    };
    expect(() => acknowledgeNagFindings(stacks, [silent])).toThrow(/no reason/);
    const elsewhere: NagAcknowledgement = {
      stacks: ['async'],
      path: 'Auth/UserPool',
      ruleId: 'AwsSolutions-COG2',
      reason: 'Here.',
    };
    expect(() => acknowledgeNagFindings({ data: stacks.data }, [elsewhere])).toThrow(/no async stack/);
  });
});

describe.each(STAGES)('the %s app', (stage) => {
  const app = newApp(stage);
  const stacks: BackendStacks = buildBackendApp(app, { env: TEST_ENV });
  const failure = synthFailure(app);

  it('synthesizes every stack with no unacknowledged AwsSolutions finding', () => {
    expect(STACK_PARTS.map((part) => stacks[part].stackName)).toEqual(STACK_PARTS.map((p) => stackName(stage, p)));
    expect(
      app
        .synth()
        .stacks.map((st) => st.stackName)
        .sort(),
    ).toEqual(STACK_PARTS.map((p) => stackName(stage, p)).sort());
    expect(failure).toBeUndefined();
  });

  it('has a `*` resource only in the policies acknowledged for it, with a reason', () => {
    type Document = { Statement: { Resource?: unknown }[] };
    type Resource = {
      Type: string;
      Properties: { PolicyDocument?: Document; Policies?: { PolicyDocument: Document }[] };
    };
    const assembly = app.synth();
    const resources = Object.fromEntries(
      STACK_PARTS.flatMap((part) =>
        Object.entries(
          assembly.getStackByName(stacks[part].stackName).template.Resources as Record<string, Resource>,
        ).map(([id, r]) => [`${part}/${id}`, r]),
      ),
    );
    const accepted = NAG_ACKNOWLEDGEMENTS.filter((a) => a.appliesTo === 'Resource::*').flatMap((a) =>
      a.stacks.map(
        (part) => `${part}/${stacks[part].getLogicalId(constructAt(stacks[part], a.path).node.defaultChild as never)}`,
      ),
    );
    // policies, managed policies, and the inline policies of roles
    const documents = (r: Resource): Document[] => [
      ...(r.Properties.PolicyDocument && r.Type.startsWith('AWS::IAM::') ? [r.Properties.PolicyDocument] : []),
      ...(r.Type === 'AWS::IAM::Role' ? (r.Properties.Policies ?? []).map((p) => p.PolicyDocument) : []),
    ];
    const withStar = Object.entries(resources)
      .filter(([, r]) => documents(r).some((d) => d.Statement.some((s) => [s.Resource].flat().includes('*'))))
      .map(([id]) => id);
    expect(withStar.length).toBeGreaterThan(0);
    expect(withStar.sort()).toEqual(accepted.sort());
  });
});

describe('each acknowledgement', () => {
  it.each(NAG_ACKNOWLEDGEMENTS.map((a, i) => [`${a.path} ${acknowledgementId(a)}`, i] as const))(
    'is still needed: without %s, synthesis fails on that rule',
    (_, index) => {
      const app = newApp('prod');
      const stacks = buildBackendStacks(app, stageConfig('prod'));
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      acknowledgeNagFindings(
        stacks,
        NAG_ACKNOWLEDGEMENTS.filter((_, i) => i !== index),
      );
      const failure = synthFailure(app);
      const ack = NAG_ACKNOWLEDGEMENTS[index] as NagAcknowledgement;
      expect(failure).toContain(`AwsSolutions::${ack.ruleId}`);
      // in every stack it is acknowledged in
      for (const part of ack.stacks) expect(failure).toContain(`${stackName('prod', part)}/${ack.path}`);
    },
  );
});
