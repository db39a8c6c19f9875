/**
 * The photos bucket (data stack) and who may use it. No row of today's route table stores photos, so the grant is
 * proved on the rows that store photos and on synthetic rows (one per audience) flagged `storesPhotos`, in the whole app with cdk-nag on: exactly
 * those functions get PHOTOS_BUCKET and s3:PutObject/GetObject/DeleteObject on photos/* of that bucket, no other (the
 * export files' grants are exports.test.ts's).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PHOTOS_BUCKET_ENV } from '../../contracts/files';
import { handlerEntry, type Route, routes } from '../../lambdas/routes';
import { buildBackendApp } from '../../lib/app';
import { STAGES } from '../../lib/config';
import { audienceOf, routeFunctionName, rowsOf } from '../../lib/constructs/api';
import { NONCURRENT_PHOTO_DAYS, PHOTO_ACTIONS } from '../../lib/constructs/photos';
import { STACK_PARTS } from '../../lib/stacks/stack-names';
import {
  actionList,
  asList,
  flatten,
  functionNamed,
  functionStatements,
  newApp,
  PRIVATE_BUCKET_PROPS,
  propertiesOf,
  refTarget,
  type Synthesized,
  seenFrom,
  stackOfRow,
  stageConfig,
  synth,
  TEST_ENV,
  templatesOf,
} from './helpers';

type Props = Record<string, unknown>;

/** A statement on the exports bucket's files (exports.test.ts proves who gets those), not on photos. */
const onExports = (statement: Props) => asList(statement.Resource).every((r) => flatten(r).endsWith('/exports/*'));

const cleanUps: (() => void)[] = [];
afterAll(() => {
  for (const cleanUp of cleanUps) cleanUp();
});

/** The photos bucket and its access-log bucket, by logical id. */
function bucketsOf(s: Synthesized): { photos: string; logs: string } {
  const buckets = s.templates.data.findResources('AWS::S3::Bucket');
  expect(Object.keys(buckets)).toHaveLength(2);
  const photos = Object.entries(buckets).find(([, b]) => (b.Properties as Props).LoggingConfiguration)?.[0];
  const logs = Object.keys(buckets).find((id) => id !== photos);
  if (!photos || !logs) throw new Error('no photos bucket logging into a log bucket');
  return { photos, logs };
}

describe.each(STAGES)('the photos bucket (%s)', (stage) => {
  const s = synth(stage);
  const data = s.templates.data;
  const { photos, logs } = bucketsOf(s);
  const resources = data.toJSON().Resources as Record<string, { Properties: Props; DeletionPolicy?: string }>;
  const privateBucket = PRIVATE_BUCKET_PROPS;

  it('is private, encrypted, versioned and logs its access into the private log bucket', () => {
    expect(resources[photos]?.Properties).toMatchObject({
      ...privateBucket,
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: logs }, LogFilePrefix: 'photos/' },
    });
    expect(resources[logs]?.Properties).toMatchObject(privateBucket);
    expect(resources[logs]?.Properties.LoggingConfiguration).toBeUndefined();
  });

  it('aborts incomplete multipart uploads after a day and expires old versions; access logs expire with the log retention', () => {
    const rules = (propertiesOf(data, photos).LifecycleConfiguration as { Rules: Props[] }).Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
        expect.objectContaining({
          NoncurrentVersionExpiration: { NoncurrentDays: NONCURRENT_PHOTO_DAYS },
          ExpiredObjectDeleteMarker: true,
          Status: 'Enabled',
        }),
      ]),
    );
    expect(resources[logs]?.Properties.LifecycleConfiguration).toEqual({
      Rules: [expect.objectContaining({ ExpirationInDays: s.config.logs.retentionDays, Status: 'Enabled' })],
    });
  });

  it('refuses every request without TLS, on both buckets', () => {
    for (const bucket of [photos, logs]) {
      const policies = Object.values(data.findResources('AWS::S3::BucketPolicy')).filter(
        (p) => refTarget((p.Properties as Props).Bucket) === bucket,
      );
      expect(policies, bucket).toHaveLength(1);
      const [policy] = policies;
      if (!policy) throw new Error(`${bucket}: no bucket policy`);
      const statements = (policy.Properties as { PolicyDocument: { Statement: Props[] } }).PolicyDocument.Statement;
      expect(statements, bucket).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          Principal: { AWS: '*' },
        }),
      );
      // nothing else is allowed to the world
      for (const statement of statements.filter((st) => st.Effect === 'Allow'))
        expect(JSON.stringify(statement.Principal), bucket).toContain('logging.s3.amazonaws.com');
    }
  });

  it('takes browser uploads (POST) and downloads (GET) from the app origins only', () => {
    expect(resources[photos]?.Properties.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedMethods: ['POST', 'GET'],
          AllowedOrigins: [...stageConfig(stage).api.corsOrigins],
          AllowedHeaders: ['*'],
          MaxAge: 3000,
        },
      ],
    });
  });

  it('is retained in prod, removed in dev, like the table', () => {
    expect(resources[photos]?.DeletionPolicy).toBe(stage === 'prod' ? 'Retain' : 'Delete');
  });

  it('is named in the PhotosBucketName output', () => {
    expect((data.toJSON().Outputs as Record<string, { Value: unknown }>).PhotosBucketName?.Value).toEqual({
      Ref: photos,
    });
  });

  it('is reachable by the functions of the rows that store photos, and by no other', () => {
    const storing = routes.filter((r) => r.storesPhotos);
    expect(storing.map((r) => r.id)).toEqual([
      'get-facility',
      'get-operator-facility',
      'edit-facility',
      'new-photo',
      'delete-photo',
    ]);
    const names = new Set(storing.map((r) => routeFunctionName(s.config.prefix, r)));
    for (const part of STACK_PARTS) {
      for (const [id, fn] of Object.entries(s.templates[part].findResources('AWS::Lambda::Function'))) {
        const props = fn.Properties as { FunctionName?: string; Environment?: { Variables?: Props } };
        const env = props.Environment?.Variables ?? {};
        const s3 = functionStatements(s.templates[part], id, s).filter(
          (st) => actionList(st.Action).some((a) => a.startsWith('s3:') || a === '*') && !onExports(st),
        );
        const stores = names.has(String(props.FunctionName));
        expect(PHOTOS_BUCKET_ENV in env, `${part}/${id}`).toBe(stores);
        expect(s3.length > 0, `${part}/${id}`).toBe(stores);
      }
    }
  });
});

