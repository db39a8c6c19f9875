/**
 * The seed's side of the table: the repositories the routes' services are given (over the stage's table, not the
 * process-wide one), what a plan reads first, and the services each planned write calls.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Catalogue } from '../../contracts/catalogue';
import type { Instant } from '../../lambdas/domain/model';
import { createCompany, createFacility, createOpenSpace, editCompany, setDoors } from '../../lambdas/modules/admin';
import { ReservationRepository } from '../../lambdas/modules/booking';
import { DoorRegistry, FacilityRepository, PartnerRepository, SpaceRepository } from '../../lambdas/modules/catalog';
import { CompanyRepository } from '../../lambdas/modules/membership';
import { changeCalendar } from '../../lambdas/modules/partner/calendar';
import { editFacility } from '../../lambdas/modules/partner/facilities';
import { createSpace, editSpace } from '../../lambdas/modules/partner/spaces';
import { corporateCodeDigits, uuids } from '../../lambdas/platform/deps';
import { transact } from '../../lambdas/platform/dynamo/transactions';
import type { Identity } from '../../lambdas/platform/identity';
import type { Ids } from '../../lambdas/platform/ports';
import type { Action, Snapshot } from './plan';

/** The repositories and ids of the back office's, the partner's and the calendar's services, over one table. */
export function seedPorts(doc: DynamoDBDocumentClient, tableName: string) {
  return {
    facilities: new FacilityRepository(doc, tableName),
    spaces: new SpaceRepository(doc, tableName),
    partners: new PartnerRepository(doc, tableName),
    companies: new CompanyRepository(doc, tableName),
    doors: new DoorRegistry(doc, tableName),
    holds: new ReservationRepository(doc, tableName),
    ids: uuids,
    corporateCodes: corporateCodeDigits,
    write: (items: Parameters<typeof transact>[1]) => transact(doc, items),
  };
}
export type SeedPorts = ReturnType<typeof seedPorts>;

/** What `read` finds for each id, by id (ids it finds nothing for are left out). */
async function byId<T>(ids: readonly string[], read: (id: string) => Promise<T | undefined>): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  await Promise.all(
    ids.map(async (id) => {
      const value = await read(id);
      if (value !== undefined) found.set(id, value);
    }),
  );
  return found;
}

/**
 * What the plan of `catalogue` reads: every facility and space (door ids and QR values are global), read again by
 * id where the catalogue names them (the indexes may lag a write just made); the catalogue's partners and
 * companies, the owners of the codes it gives; and, when updating, the held bookings of the stored spaces whose
 * hours it gives.
 */
export async function readSnapshot(
  ports: SeedPorts,
  catalogue: Catalogue,
  options: { now: Instant; update: boolean },
): Promise<Snapshot> {
  const facilityEntries = catalogue.partners.flatMap((p) => p.facilities);
  const spaceEntries = facilityEntries.flatMap((f) => f.spaces);
  const codes = catalogue.companies.flatMap((c) => (c.corporateCode ? [c.corporateCode] : []));
  const [listedFacilities, listedSpaces, facilities, spaces, partners, companies, codeOwners] = await Promise.all([
    ports.facilities.listFacilities(),
    ports.spaces.listAllSpaces(),
    byId(
      facilityEntries.map((f) => f.facilityId),
      (id) => ports.facilities.getFacility(id),
    ),
    byId(
      spaceEntries.map((s) => s.spaceId),
      (id) => ports.spaces.getSpace(id),
    ),
    byId(
      catalogue.partners.map((p) => p.partnerId),
      (id) => ports.partners.getPartner(id),
    ),
    byId(
      catalogue.companies.map((c) => c.companyId),
      (id) => ports.companies.getCompany(id),
    ),
    byId(codes, async (code) => (await ports.companies.companyOfCode(code))?.companyId),
  ]);
  const allFacilities = new Map([...listedFacilities.map((f) => [f.facilityId, f] as const), ...facilities]);
  const allSpaces = new Map([...listedSpaces.map((s) => [s.spaceId, s] as const), ...spaces]);
  const hoursGiven = options.update
    ? spaceEntries.filter((s) => s.hours !== undefined && allSpaces.has(s.spaceId)).map((s) => s.spaceId)
    : [];
  const holds = await byId(hoursGiven, (id) => ports.holds.holdsOfSpace(id, options.now));
  return {
    partners,
    facilities: [...allFacilities.values()],
    spaces: [...allSpaces.values()],
    companies,
    codeOwners,
    holds,
  };
}

/** The seed acts on a partner's spaces as the partner's own `full` operator would. */
const asPartner = (partnerId: string): Identity => ({
  role: 'operator',
  operatorId: 'catalogue-seed',
  partnerId,
  operatorRole: 'full',
});

/** Ids the catalogue gives, where a service would draw fresh ones. */
const given = (value: string): Ids => ({ next: () => value });

/** Writes one planned action through the service its route calls; a refusal is thrown as the route's error. */
export async function applyAction(ports: SeedPorts, action: Action, now: Instant): Promise<void> {
  switch (action.kind) {
    case 'createPartner':
      // no route creates partners yet (api.md POST /v1/admin/partners): the partner's own item, if its id is free
      if (!(await ports.partners.createPartner(action.partner))) {
        throw new Error(`Partner id ${action.partner.partnerId} is taken`);
      }
      return;
    case 'createCompany': {
      const codes = action.corporateCode ? given(action.corporateCode) : ports.corporateCodes;
      await createCompany({ ...ports, ids: given(action.companyId), corporateCodes: codes }, action.body);
      return;
    }
    case 'editCompany':
      await editCompany(ports, action.companyId, { monthlyCap: action.monthlyCap }, action.version);
      return;
    case 'createFacility':
      await createFacility(ports, action.partnerId, action.body);
      return;
    case 'editFacility':
      await editFacility(ports, asPartner(action.partnerId), action.facilityId, action.patch, action.version);
      return;
    case 'createOpenSpace':
      await createOpenSpace(ports, action.facilityId, action.body, now);
      return;
    case 'createSpace':
      await createSpace(ports, asPartner(action.partnerId), action.facilityId, action.input, now);
      return;
    case 'editSpace':
      await editSpace(ports, asPartner(action.partnerId), action.spaceId, action.settings, action.version, now);
      return;
    case 'setHours': {
      const change = { kind: 'hours' as const, hours: action.hours };
      await changeCalendar(ports, asPartner(action.partnerId), action.spaceId, change, action.calendarVersion, now);
      return;
    }
    case 'setDoors':
      await setDoors(ports, action.facilityId, action.body, action.version);
      return;
  }
}
