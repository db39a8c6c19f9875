/**
 * The exports bucket (async stack) and who may use it: private, encrypted, TLS only, its files expiring with the jobs
 * and unfinished uploads aborted; the export job alone may write files (PutObject, AbortMultipartUpload) and the rows
 * that hand them out (`readsExports`) alone may read them (GetObject), each on exports/* of that bucket only, each with
 * EXPORTS_BUCKET; no other function gets either.
 */
import { describe, expect, it } from 'vitest';
import { EXPORT_RETENTION_DAYS, EXPORTS_BUCKET_ENV } from '../../contracts/files';
import { routes } from '../../lambdas/routes';
import { STAGES } from '../../lib/config';
import { routeFunctionName } from '../../lib/constructs/api';
import { EXPORT_READ_ACTIONS, EXPORT_WRITE_ACTIONS } from '../../lib/constructs/exports';
import { EXPORT_STEP, stepFunctionName } from '../../lib/constructs/timers';
import { STACK_PARTS } from '../../lib/stacks/stack-names';
import {
  actionList,
  asList,
  flatten,
  functionStatements,
  logicalIdOf,
  PRIVATE_BUCKET_PROPS,
  propertiesOf,
  refTarget,
  seenFrom,
  synth,
} from './helpers';

type Props = Record<string, unknown>;

describe.each(STAGES)('the exports bucket (%s)', (stage) => {
  const s = synth(stage);
  const template = s.templates.async;
  const resources = template.toJSON().Resources as Record<string, { Properties: Props; DeletionPolicy?: string }>;
  const bucket = logicalIdOf(s.stacks.async.exports.bucket);
  const logs = logicalIdOf(s.stacks.async.exports.accessLogs);
  const privateBucket = PRIVATE_BUCKET_PROPS;

  it('is private and encrypted, logs its access into a private log bucket, and is the async stack’s only other bucket', () => {
    expect(Object.keys(template.findResources('AWS::S3::Bucket')).sort()).toEqual([bucket, logs].sort());
    expect(resources[bucket]?.Properties).toMatchObject({
      ...privateBucket,
      LoggingConfiguration: { DestinationBucketName: { Ref: logs }, LogFilePrefix: 'exports/' },
    });
    expect(resources[bucket]?.Properties.VersioningConfiguration).toBeUndefined();
    expect(resources[logs]?.Properties).toMatchObject(privateBucket);
  });

  it(`expires export files after ${EXPORT_RETENTION_DAYS} days and aborts unfinished uploads after a day`, () => {
    expect((propertiesOf(template, bucket).LifecycleConfiguration as { Rules: Props[] }).Rules).toEqual([
      expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
      expect.objectContaining({ Prefix: 'exports/', ExpirationInDays: EXPORT_RETENTION_DAYS, Status: 'Enabled' }),
    ]);
  });

  it('refuses every request without TLS', () => {
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')).filter(
      (p) => refTarget((p.Properties as Props).Bucket) === bucket,
    );
    const [policy] = policies;
    if (!policy || policies.length !== 1) throw new Error(`${bucket}: ${policies.length} bucket policies`);
    const statements = (policy.Properties as { PolicyDocument: { Statement: Props[] } }).PolicyDocument.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('is removed or retained like the log groups', () => {
    expect(resources[bucket]?.DeletionPolicy).toBe(stage === 'prod' ? 'Retain' : 'Delete');
  });

  it('is written by the export job alone and read by the rows that hand out exports alone, on exports/* only', () => {
    const readers = new Set(routes.filter((r) => r.readsExports).map((r) => routeFunctionName(s.config.prefix, r)));
    expect([...readers]).toEqual([`${s.config.prefix}-get-export`]);
    const writer = stepFunctionName(s.config.prefix, EXPORT_STEP);
    const seen = { readers: 0, writers: 0 };
    for (const part of STACK_PARTS) {
      for (const [id, fn] of Object.entries(s.templates[part].findResources('AWS::Lambda::Function'))) {
        const props = fn.Properties as { FunctionName?: string; Environment?: { Variables?: Props } };
        const name = String(props.FunctionName);
        const onExports = functionStatements(s.templates[part], id, s).filter((st) =>
          asList(st.Resource).some((r) => flatten(r).includes(bucket) || flatten(r).includes('exports/')),
        );
        const expected = readers.has(name) ? EXPORT_READ_ACTIONS : name === writer ? EXPORT_WRITE_ACTIONS : [];
        expect(onExports.flatMap((st) => actionList(st.Action)).sort(), name).toEqual([...expected].sort());
        for (const st of onExports) {
          expect(st.Effect).toBe('Allow');
          expect(asList(st.Resource).map(flatten), name).toEqual([`{${bucket}.Arn}/exports/*`]);
        }
        const env = props.Environment?.Variables ?? {};
        expect(EXPORTS_BUCKET_ENV in env, name).toBe(expected.length > 0);
        if (expected.length > 0) {
          expect(env[EXPORTS_BUCKET_ENV], name).toEqual(seenFrom(s, part, 'async', { Ref: bucket }));
          if (readers.has(name)) seen.readers++;
          else seen.writers++;
        }
      }
    }
    expect(seen).toEqual({ readers: readers.size, writers: 1 });
  });
});
