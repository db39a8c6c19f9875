import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_TARGET, esbuildOptions, LAMBDA_RUNTIME, lambdaBundling } from '../../lib/bundling';

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
});
