/**
 * The functions that print (the QR poster, a payment notice) carry the document font, and only they: bundled for real
 * (esbuild, the CDK NodejsFunction of every route, through the Api construct), their assets hold the font file beside
 * `index.mjs` and our own PDF writer in the bundle, none of pdf-lib, fontkit (and its brotli) or pdf-lib's packages (the
 * poster qrcode's encoder, without its renderers), while a sibling route's asset (congestion; a notice's lines, JSON and
 * CSV) holds neither the font nor qrcode. The renderer, bundled with the same settings and
 * run from a folder no node_modules is reachable from, finds the font beside its bundle and draws a poster. Each CDK
 * bundle holds the environment's credentials in place of the SDK's default chain (the alias in lib/bundling.ts).
 * Unlike the other CDK tests, this one bundles (four functions), so it takes seconds, not milliseconds.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { packageOf } from '../../bench/lib/bundles';
import { rows as congestionRows } from '../../lambdas/modules/partner/congestion/routes';
import { rows as posterRows } from '../../lambdas/modules/partner/qr-poster/routes';
import { rows as settlementRows } from '../../lambdas/modules/settlement/routes';
import { DOCUMENT_FONT } from '../../lambdas/platform/pdf/font';
import { bundledFileSource, copyBundledFiles, esbuildOptions } from '../../lib/bundling';
import { Api } from '../../lib/constructs/api';
import { PROJECT_ROOT } from '../../lib/constructs/handler-function';
import { filesIn, stageConfig } from './helpers';
import { CDK_TMPDIR } from './tmpdir';

const run = promisify(execFile);
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context?: Record<string, unknown>;
};
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** What drew the documents before our writer (the tests' oracle now): no printing function's bundle holds any of it. */
const FORMER_PDF_PACKAGES = /^(pdf-lib|fontkit|brotli|pako|restructure|@pdf-lib\/.*)$/;
/** The packages an esbuild metafile's inputs come from (every file read, tree-shaken or not: stricter than `filesIn`). */
const packagesIn = (metafile: Metafile) =>
  new Set(
    Object.keys(metafile.inputs)
      .filter((input) => input.includes('node_modules/'))
      .map(packageOf),
  );

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('the printing functions’ bundles (the QR poster, a payment notice)', () => {
  const outdir = mkdtempSync(path.join(CDK_TMPDIR, 'bundled-'));
  folders.push(outdir);
  // bundling on (the other CDK tests skip it), for this stack alone
  const app = new App({ outdir, context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': ['PosterBundle'] } });
  const stack = new Stack(app, 'PosterBundle');
  const table = new Table(stack, 'Table', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
  const api = new Api(stack, 'Routes', {
    config: stageConfig('dev'),
    rows: [
      posterRows.getQrPoster,
      congestionRows.setCongestion,
      settlementRows.getPaymentNotice,
      settlementRows.listPaymentNoticeLines,
    ],
    api: { httpApi: new HttpApi(stack, 'Http'), authorizerId: 'authorizer', requiredScope: 'api/scope' },
    table,
    unlockPublisher: { allowPublishingUnlocks: () => undefined },
    timerStarter: { allowStartingTimers: () => undefined },
    photoStorer: { allowStoringPhotos: () => undefined },
    exportReader: { allowReadingExports: () => undefined },
    operatorManager: { allowManagingOperators: () => undefined },
    ticketSigner: { allowSigningTickets: () => undefined },
  });
  /** The folder CDK bundled a route's function into. */
  const assetOf = (routeId: string) => {
    const code = api.functions.get(routeId)?.node.findChild('Code') as Asset | undefined;
    if (!code) throw new Error(`no asset for ${routeId}`);
    return path.join(outdir, code.assetPath);
  };
  const poster = assetOf('get-qr-poster');
  const congestion = assetOf('set-congestion');
  const notice = assetOf('get-payment-notice');
  const noticeLines = assetOf('list-payment-notice-lines');
  const metafileOf = (asset: string) =>
    JSON.parse(readFileSync(path.join(asset, 'index.meta.json'), 'utf8')) as Metafile;

  it('holds the poster font beside index.mjs, byte for byte the package’s file', () => {
    expect(existsSync(path.join(poster, 'index.mjs'))).toBe(true);
    const font = path.join(poster, DOCUMENT_FONT.target);
    expect(existsSync(font)).toBe(true);
    expect(sha256(font)).toBe(sha256(bundledFileSource(DOCUMENT_FONT)));
  });

  it('bundles our PDF writer and qrcode’s encoder into the poster function only, no pdf-lib, fontkit or renderer', () => {
    const packages = [...packagesIn(metafileOf(poster))];
    expect(packages).toContain('qrcode');
    expect(packages.filter((name) => FORMER_PDF_PACKAGES.test(name) || name === 'pngjs')).toEqual([]);
    const inputs = Object.keys(metafileOf(poster).inputs);
    expect(inputs).toEqual(
      expect.arrayContaining(['lambdas/platform/pdf/writer.ts', 'lambdas/platform/pdf/truetype.ts']),
    );
    expect(inputs.filter((input) => input.includes('node_modules/qrcode/lib/renderer/'))).toEqual([]);
    const others = packagesIn(metafileOf(congestion));
    expect(others.has('qrcode')).toBe(false);
    expect(existsSync(path.join(congestion, path.dirname(DOCUMENT_FONT.target)))).toBe(false);
    const sizes = {
      poster: statSync(path.join(poster, 'index.mjs')).size,
      font: statSync(path.join(poster, DOCUMENT_FONT.target)).size,
      congestion: statSync(path.join(congestion, 'index.mjs')).size,
    };
    console.log('BUNDLE', JSON.stringify(sizes));
  });

  it('carries the environment’s credentials in place of the SDK’s default chain (the alias CDK passes to esbuild)', () => {
    for (const asset of [poster, congestion, notice, noticeLines]) {
      const inputs = filesIn(metafileOf(asset));
      expect(inputs).toContain('lambdas/platform/sdk/env-credentials.ts');
      expect(
        inputs.filter((file) => /node_modules\/@aws-sdk\/(credential-provider-node|nested-clients)\//.test(file)),
      ).toEqual([]);
    }
  });

  it('holds the font beside the payment notice’s bundle too, with our PDF writer, no pdf-lib or fontkit; a notice’s lines none', () => {
    expect(sha256(path.join(notice, DOCUMENT_FONT.target))).toBe(sha256(bundledFileSource(DOCUMENT_FONT)));
    expect([...packagesIn(metafileOf(notice))].filter((name) => FORMER_PDF_PACKAGES.test(name))).toEqual([]);
    expect(Object.keys(metafileOf(notice).inputs)).toContain('lambdas/platform/pdf/writer.ts');
    const lines = packagesIn(metafileOf(noticeLines));
    expect(lines.has('qrcode')).toBe(false);
    expect(Object.keys(metafileOf(noticeLines).inputs)).not.toContain('lambdas/platform/pdf/writer.ts');
    expect(existsSync(path.join(noticeLines, path.dirname(DOCUMENT_FONT.target)))).toBe(false);
    const sizes = {
      notice: statSync(path.join(notice, 'index.mjs')).size,
      noticeLines: statSync(path.join(noticeLines, 'index.mjs')).size,
    };
    console.log('BUNDLE', JSON.stringify(sizes));
  });
});

describe('the renderer, bundled', () => {
  it('finds the font beside its bundle, with no node_modules in reach, and draws a poster', async () => {
    // under /tmp, not the project's .tmp: nothing there resolves the font's package, only its copy can be read
    const outdir = mkdtempSync('/tmp/qr-poster-bundle-');
    folders.push(outdir);
    const entry = path.join(outdir, 'entry.ts');
    writeFileSync(
      entry,
      [
        `export { renderPoster } from ${JSON.stringify(path.join(PROJECT_ROOT, 'lambdas/modules/partner/qr-poster/poster.ts'))};`,
        `export { bundledFilePath } from ${JSON.stringify(path.join(PROJECT_ROOT, 'lambdas/platform/bundled-files.ts'))};`,
      ].join('\n'),
    );
    await build(esbuildOptions({ entryPoints: { index: entry }, outdir }));
    await copyBundledFiles(posterRows.getQrPoster.bundledFiles, outdir);
    const script = [
      `const { renderPoster, bundledFilePath } = await import(${JSON.stringify(path.join(outdir, 'index.mjs'))});`,
      `const pdf = await renderPoster({ facilityName: 'リージャス丸の内', spaceName: 'ラウンジ', qrValue: 'QR-1' }, 0);`,
      `const font = bundledFilePath(${JSON.stringify(DOCUMENT_FONT)}, ${JSON.stringify(`file://${outdir}/index.mjs`)});`,
      'process.stdout.write(JSON.stringify({ bytes: pdf.byteLength, head: Buffer.from(pdf.subarray(0, 5)).toString(), font }));',
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: outdir });
    const answer = JSON.parse(stdout) as { bytes: number; head: string; font: string };
    expect(answer.head).toBe('%PDF-');
    expect(answer.bytes).toBeGreaterThan(5_000);
    expect(answer.font).toBe(path.join(outdir, DOCUMENT_FONT.target));
  });
});
