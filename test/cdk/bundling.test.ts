import { existsSync } from 'node:fs';
import path from 'node:path';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FONT } from '../../lambdas/platform/pdf/font';
import { routes } from '../../lambdas/routes';
import {
  BUNDLE_ALIASES,
  BUNDLE_TARGET,
  bundledFileSource,
  esbuildOptions,
  LAMBDA_RUNTIME,
  lambdaBundling,
  lambdaBundlingWith,
} from '../../lib/bundling';
import { PROJECT_ROOT } from '../../lib/constructs/handler-function';

describe('bundling options', () => {
  const plain = esbuildOptions({ entryPoints: ['lambdas/modules/membership/http/get-me.ts'], outdir: 'dist' });

  it('targets the Node.js version of the Lambda runtime, the latest CDK knows', () => {
    expect(LAMBDA_RUNTIME.name).toBe('nodejs24.x');
    expect(BUNDLE_TARGET).toBe(`node${LAMBDA_RUNTIME.name.match(/^nodejs(\d+)\.x$/)?.[1]}`);
  });

  it('builds ESM for the runtime with a require shim, minified, with source maps and a metafile', () => {
    expect(lambdaBundling).toMatchObject({
      format: OutputFormat.ESM,
      target: BUNDLE_TARGET,
      minify: true,
      sourceMap: true,
      metafile: true,
      mainFields: ['module', 'main'],
      externalModules: [],
      bundleAwsSDK: true,
      forceDockerBundling: false,
    });
    expect(lambdaBundling.banner).toContain('createRequire(import.meta.url)');
  });

  it('gives esbuild the same settings', () => {
    expect(plain).toMatchObject({
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: lambdaBundling.target,
      minify: lambdaBundling.minify,
      sourcesContent: lambdaBundling.sourcesContent,
      mainFields: lambdaBundling.mainFields,
      banner: { js: lambdaBundling.banner },
      external: lambdaBundling.externalModules,
      metafile: true,
      outExtension: { '.js': '.mjs' },
    });
  });

  it('replace the SDK’s default credential chain by the environment’s credentials, its event-stream codec by a stub and mnemonist’s LRU cache by a small one, in CDK’s bundling and in esbuild’s', () => {
    const envCredentials = path.join(PROJECT_ROOT, 'lambdas/platform/sdk/env-credentials.ts');
    const noEventStreams = path.join(PROJECT_ROOT, 'lambdas/platform/sdk/no-event-streams.ts');
    const lruCache = path.join(PROJECT_ROOT, 'lambdas/platform/sdk/lru-cache.ts');
    expect(BUNDLE_ALIASES).toEqual({
      '@aws-sdk/credential-provider-node': envCredentials,
      '@smithy/core/event-streams': noEventStreams,
      'mnemonist/lru-cache': lruCache,
    });
    for (const file of [envCredentials, noEventStreams, lruCache]) expect(existsSync(file)).toBe(true);
    expect(plain.alias).toEqual(BUNDLE_ALIASES);
    // CDK passes each item as `--alias:<package>=<file>` (see handler-bundle.test.ts and poster-bundle.test.ts for the bundles)
    expect(lambdaBundling.esbuildArgs).toEqual({
      '--alias': [
        `@aws-sdk/credential-provider-node=${envCredentials}`,
        `@smithy/core/event-streams=${noEventStreams}`,
        `mnemonist/lru-cache=${lruCache}`,
      ],
    });
  });
});

describe('files a function reads at run time (bundledFiles)', () => {
  it('are named by the rows that print alone (the QR poster, a payment notice): no other function carries the font', () => {
    expect(routes.filter((r) => r.bundledFiles).map((r) => [r.id, r.bundledFiles])).toEqual([
      ['get-qr-poster', [DOCUMENT_FONT]],
      ['get-payment-notice', [DOCUMENT_FONT]],
    ]);
  });

  it('leave the bundling of a function without any as it is', () => {
    expect(lambdaBundlingWith()).toBe(lambdaBundling);
    expect(lambdaBundlingWith([])).toBe(lambdaBundling);
  });

  it('are copied from their package beside the bundle after esbuild, the rest of the bundling unchanged', () => {
    const { commandHooks, ...rest } = lambdaBundlingWith([DOCUMENT_FONT]);
    expect(rest).toEqual(lambdaBundling);
    const source = bundledFileSource(DOCUMENT_FONT);
    expect(source).toMatch(/node_modules\/@expo-google-fonts\/biz-udpgothic\/700Bold\/BIZUDPGothic_700Bold\.ttf$/);
    expect(commandHooks?.beforeBundling('/in', '/out')).toEqual([]);
    expect(commandHooks?.beforeInstall('/in', '/out')).toEqual([]);
    expect(commandHooks?.afterBundling('/in', "/asset's out")).toEqual([
      `mkdir -p '/asset'\\''s out/fonts'`,
      `cp '${source}' '/asset'\\''s out/fonts/BIZUDPGothic-Bold.ttf'`,
    ]);
  });

  it.each(['../escape.ttf', '/etc/passwd', 'fonts/../../x', 'fonts/a b.ttf', 'fonts/$(x).ttf', ''])(
    'refuse a target outside the bundle or with shell characters: %j',
    (target) => {
      expect(() => lambdaBundlingWith([{ ...DOCUMENT_FONT, target }])).toThrow(/Not a path inside a bundle/);
    },
  );
});
