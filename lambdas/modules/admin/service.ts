/**
 * The back office (role admin): facilities, open spaces and doors set up for partners, companies and their corporate
 * codes. Each write is one transaction with what it must keep unique (a facility's id and its partner's list, an
 * open space and its QR value, door ids, corporate codes).
 */
import type { CompanyPatch, DoorsBody, NewCompany, NewFacility, NewOpenSpace } from '../../../contracts/http/admin';
import { localDateOf } from '../../domain/calendar';
import type { Company, Facility, Instant, Space } from '../../domain/model';
import type { TaggedItem, TransactOutcome } from '../../platform/dynamo/transactions';
import type { Ids } from '../../platform/ports';
import { ApiError, notFound } from '../../platform/problems';
import { retryOnStale, STALE } from '../../platform/retry';
import type { CatalogDeps, DoorRegistry, PartnerRepository } from '../catalog';
import type { CompanyRepository } from '../membership';
import { applyFacilityPatch } from '../partner/facilities';
import { newSpace } from '../partner/spaces';
import { corporateCodeOf, newFacilityBase, planDoors, qrValueOf } from './rules/catalogue';

export interface AdminPorts {
  facilities: Pick<CatalogDeps['facilities'], 'getFacility' | 'createFacility' | 'replaceItem'>;
  spaces: Pick<CatalogDeps['spaces'], 'getSpace' | 'spacesOfFacility' | 'createOpenSpace' | 'doorsSet'>;
  partners: Pick<PartnerRepository, 'facilityAdded'>;
  companies: Pick<CompanyRepository, 'createCompany' | 'getCompany' | 'setMonthlyCap'>;
  doors: Pick<DoorRegistry, 'taken' | 'released'>;
  ids: Ids;
  corporateCodes: Ids;
  /** One table transaction (the door writes). */
  write: (items: readonly TaggedItem[]) => Promise<TransactOutcome>;
}

const stale = (what: string) =>
  new ApiError('VERSION_MISMATCH', `The ${what} changed since you read it: read it again`);
const busy = () => new ApiError('INVALID_STATE', 'The catalogue kept changing while we worked on it; try again');

/**
 * What a new facility of a partner is (pure): what only staff set on a new facility's base, then the partner's own
 * fields, checked as the partner's edits are; or the field that breaks a rule.
 */
export function newFacility(partnerId: string, facilityId: string, input: Omit<NewFacility, 'facilityId'>) {
  const { brand, kind, timeZone, checkInMethod, dailyCheckInLimit, basicPlanAllowed, ...fields } = input;
  const base = newFacilityBase({
    facilityId,
    partnerId,
    brand,
    kind,
    ...(timeZone ? { timeZone } : {}),
    ...(checkInMethod ? { checkInMethod } : {}),
    ...(dailyCheckInLimit !== undefined ? { dailyCheckInLimit } : {}),
    ...(basicPlanAllowed !== undefined ? { basicPlanAllowed } : {}),
  });
  return applyFacilityPatch(base, fields);
}

/** A facility of a partner, from the fields api.md lists (the partner's own, checked as the partner's edits are). */
export async function createFacility(
  deps: Pick<AdminPorts, 'facilities' | 'partners' | 'ids'>,
  partnerId: string,
  input: NewFacility,
): Promise<Facility> {
  const { facilityId, ...fields } = input;
  const applied = newFacility(partnerId, facilityId ?? `${partnerId}-${deps.ids.next().slice(0, 8)}`, fields);
  if (!applied.ok) {
    throw new ApiError('VALIDATION_FAILED', `${applied.field}: ${applied.message}`, [
      { field: applied.field, message: applied.message },
    ]);
  }
  const facility = applied.facility;
  const outcome = await deps.facilities.createFacility(facility, [
    deps.partners.facilityAdded(partnerId, facility.facilityId),
  ]);
  if (!outcome.ok) {
    if (outcome.failed === 'stale') throw busy();
    throw new ApiError(outcome.failed.code, outcome.failed.detail);
  }
  return facility;
}

