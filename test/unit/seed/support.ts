/** The demo catalogue and the local stack's demo data, as the seed's unit tests start from them. */
import { readFileSync } from 'node:fs';
import type { Catalogue, CatalogueFile } from '../../../contracts/catalogue';
import type { Space } from '../../../lambdas/domain/model';
import * as demo from '../../../lib/local/demo-data';
import { DEMO_CATALOGUE, parseCatalogue } from '../../../lib/seed/catalogue';
import type { Snapshot } from '../../../lib/seed/plan';

/** A fresh copy of the demo catalogue's JSON, to change in a test. */
export const demoJson = (): CatalogueFile => JSON.parse(readFileSync(DEMO_CATALOGUE, 'utf8'));

/** A catalogue's JSON through its contract; a test of the plan wants it valid. */
export function parsed(json: unknown): Catalogue {
  const outcome = parseCatalogue(json);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.catalogue;
}

export const EMPTY: Snapshot = {
  partners: new Map(),
  facilities: [],
  spaces: [],
  companies: new Map(),
  codeOwners: new Map(),
  holds: new Map(),
};

/** The table as the local stack loads it (lib/local/seed.ts), with changes. */
export function demoSnapshot(change: Partial<Snapshot> = {}): Snapshot {
  return {
    partners: new Map(demo.partners.map((p) => [p.partnerId, p])),
    facilities: demo.facilities,
    spaces: demo.spaces,
    companies: new Map(demo.companies.map((c) => [c.companyId, c])),
    codeOwners: new Map(demo.companies.map((c) => [c.corporateCode, c.companyId])),
    holds: new Map(),
    ...change,
  };
}

/** The demo spaces, one of them changed. */
export const demoSpacesWith = (spaceId: string, change: Partial<Space>): Space[] =>
  demo.spaces.map((s) => (s.spaceId === spaceId ? { ...s, ...change } : s));

/** 2026-11-20 10:00 in Tokyo. */
export const NOW = Date.parse('2026-11-20T10:00:00+09:00');
