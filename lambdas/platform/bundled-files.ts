/**
 * Files a function reads at run time that are not code (the poster's font). Each comes from an npm package, is
 * copied beside the function's bundle when CDK bundles it (the row's `bundledFiles`, `lambdaBundlingWith` in
 * lib/bundling.ts), and is read from there; run from the sources (the local stack, tests) it is read from its package.
 * A file is never inlined into the JavaScript: the code of every function stays as small to load as it was, and only
 * the functions whose rows name a file carry it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface BundledFile {
  /** The file in its npm package, as `require.resolve` takes it: `<package>/<path in the package>`. */
  readonly source: string;
  /** Where it is put, relative to the folder of the bundle (the function's code root), e.g. `fonts/poster.ttf`. */
  readonly target: string;
}

/** A target is a plain relative path below the bundle's folder: no `..`, no absolute path, no shell character. */
export const BUNDLED_TARGET = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/;

/**
 * Where `file` is: beside the bundle when this module runs bundled (its `import.meta.url` is then the bundle's
 * `index.mjs`, so the target resolves against the function's code root), else in its package.
 */
export function bundledFilePath(file: BundledFile, base: string = import.meta.url): string {
  const beside = fileURLToPath(new URL(file.target, base));
  return existsSync(beside) ? beside : createRequire(base).resolve(file.source);
}

/** The bytes of `file` (see {@link bundledFilePath}). */
export const readBundledFile = async (file: BundledFile): Promise<Uint8Array> => readFile(bundledFilePath(file));