describe.each(STAGES)('rows that store photos (%s, synthetic)', (stage) => {
  /** One row per audience, shaped like the first row of that audience, flagged `storesPhotos`. */
  const shapes = [rowsOf('member', routes)[0], rowsOf('partner', routes)[0]] as Route[];
  const synthetic: Route[] = shapes.map((shape) => ({
    ...shape,
    id: `${shape.id}-photos`,
    path: `${shape.path}/photos-synthetic`,
    storesPhotos: true,
  }));
  const shapeOf = new Map(synthetic.map((row, i) => [row.id, shapes[i] as Route]));
  const { app, cleanUp } = newApp({ stage });
  cleanUps.push(cleanUp);
  // the whole app, cdk-nag included: synthesizing a template fails on an unacknowledged finding
  const stacks = buildBackendApp(app, {
    env: TEST_ENV,
    rows: [...routes, ...synthetic],
    handlerEntry: (route) => handlerEntry(shapeOf.get(route.id) ?? route),
  });
  const s: Synthesized = { config: stageConfig(stage), stacks, templates: templatesOf(stacks) };
  const { photos } = bucketsOf(s);
  const keyOf = (row: Route) =>
    `${stackOfRow(row)}/${functionNamed(s.templates[stackOfRow(row)], routeFunctionName(s.config.prefix, row))}`;
  const all = STACK_PARTS.flatMap((part) =>
    Object.entries(s.templates[part].findResources('AWS::Lambda::Function')).map(([id, fn]) => ({
      part,
      id,
      key: `${part}/${id}`,
      env: (fn.Properties as { Environment?: { Variables?: Props } }).Environment?.Variables ?? {},
    })),
  );

  it('are one member and one partner row', () => {
    expect(synthetic.map(audienceOf).sort()).toEqual(['member', 'partner']);
  });

  it('synthesize with no unacknowledged cdk-nag finding', () => {
    expect(() => app.synth()).not.toThrow();
  });

  it('get s3:PutObject, GetObject and DeleteObject on photos/* of the photos bucket, and no other function gets any S3 action', () => {
    const withS3 = all.filter((fn) =>
      functionStatements(s.templates[fn.part], fn.id, s).some(
        (st) => actionList(st.Action).some((a) => a.startsWith('s3:') || a === '*') && !onExports(st),
      ),
    );
    const storing = [...routes.filter((r) => r.storesPhotos), ...synthetic];
    expect(withS3.map((fn) => fn.key).sort()).toEqual(storing.map(keyOf).sort());
    for (const fn of withS3) {
      const s3 = functionStatements(s.templates[fn.part], fn.id, s).filter(
        (st) => actionList(st.Action).some((a) => a.startsWith('s3:')) && !onExports(st),
      );
      expect(s3, fn.key).toHaveLength(1);
      expect(s3[0]?.Effect).toBe('Allow');
      expect(actionList(s3[0]?.Action), fn.key).toEqual([...PHOTO_ACTIONS].sort());
      // the one managed policy of the data stack, on that bucket's photos/ prefix only
      expect(asList(s3[0]?.Resource).map(flatten), fn.key).toEqual([`{${photos}.Arn}/photos/*`]);
    }
  });

  it('get PHOTOS_BUCKET, the photos bucket of the data stack, and no other function does', () => {
    const withBucket = all.filter((fn) => PHOTOS_BUCKET_ENV in fn.env);
    const storing = [...routes.filter((r) => r.storesPhotos), ...synthetic];
    expect(withBucket.map((fn) => fn.key).sort()).toEqual(storing.map(keyOf).sort());
    for (const fn of withBucket)
      expect(fn.env[PHOTOS_BUCKET_ENV], fn.key).toEqual(seenFrom(s, fn.part, 'data', { Ref: photos }));
  });
});
