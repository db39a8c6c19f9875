/**
 * The dependency rules of design.md, read from the sources: contracts/ is the floor (zod and nothing of
 * ours); the door controller imports only contracts/; platform/ and domain/ import only contracts/ (and,
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
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map((m) => m[1] as string);
  const packages = specs.filter((s) => !s.startsWith('.'));
  const files = specs.filter((s) => s.startsWith('.')).map((s) => normalize(join(dirname(file), s)));
  return { packages, files };
}

const all = [...sources('contracts'), ...sources('lambdas'), ...sources('iot')];
const graph = new Map(all.map((file) => [file.replace(/\.ts$/, ''), importsOf(file)]));
const moduleOf = (path: string) => /^lambdas\/modules\/([^/]+)\//.exec(path)?.[1];
const isIndex = (path: string) => /^lambdas\/modules\/[^/]+\/index$/.test(path);

describe('dependency rules', () => {
  it('contracts/ imports zod and other contracts only', () => {
    for (const [file, { packages, files }] of graph) {
      if (!file.startsWith('contracts/')) continue;
      expect(
        packages.filter((p) => p !== 'zod'),
        file,
      ).toEqual([]);
      expect(
        files.filter((f) => !f.startsWith('contracts/')),
        file,
      ).toEqual([]);
    }
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
      if (!file.startsWith('lambdas/domain/') && !/^lambdas\/modules\/[^/]+\/rules\//.test(file)) continue;
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
