/** Reading a catalogue file (contracts/catalogue.ts): JSON, then the contract, each problem naming its field. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Catalogue, catalogue } from '../../contracts/catalogue';
import type { FieldProblem } from '../../contracts/errors';
import { fieldProblems } from '../../lambdas/platform/http';

/** The demo catalogue: what the local stack's demo data says of partners, facilities, spaces, doors and companies. */
export const DEMO_CATALOGUE = fileURLToPath(new URL('./demo-catalogue.json', import.meta.url));

export type CatalogueOutcome = { ok: true; catalogue: Catalogue } | { ok: false; problems: FieldProblem[] };

/** A catalogue from parsed JSON, or its fields that break the contract (`partners.0.facilities.1.spaces.0.kind`). */
export function parseCatalogue(json: unknown): CatalogueOutcome {
  const parsed = catalogue.safeParse(json);
  if (parsed.success) return { ok: true, catalogue: parsed.data };
  const problems = fieldProblems(parsed.error, '$').map((p) => ({
    field: p.field === '$' ? '(catalogue)' : p.field.slice(2),
    message: p.message,
  }));
  return { ok: false, problems };
}

/** The JSON of a catalogue file; a file that cannot be read or is not JSON is one problem. */
export async function readJson(
  path: string,
): Promise<{ ok: true; json: unknown } | { ok: false; problems: FieldProblem[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ field: '(file)', message: `Cannot read ${path}: ${(error as Error).message}` }] };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problems: [{ field: '(file)', message: `${path} is not JSON: ${(error as Error).message}` }] };
  }
}
