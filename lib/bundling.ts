/**
 * The one place for esbuild settings of Lambda bundles: CDK's NodejsFunction uses `lambdaBundling`,
 * scripts that call esbuild directly (benchmarks, size checks) use `esbuildOptions`. Both produce the
 * same ESM bundle: `index.mjs` (or `<name>.mjs`), node24, minified, with a linked source map and a
 * metafile.
 *
 * The AWS SDK v3 is bundled, not taken from the runtime: the versions pinned in package-lock.json are
 * the ones that run, whatever the Lambda runtime happens to ship, and tree-shaking keeps them small.
 * Its default credential chain is swapped for the environment's credentials alone, its event-stream codec for a stub
 * ({@link BUNDLE_ALIASES}).
 *
 * A function whose row names `bundledFiles` (files it reads at run time, such as a font) gets them copied beside its
 * bundle: `lambdaBundlingWith` for CDK, `copyBundledFiles` for esbuild called directly.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, LogLevel, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { BUNDLED_TARGET, type BundledFile } from '../lambdas/platform/bundled-files';

/**
 * The Lambda runtime of every handler function: the latest Node.js runtime CDK knows (cdk-nag AwsSolutions-L1
 * fails on anything older). Change it together with {@link BUNDLE_TARGET}.
 */
export const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;

/** esbuild target matching the Lambda runtime ({@link LAMBDA_RUNTIME}). */
export const BUNDLE_TARGET = 'node24';

/** Prefer ESM entry points of dependencies (better tree-shaking), fall back to CommonJS. */
export const MAIN_FIELDS: readonly string[] = ['module', 'main'];

/** Defines `require` in the ESM bundle, for CommonJS dependencies that call it at run time. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Nothing is external: Node built-ins are external by `platform: node`, everything else is bundled. */
export const EXTERNAL_MODULES: readonly string[] = [];

/** A stand-in for an SDK package, in lambdas/platform/sdk/, by its absolute path. */
function sdkStandIn(file: string): string {
  return fileURLToPath(new URL(`../lambdas/platform/sdk/${file}`, import.meta.url));
}

/**
 * Packages replaced in every bundle (esbuild `alias`: package name → absolute file). `@aws-sdk/credential-provider-node`
 * (the SDK's default credential chain, which every client's runtime config imports: SSO, ini files, credential
 * processes, web identity, the metadata endpoints, with STS and SSO clients of their own) becomes
 * lambdas/platform/sdk/env-credentials.ts, its first link only: a Lambda function's credentials are in its environment.
 * `@smithy/core/event-streams` becomes lambdas/platform/sdk/no-event-streams.ts, which throws if ever used;
 * `mnemonist/lru-cache` (DynamoDB's endpoint-discovery cache) lambdas/platform/sdk/lru-cache.ts, a small one on a Map.
 * Absolute paths, so that esbuild finds them whatever its working directory (CDK runs it in the project root).
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': sdkStandIn('env-credentials.ts'),
  // the event-stream codec every client's protocol loads by a dynamic import (inlined in a bundle): no function
  // calls an operation that streams events (≈7 KiB gzip off every bundle)
  '@smithy/core/event-streams': sdkStandIn('no-event-streams.ts'),
  // the DynamoDB client's endpoint-discovery cache, on a Map (≈2 KiB gzip off every bundle)
  'mnemonist/lru-cache': sdkStandIn('lru-cache.ts'),
};

/** Bundling options for every NodejsFunction (local esbuild, never Docker). */
export const lambdaBundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: BUNDLE_TARGET,
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: false,
  mainFields: [...MAIN_FIELDS],
  banner: ESM_REQUIRE_BANNER,
  externalModules: [...EXTERNAL_MODULES],
  bundleAwsSDK: true,
  // CDK passes each as `--alias:<package>=<file>`
  esbuildArgs: { '--alias': Object.entries(BUNDLE_ALIASES).map(([name, file]) => `${name}=${file}`) },
  metafile: true,
  logLevel: LogLevel.WARNING,
  forceDockerBundling: false,
};

/** Inputs of `esbuildOptions`. */
export interface EsbuildEntryOptions {
  /** Entry files, or a map of output name → entry file. */
  readonly entryPoints: string[] | Record<string, string>;
  /** Output folder; bundles are written as `<name>.mjs`. */
  readonly outdir: string;
}

/**
 * esbuild `BuildOptions` equivalent to `lambdaBundling`, for calling esbuild's API directly.
 * @param options entry points and output folder
 */
export function esbuildOptions(options: EsbuildEntryOptions): BuildOptions {
  return {
    entryPoints: options.entryPoints,
    outdir: options.outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE_TARGET,
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    mainFields: [...MAIN_FIELDS],
    banner: { js: ESM_REQUIRE_BANNER },
    external: [...EXTERNAL_MODULES],
    alias: { ...BUNDLE_ALIASES },
    metafile: true,
    logLevel: 'warning',
  };
}

/** Where a bundled file's source is in node_modules (resolved from the project, as the handlers' imports are). */
export function bundledFileSource(file: BundledFile): string {
  if (!BUNDLED_TARGET.test(file.target)) throw new Error(`Not a path inside a bundle: ${file.target}`);
  return createRequire(import.meta.url).resolve(file.source);
}

/** A path as one POSIX shell word. */
const shellWord = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * The CDK bundling of a function that reads `files` at run time: {@link lambdaBundling}, and an `afterBundling` hook
 * that copies each file from its package to its place beside `index.mjs`. Local bundling runs the hook with bash, as
 * it runs esbuild (never Docker). Without files, {@link lambdaBundling} itself.
 */
export function lambdaBundlingWith(files: readonly BundledFile[] = []): BundlingOptions {
  if (files.length === 0) return lambdaBundling;
  const copies = files.map((file) => ({ from: bundledFileSource(file), to: file.target }));
  return {
    ...lambdaBundling,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDir, outputDir) =>
        copies.flatMap(({ from, to }) => {
          const target = path.posix.join(outputDir, to);
          return [`mkdir -p ${shellWord(path.posix.dirname(target))}`, `cp ${shellWord(from)} ${shellWord(target)}`];
        }),
    },
  };
}

/** What `lambdaBundlingWith`'s hook does, for esbuild called directly: copies `files` beside the bundles in `outdir`. */
export async function copyBundledFiles(files: readonly BundledFile[], outdir: string): Promise<void> {
  for (const file of files) {
    const target = path.join(outdir, file.target);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(bundledFileSource(file), target);
  }
}