/** An open (drop-in) space of a facility with a fresh QR value; its calendar is the partner's to set. */
export async function createOpenSpace(
  deps: Pick<AdminPorts, 'facilities' | 'spaces' | 'ids'>,
  facilityId: string,
  input: NewOpenSpace,
  now: Instant,
): Promise<{ space: Space; facility: Facility }> {
  const facility = await deps.facilities.getFacility(facilityId);
  if (!facility) throw notFound('Facility');
  const { spaceId, ...settings } = input;
  const applied = newSpace({
    spaceId: spaceId ?? `${facilityId}-${deps.ids.next().slice(0, 8)}`,
    facility,
    kind: 'openSpace',
    settings,
    today: localDateOf(now, facility.timeZone),
  });
  if (!applied.ok) throw new ApiError('INVALID_SPACE_CONFIG', applied.problems.join(' '));
  const space = { ...applied.space, qrValue: qrValueOf(deps.ids.next()) };
  if ((await deps.spaces.createOpenSpace(space)) === 'taken') {
    throw new ApiError('INVALID_STATE', `Space id ${space.spaceId} is taken`);
  }
  return { space, facility };
}

/**
 * Sets every door of a facility and the spaces each opens, on the facility version the caller read (`If-Match`):
 * the facility, the spaces whose doors change (each on the version read, decided again when a partner's edit lands
 * first) and the door ids taken or given up, in one transaction.
 */
export function setDoors(
  deps: Pick<AdminPorts, 'facilities' | 'spaces' | 'doors' | 'write'>,
  facilityId: string,
  body: DoorsBody,
  expectedVersion: number,
): Promise<{ facility: Facility; spaces: Space[] }> {
  return retryOnStale(async () => {
    const [facility, spaces] = await Promise.all([
      deps.facilities.getFacility(facilityId),
      deps.spaces.spacesOfFacility(facilityId),
    ]);
    if (!facility) throw notFound('Facility');
    if (facility.version !== expectedVersion) throw stale('facility');
    const planned = planDoors(facility, spaces, body);
    if (!planned.ok) {
      const detail = planned.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
      throw new ApiError('INVALID_SPACE_CONFIG', detail, planned.problems);
    }
    const { doors, spaceDoors, released } = planned.plan;
    const next: Facility = { ...facility, doors, version: facility.version + 1 };
    const outcome = await deps.write([
      deps.facilities.replaceItem(next, expectedVersion),
      ...spaceDoors.map(({ space, doorIds }) => deps.spaces.doorsSet(space, doorIds)),
      ...doors.map((d) => deps.doors.taken(d.doorId, facilityId)),
      ...released.map((doorId) => deps.doors.released(doorId)),
    ]);
    if (!outcome.ok) {
      if (outcome.failed !== 'stale') throw new ApiError(outcome.failed.code, outcome.failed.detail);
      return STALE;
    }
    const changed = new Map(spaceDoors.map(({ space, doorIds }) => [space.spaceId, doorIds]));
    return {
      facility: next,
      spaces: spaces.map((s) => {
        const doorIds = changed.get(s.spaceId);
        return doorIds ? { ...s, doorIds, version: s.version + 1 } : s;
      }),
    };
  }, busy);
}

/** A company with a fresh 16-digit corporate code (a code another company has is drawn again). */
export function createCompany(deps: Pick<AdminPorts, 'companies' | 'ids' | 'corporateCodes'>, input: NewCompany) {
  const companyId = deps.ids.next();
  return retryOnStale(async () => {
    const company: Company = {
      companyId,
      name: input.name,
      corporateCode: corporateCodeOf(deps.corporateCodes.next()),
      monthlyCap: input.monthlyCap ?? null,
      version: 1,
    };
    return (await deps.companies.createCompany(company)) === 'created' ? company : STALE;
  }, busy);
}

export async function readCompany(deps: Pick<AdminPorts, 'companies'>, companyId: string): Promise<Company> {
  const company = await deps.companies.getCompany(companyId);
  if (!company) throw notFound('Company');
  return company;
}

/** Sets a company's monthly cap on the version read (`If-Match`). */
export async function editCompany(
  deps: Pick<AdminPorts, 'companies'>,
  companyId: string,
  patch: CompanyPatch,
  expectedVersion: number,
): Promise<Company> {
  const company = await readCompany(deps, companyId);
  if ((company.version ?? 1) !== expectedVersion) throw stale('company');
  if (!(await deps.companies.setMonthlyCap(companyId, patch.monthlyCap, expectedVersion))) throw stale('company');
  return { ...company, monthlyCap: patch.monthlyCap, version: expectedVersion + 1 };
}
