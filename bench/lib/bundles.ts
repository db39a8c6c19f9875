/**
 * Section 1: every deployed handler bundled with the project's esbuild options (`lib/bundling.ts`) into a
 * temp folder, its minified and gzip sizes, its cold module-load time in fresh Node processes, and what
 * the biggest bundle is made of.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { handlerEntry, routes, STEP_MODULES, stepEntry } from '../../lambdas/routes';
import { BUNDLE_TARGET, esbuildOptions } from '../../lib/bundling';
import { DOOR_EVENT_ENTRY } from '../../lib/constructs/door-channel';
import type { Progress } from './progress';
import { median } from './stats';

export interface BundleEntry {
  id: string;
  kind: 'route' | 'iot' | 'step';
  entry: string;
}

export interface BundleResult extends BundleEntry {
  bytes: number;
  gzipBytes: number;
  /** Cold module-load samples in ms (one fresh Node process each). */
  loadMs: number[];
  loadMedianMs: number;
  /** Its largest packages by bytes in the output (esbuild's `bytesInOutput`), the first `TOP_PACKAGES`. */
  packages: PackageShare[];
}

export interface PackageShare {
  name: string;
  bytes: number;
}

/** How many packages the report lists per bundle. */
export const TOP_PACKAGES = 5;

/** A bundle as the committed baseline recorded it. */
export interface BaselineBundle {
  bytes: number;
  gzipBytes: number;
  loadMedianMs: number;
  packages: PackageShare[];
}

/**
 * `bench/baseline/bundles.json`: every handler's bundle as measured once on a given commit (written by
 * `npm run bench -- --bundles-only --write-baseline`), so that a run shows before and after side by side
 * without building the old sources again. Its cold loads were measured on the machine that wrote it:
 * compare them with a run on the same machine.
 */
export interface BundleBaseline {
  commit: string;
  measuredAt: string;
  node: string;
  cpus: string;
  target: string;
  loadSamples: number;
  bundles: Record<string, BaselineBundle>;
}

export const BASELINE_FILE = join('bench', 'baseline', 'bundles.json');

export interface BundleSection {
  bundles: BundleResult[];
  biggest: { id: string; bytes: number; packages: PackageShare[] };
  /** The committed baseline the run is compared with (absent when there is none). */
  baseline?: BundleBaseline;
  /** esbuild target of the bundles (the Lambda runtime's Node.js). */
  target: string;
  loadSamples: number;
  wallMs: number;
}

/** Every function the project deploys or runs as a Lambda: the route rows, the door-event handler, the step handlers. */
export function bundleEntries(): BundleEntry[] {
  const steps: BundleEntry[] = Object.keys(STEP_MODULES)
    .sort()
    .map((step) => ({ id: `steps/${step}`, kind: 'step' as const, entry: stepEntry(step) }));
  return [
    ...routes.map((route) => ({ id: route.id, kind: 'route' as const, entry: handlerEntry(route) })),
    { id: 'iot/door-event', kind: 'iot', entry: DOOR_EVENT_ENTRY },
    ...steps,
  ];
}

/** The package an esbuild input path belongs to (`@scope/name`, `name`), or `(project sources)`. */
export function packageOf(inputPath: string): string {
  const at = inputPath.lastIndexOf('node_modules/');
  if (at < 0) return '(project sources)';
  const parts = inputPath.slice(at + 'node_modules/'.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? inputPath);
}

