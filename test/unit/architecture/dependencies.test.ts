/**
 * The dependency rules of design.md, read from the sources: contracts/ is the floor (zod and nothing of
 * ours), and zod comes through contracts/zod.ts alone (zod/mini with its English messages); the door controller imports only contracts/; platform/ and domain/ import only contracts/ (and,
 * inside themselves, their own files); a module imports platform/, domain/, contracts/ and other modules'
 * `index.ts` only; rules are pure; no import circles.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '../../..'));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every import of a file: packages by name, our files as paths relative to the project root (no extension). */
function importsOf(file: string): { packages: string[]; files: string[] } {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const patterns = [
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g,
    /(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const specs = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] as string));
  if (/\bimport\(\s*[^'"\s]/.test(text)) throw new Error(`${file}: an import() of a computed path cannot be judged`);
  const packages = specs.filter((s) => !s.startsWith('.'));
  const files = specs.filter((s) => s.startsWith('.')).map((s) => normalize(join(dirname(file), s)));
  return { packages, files };
}

const all = [...sources('contracts'), ...sources('lambdas'), ...sources('iot')];
const graph = new Map(all.map((file) => [file.replace(/\.ts$/, ''), importsOf(file)]));
// A folder import is its index.ts.
for (const node of graph.values()) {
  node.files = node.files.map((f) => (graph.has(f) || !graph.has(`${f}/index`) ? f : `${f}/index`));
}
/** The module a path belongs to: the nearest folder under lambdas/modules/ with an index.ts (modules may nest). */
function moduleOf(path: string): string | undefined {
  const parts = path.split('/');
  for (let n = parts.length - 1; n >= 3; n--) {
    const folder = parts.slice(0, n).join('/');
    if (folder.startsWith('lambdas/modules/') && graph.has(`${folder}/index`)) return folder;
  }
  return undefined;
}
const isIndex = (path: string) => moduleOf(path) !== undefined && path === `${moduleOf(path)}/index`;

describe('dependency rules', () => {
  it('contracts/ imports zod and other contracts only', () => {
    for (const [file, { packages, files }] of graph) {
      if (!file.startsWith('contracts/')) continue;
      expect(
        packages.filter((p) => p !== 'zod' && !p.startsWith('zod/')),
        file,
      ).toEqual([]);
      expect(
        files.filter((f) => !f.startsWith('contracts/')),
        file,
      ).toEqual([]);
    }
  });

  it('zod is imported by contracts/zod.ts only (zod/mini, English set once), never classic zod', () => {
    const importers = [...graph].filter(([, { packages }]) =>
      packages.some((p) => p === 'zod' || p.startsWith('zod/')),
    );
    expect(importers.map(([file]) => file)).toEqual(['contracts/zod']);
    expect(new Set(graph.get('contracts/zod')?.packages)).toEqual(new Set(['zod/mini', 'zod/v4/locales/en.js']));
  });

  it('the door controller (iot/) imports contracts/ only of ours', () => {
    for (const [file, { files }] of graph) {
      if (!file.startsWith('iot/')) continue;
      expect(
        files.filter((f) => !f.startsWith('iot/') && !f.startsWith('contracts/')),
        file,
      ).toEqual([]);
    }
  });

  it('platform/ and domain/ import only contracts/ and themselves', () => {
    for (const [file, { files }] of graph) {
      for (const layer of ['lambdas/platform/', 'lambdas/domain/']) {
        if (!file.startsWith(layer)) continue;
        expect(
          files.filter((f) => !f.startsWith(layer) && !f.startsWith('contracts/')),
          file,
        ).toEqual([]);
      }
    }
  });

  it('a module imports other modules through their index.ts only', () => {
    for (const [file, { files }] of graph) {
      const own = moduleOf(file);
      if (!own) continue;
      const foreign = files.filter((f) => {
        const other = moduleOf(f);
        return other !== undefined && other !== own && !isIndex(f);
      });
      expect(foreign, file).toEqual([]);
      expect(
        files.filter(
          (f) =>
            f.startsWith('lambdas/') &&
            !f.startsWith('lambdas/modules/') &&
            !f.startsWith('lambdas/platform/') &&
            !f.startsWith('lambdas/domain/'),
        ),
        file,
      ).toEqual([]);
    }
  });

  it('rules are pure: no AWS SDK, middy, Powertools or aws-lambda, no platform', () => {
    for (const [file, { packages, files }] of graph) {
      if (!file.startsWith('lambdas/domain/') && !/^lambdas\/modules\/.+\/rules\//.test(file)) continue;
      expect(
        packages.filter((p) => /^(@aws-sdk|@middy|@aws-lambda-powertools|aws-lambda)/.test(p)),
        file,
      ).toEqual([]);
      expect(
        files.filter(
          (f) => f.startsWith('lambdas/platform/') || (f.startsWith('lambdas/modules/') && !f.includes('/rules/')),
        ),
        file,
      ).toEqual([]);
    }
  });

  it('the route table gathers the modules through their index.ts', () => {
    const { files } = graph.get('lambdas/routes') ?? { files: [] };
    const modules = files.filter((f) => f.startsWith('lambdas/modules/'));
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((f) => !isIndex(f))).toEqual([]);
  });

  it('pure rules read no wall clock: time comes in as an argument', () => {
    for (const file of graph.keys()) {
      if (!file.startsWith('lambdas/domain/') && !/^lambdas\/modules\/.+\/rules\//.test(file)) continue;
      const text = readFileSync(join(ROOT, `${file}.ts`), 'utf8');
      expect(/Date\.now\(\)|new Date\(\)/.test(text), file).toBe(false);
    }
  });

  it('has no import circles among files', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file)?.files ?? []) {
        const target = graph.has(next) ? next : graph.has(`${next}/index`) ? `${next}/index` : undefined;
        if (target) visit(target, [...path, file]);
      }
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('reads every source file it judges', () => {
    expect(graph.size).toBeGreaterThan(80);
    expect(relative(ROOT, join(ROOT, 'lambdas'))).toBe('lambdas');
  });
});