function packagesOf(output: Metafile['outputs'][string]): PackageShare[] {
  const byPackage = new Map<string, number>();
  for (const [path, input] of Object.entries(output.inputs)) {
    const name = packageOf(path);
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...byPackage.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** Time to `import()` a bundle in a fresh Node process, measured inside that process. */
function coldLoad(file: string): Promise<number> {
  const url = pathToFileURL(file).href;
  const script = `const t=performance.now();await import(${JSON.stringify(url)});process.stdout.write(String(performance.now()-t));process.exit(0);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'ap-northeast-1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        POWERTOOLS_SERVICE_NAME: 'coworking',
        POWERTOOLS_METRICS_DISABLED: 'true',
        TABLE_NAME: 'bench',
      },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const value = Number.parseFloat(out);
      if (code !== 0 || !Number.isFinite(value)) {
        reject(new Error(`Loading ${file} failed (exit ${code}): ${err.trim().split('\n').slice(-3).join(' ')}`));
      } else {
        resolve(value);
      }
    });
  });
}

/** A function bundled: its entry, its file, esbuild's account of it, and its sizes (minified and gzip). */
export interface BuiltBundle {
  entry: BundleEntry;
  file: string;
  output: Metafile['outputs'][string];
  bytes: number;
  gzipBytes: number;
}

/**
 * Bundles every entry into `outRoot/<id>/index.mjs` and measures its sizes (exact for given sources and packages: the
 * bench's table and the suite's size budget, test/cdk/bundle-budget.test.ts, both read them).
 */
export async function buildBundles(root: string, outRoot: string): Promise<BuiltBundle[]> {
  const entries = bundleEntries();
  // One esbuild call with one entry point per function: without code splitting every entry is bundled on
  // its own (as CDK does it, one function at a time), but shared modules are parsed once.
  const result = await build(
    esbuildOptions({
      entryPoints: Object.fromEntries(entries.map((entry) => [`${entry.id}/index`, join(root, entry.entry)])),
      outdir: outRoot,
    }),
  );
  const metafile = result.metafile as Metafile;
  return Promise.all(
    entries.map(async (entry) => {
      const file = join(outRoot, entry.id, 'index.mjs');
      const key = Object.keys(metafile.outputs).find((path) => resolvePath(path) === file);
      const output = key ? metafile.outputs[key] : undefined;
      if (!output) throw new Error(`esbuild wrote no ${relative(root, file)} for ${entry.entry}`);
      const content = await readFile(file);
      return { entry, file, output, bytes: output.bytes, gzipBytes: gzipSync(content, { level: 9 }).length };
    }),
  );
}

/** Bundles every entry ({@link buildBundles}), then measures cold loads. */
export async function measureBundles(
  root: string,
  outRoot: string,
  progress: Progress,
  samples = 10,
): Promise<BundleSection> {
  const started = performance.now();
  progress.step(`bundles: esbuild ${bundleEntries().length} handlers`);
  const built = await buildBundles(root, outRoot);

  progress.step(`bundles: cold loads (${samples} fresh Node processes per handler)`);
  const loads = built.map(() => [] as number[]);
  const total = samples * built.length;
  let done = 0;
  // Round-robin over the handlers, so that a noisy moment spreads over all of them.
  for (let round = 0; round < samples; round++) {
    for (const [i, bundle] of built.entries()) {
      loads[i]?.push(await coldLoad(bundle.file));
      progress.tick(++done, total);
    }
  }

  const bundles: BundleResult[] = built.map((bundle, i) => ({
    ...bundle.entry,
    bytes: bundle.bytes,
    gzipBytes: bundle.gzipBytes,
    loadMs: loads[i] ?? [],
    loadMedianMs: median(loads[i] ?? []),
    packages: packagesOf(bundle.output).slice(0, TOP_PACKAGES),
  }));
  const biggestIndex = built.reduce((best, b, i) => (b.bytes > (built[best]?.bytes ?? 0) ? i : best), 0);
  const biggest = built[biggestIndex];
  if (!biggest) throw new Error('No bundle was built');
  return {
    bundles,
    biggest: { id: biggest.entry.id, bytes: biggest.bytes, packages: packagesOf(biggest.output).slice(0, 10) },
    target: BUNDLE_TARGET,
    loadSamples: samples,
    wallMs: performance.now() - started,
  };
}

/** The baseline a run is compared with, or undefined when none is committed. */
export async function readBaseline(root: string): Promise<BundleBaseline | undefined> {
  try {
    return JSON.parse(await readFile(join(root, BASELINE_FILE), 'utf8')) as BundleBaseline;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A run's bundles as a baseline (sizes, median cold load, top packages; the samples are left out). */
export function baselineOf(
  section: BundleSection,
  run: { commit: string; measuredAt: string; node: string; cpus: string },
): BundleBaseline {
  const bundles: Record<string, BaselineBundle> = {};
  for (const b of [...section.bundles].sort((x, y) => x.id.localeCompare(y.id))) {
    bundles[b.id] = {
      bytes: b.bytes,
      gzipBytes: b.gzipBytes,
      loadMedianMs: Math.round(b.loadMedianMs * 10) / 10,
      packages: b.packages,
    };
  }
  return { ...run, target: section.target, loadSamples: section.loadSamples, bundles };
}

export async function writeBaseline(root: string, baseline: BundleBaseline): Promise<string> {
  const file = join(root, BASELINE_FILE);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(baseline, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  return file;
}
