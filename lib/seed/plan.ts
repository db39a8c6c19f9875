/**
 * The plan of a seed run (pure): what each entry of a catalogue does to the table as it stands (create it, nothing
 * as it is already so, or it differs) and every problem of the catalogue, each naming its field. The entities are
 * decided by the rules the routes apply (the back office's and the partner's), so a catalogue passes here exactly
 * when the routes would take it; a run writes only when its plan has no problem.
 *
 * Choices where the issue is silent:
 * - A field an entry leaves out is not compared: the catalogue says what it gives, the rest is the partner's.
 * - What differs is reported, and changed only with `update`, only where a route changes it (the partner's facility
 *   and space edits, weekly hours, doors, a company's monthly cap), on the version read here. A deployed stage's
 *   partners edit their own spaces and hours; a catalogue run again must not undo that unasked. What no route
 *   changes (a facility's brand, kind, zone or check-in settings, a space's kind, a company's name or code, a
 *   partner) is only reported.
 * - A facility of another partner, a space of another facility or of another kind, a door of another facility, a
 *   corporate code of another company, and an id given twice are problems: the catalogue contradicts the table.
 */
import { isDeepStrictEqual } from 'node:util';
import type {
  Catalogue,
  CatalogueCompany,
  CatalogueFacility,
  CataloguePartner,
  CatalogueSpace,
} from '../../contracts/catalogue';
import type { FieldProblem } from '../../contracts/errors';
import type { DoorsBody, NewCompany, NewFacility, NewOpenSpace } from '../../contracts/http/admin';
import { type HoursBody, WEEKDAYS } from '../../contracts/http/calendar';
import { facilityFields } from '../../contracts/http/partner-facilities';
import { calendarOf, localDateOf } from '../../lambdas/domain/calendar';
import type { Company, Facility, Instant, Space } from '../../lambdas/domain/model';
import { newFacility, planDoors } from '../../lambdas/modules/admin';
import { type PartnerRecord, weekView } from '../../lambdas/modules/catalog';
import { applyCalendarEdit, type HeldBooking, strandedBookings } from '../../lambdas/modules/partner/calendar';
import {
  applyFacilityPatch,
  type FacilityPatchFields,
  operatorFacilityView,
} from '../../lambdas/modules/partner/facilities';
import {
  applySpaceSettings,
  newSpace,
  newSpaceDefaults,
  operatorSpaceView,
  type SpaceSettings,
} from '../../lambdas/modules/partner/spaces';

/** The table as the plan reads it: what the catalogue's ids name, and what they might collide with. */
export interface Snapshot {
  /** The catalogue's partners that exist. */
  partners: ReadonlyMap<string, PartnerRecord>;
  /** Every facility (their doors are the door ids taken). */
  facilities: readonly Facility[];
  /** Every space. */
  spaces: readonly Space[];
  /** The catalogue's companies that exist. */
  companies: ReadonlyMap<string, Company>;
  /** The company each corporate code the catalogue gives belongs to. */
  codeOwners: ReadonlyMap<string, string>;
  /** The held bookings of stored spaces whose hours the catalogue gives (read when updating). */
  holds: ReadonlyMap<string, readonly HeldBooking[]>;
}

export type Outcome = 'create' | 'unchanged' | 'differs';
export type Entity = 'partner' | 'company' | 'facility' | 'space' | 'hours' | 'doors';

/** A field whose stored value is not the catalogue's, as the routes show it. */
export interface Difference {
  field: string;
  stored: unknown;
  catalogue: unknown;
  /** A route changes it (the run applies it with `update`). */
  updatable: boolean;
}

/** A write of the run: the service a route calls, with what the route would be given. */
export type Action =
  | { kind: 'createPartner'; partner: PartnerRecord }
  | { kind: 'createCompany'; companyId: string; corporateCode?: string; body: NewCompany }
  | { kind: 'editCompany'; companyId: string; monthlyCap: number | null; version: number }
  | { kind: 'createFacility'; partnerId: string; body: NewFacility }
  | { kind: 'editFacility'; partnerId: string; facilityId: string; patch: FacilityPatchFields; version: number }
  | { kind: 'createOpenSpace'; facilityId: string; body: NewOpenSpace }
  | {
      kind: 'createSpace';
      partnerId: string;
      facilityId: string;
      input: SpaceSettings & { kind: 'seat' | 'meetingRoom'; spaceId: string };
    }
  | { kind: 'editSpace'; partnerId: string; spaceId: string; settings: SpaceSettings; version: number }
  | { kind: 'setHours'; partnerId: string; spaceId: string; hours: HoursBody; calendarVersion: number }
  | { kind: 'setDoors'; facilityId: string; body: DoorsBody; version: number };

export interface Step {
  entity: Entity;
  /** The entity's id (a space's for its hours, a facility's for its doors). */
  id: string;
  /** Where the catalogue says it (`partners.0.facilities.1`). */
  path: string;
  outcome: Outcome;
  differences: Difference[];
  /** What the run writes for it; none when nothing is to be written. */
  action?: Action;
}

export interface Plan {
  steps: Step[];
  problems: FieldProblem[];
}

export interface PlanOptions {
  now: Instant;
  /** Change what differs where a route changes it. */
  update: boolean;
}

/** The facility fields a partner's edit changes (api.md PATCH facility). */
const FACILITY_EDITS: ReadonlySet<string> = new Set(Object.keys(facilityFields));

const normal = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
/** Equal as stored JSON (undefined fields dropped, key order ignored). */
const sameValue = (a: unknown, b: unknown): boolean => isDeepStrictEqual(normal(a), normal(b));

/** The top-level fields of two views that differ, but those ignored. */
function differences(
  stored: Record<string, unknown>,
  next: Record<string, unknown>,
  ignore: readonly string[],
  updatable: (field: string) => boolean,
): Difference[] {
  const fields = [...new Set([...Object.keys(stored), ...Object.keys(next)])];
  return fields
    .filter((field) => !ignore.includes(field) && !sameValue(stored[field], next[field]))
    .map((field) => ({ field, stored: stored[field], catalogue: next[field], updatable: updatable(field) }));
}

/** A rule's field (`body.…`, as the route names it) at its place in the catalogue. */
const rebase = (field: string, from: string, to: string) =>
  field.startsWith(from) ? to + field.slice(from.length) : to;

const defined = <T extends Record<string, unknown>>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * The plan of `catalogue` over the table as `snapshot` read it: steps in the order they are written (partners,
 * then each facility with its spaces, their hours and its doors; then companies) and the problems found.
 */
export function planSeed(catalogue: Catalogue, snapshot: Snapshot, options: PlanOptions): Plan {
  const steps: Step[] = [];
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const step = (entity: Entity, id: string, path: string, differences: Difference[], action?: Action) => {
    const outcome: Outcome = differences.length > 0 ? 'differs' : 'unchanged';
    steps.push({ entity, id, path, outcome, differences, ...(action ? { action } : {}) });
  };
  const created = (entity: Entity, id: string, path: string, action?: Action) =>
    steps.push({ entity, id, path, outcome: 'create', differences: [], ...(action ? { action } : {}) });
  const editIf = (differences: readonly Difference[], action: Action) =>
    options.update && differences.some((d) => d.updatable) ? action : undefined;

  const facilitiesById = new Map(snapshot.facilities.map((f) => [f.facilityId, f]));
  const spacesById = new Map(snapshot.spaces.map((s) => [s.spaceId, s]));
  const doorOwners = new Map(snapshot.facilities.flatMap((f) => f.doors.map((d) => [d.doorId, f.facilityId] as const)));

  /** An id given a second time is a problem naming where it was first. */
  const given = new Map<string, string>();
  const once = (what: string, id: string, field: string) => {
    const first = given.get(`${what}\n${id}`);
    if (first !== undefined) problem(field, `${what} ${id} is given twice (also at ${first})`);
    given.set(`${what}\n${id}`, field);
    return first === undefined;
  };

  function planPartner(entry: CataloguePartner, path: string) {
    if (!once('Partner', entry.partnerId, `${path}.partnerId`)) return;
    const stored = snapshot.partners.get(entry.partnerId);
    if (!stored) {
      const { facilities: _, paymentNoticeEmails, ...partner } = entry;
      created('partner', entry.partnerId, path, {
        kind: 'createPartner',
        partner: { ...partner, paymentNoticeEmails: paymentNoticeEmails ?? [], facilityIds: [], version: 1 },
      });
    } else {
      const mine = { name: entry.name, payoutRatePercent: entry.payoutRatePercent };
      const theirs = { name: stored.name, payoutRatePercent: stored.payoutRatePercent };
      step(
        'partner',
        entry.partnerId,
        path,
        differences(theirs, mine, [], () => false),
      );
    }
    entry.facilities.forEach((facility, i) => {
      planFacility(entry.partnerId, facility, `${path}.facilities.${i}`);
    });
  }

  function planFacility(partnerId: string, entry: CatalogueFacility, path: string) {
    const { facilityId, spaces, doors, ...body } = entry;
    if (!once('Facility', facilityId, `${path}.facilityId`)) return;
    const stored = facilitiesById.get(facilityId);
    let facility: Facility;
    if (!stored) {
      const made = newFacility(partnerId, facilityId, body);
      if (!made.ok) return problem(rebase(made.field, 'body', path), made.message);
      facility = made.facility;
      created('facility', facilityId, path, { kind: 'createFacility', partnerId, body: { facilityId, ...body } });
    } else {
      if (stored.partnerId !== partnerId) {
        return problem(`${path}.facilityId`, `Facility ${facilityId} is partner ${stored.partnerId}'s`);
      }
      const { brand, kind, timeZone, checkInMethod, dailyCheckInLimit, basicPlanAllowed, ...patch } = body;
      const applied = applyFacilityPatch(stored, patch);
      if (!applied.ok) return problem(rebase(applied.field, 'body', path), applied.message);
      const staffSet = defined({ brand, kind, checkInMethod, dailyCheckInLimit, basicPlanAllowed });
      const found = differences(
        { ...operatorFacilityView(stored, []), timeZone: stored.timeZone },
        { ...operatorFacilityView({ ...applied.facility, ...staffSet }, []), timeZone: timeZone ?? stored.timeZone },
        ['version'],
        (field) => FACILITY_EDITS.has(field),
      );
      const edit = editIf(found, { kind: 'editFacility', partnerId, facilityId, patch, version: stored.version });
      step('facility', facilityId, path, found, edit);
      facility = edit ? applied.facility : stored;
    }
    const own = snapshot.spaces.filter((s) => s.facilityId === facilityId);
    const made: Space[] = [];
    spaces.forEach((space, i) => {
      const planned = planSpace(partnerId, facility, space, `${path}.spaces.${i}`);
      if (planned) made.push(planned);
    });
    if (doors !== undefined) planDoorsOf(facility, stored, [...own, ...made], doors, `${path}.doors`);
  }

  /**
   * The space as created, when the run creates it (its doors are then planned with the facility's); a stand-in
   * for an entry refused, so that its doors are judged as they are given.
   */
  function planSpace(partnerId: string, facility: Facility, entry: CatalogueSpace, path: string): Space | undefined {
    const { spaceId, kind, hours, ...settings } = entry;
    if (!once('Space', spaceId, `${path}.spaceId`)) return undefined;
    const today = localDateOf(options.now, facility.timeZone);
    const stored = spacesById.get(spaceId);
    const { facilityId } = facility;
    const standIn = newSpaceDefaults({ spaceId, facilityId, kind, doorIds: [] });
    let space: Space;
    if (!stored) {
      const made = newSpace({ spaceId, facility, kind, settings, today });
      if (!made.ok) {
        for (const message of made.problems) problem(path, `Space ${spaceId}: ${message}`);
        return standIn;
      }
      space = made.space;
      created(
        'space',
        spaceId,
        path,
        entry.kind === 'openSpace'
          ? { kind: 'createOpenSpace', facilityId, body: { spaceId, ...(settings as Omit<NewOpenSpace, 'spaceId'>) } }
          : { kind: 'createSpace', partnerId, facilityId, input: { ...settings, kind: entry.kind, spaceId } },
      );
    } else {
      if (stored.facilityId !== facilityId) {
        problem(`${path}.spaceId`, `Space ${spaceId} is of facility ${stored.facilityId}`);
        return standIn;
      }
      if (stored.type !== kind) {
        problem(`${path}.kind`, `Space ${spaceId} is a ${stored.type}: no route changes a space's kind`);
        return undefined;
      }
      const applied = applySpaceSettings(stored, settings, today);
      if (!applied.ok) {
        for (const message of applied.problems) problem(path, `Space ${spaceId}: ${message}`);
        return undefined;
      }
      const found = differences(
        operatorSpaceView(stored, facility.timeZone),
        operatorSpaceView(applied.space, facility.timeZone),
        ['version', 'priceHistory'],
        () => true,
      );
      step(
        'space',
        spaceId,
        path,
        found,
        editIf(found, { kind: 'editSpace', partnerId, spaceId, settings, version: stored.version }),
      );
      space = stored;
    }
    if (hours !== undefined) planHours(partnerId, facility, space, stored !== undefined, hours, `${path}.hours`);
    return stored ? undefined : space;
  }

  function planHours(
    partnerId: string,
    facility: Facility,
    space: Space,
    isStored: boolean,
    hours: HoursBody,
    path: string,
  ) {
    const today = localDateOf(options.now, facility.timeZone);
    const edited = applyCalendarEdit(space.calendar, { kind: 'hours', hours }, { spaceType: space.type, today });
    if (!edited.ok) {
      if (edited.code === 'INVALID_SPACE_CONFIG') {
        for (const p of edited.problems) problem(rebase(p.field, 'body', path), p.message);
      }
      return;
    }
    const { spaceId } = space;
    const action: Action = { kind: 'setHours', partnerId, spaceId, hours, calendarVersion: space.calendarVersion };
    const before = space.calendar.regularHours;
    const after = edited.calendar.regularHours;
    if (sameValue(before, after)) return step('hours', spaceId, path, []);
    if (!isStored) return created('hours', spaceId, path, action);
    const storedWeek = weekView(before);
    const catalogueWeek = weekView(after);
    const found = WEEKDAYS.filter((day) => !sameValue(storedWeek[day], catalogueWeek[day])).map((day) => ({
      field: `hours.${day}`,
      stored: storedWeek[day],
      catalogue: catalogueWeek[day],
      updatable: true,
    }));
    const edit = editIf(found, action);
    if (edit) {
      const stranded = strandedBookings(
        calendarOf(facility, { calendar: edited.calendar }),
        snapshot.holds.get(spaceId) ?? [],
        options.now,
      );
      if (stranded.length > 0) {
        problem(path, `These hours would leave held bookings of space ${spaceId} outside them: ${stranded.join(', ')}`);
      }
    }
    step('hours', spaceId, path, found, edit);
  }

  function planDoorsOf(
    facility: Facility,
    stored: Facility | undefined,
    spaces: readonly Space[],
    items: DoorsBody['items'],
    path: string,
  ) {
    const { facilityId } = facility;
    // a door listed twice in one facility is the rules' to name (planDoors)
    const listed = new Set<string>();
    items.forEach((door, i) => {
      const field = `${path}.${i}.doorId`;
      if (listed.has(door.doorId)) return;
      listed.add(door.doorId);
      if (!once('Door', door.doorId, field)) return;
      const owner = doorOwners.get(door.doorId);
      if (owner !== undefined && owner !== facilityId)
        problem(field, `Door ${door.doorId} belongs to facility ${owner}`);
    });
    const planned = planDoors(facility, spaces, { items });
    if (!planned.ok) {
      for (const p of planned.problems) problem(rebase(p.field, 'body.items', path), p.message);
      return;
    }
    const { doors, spaceDoors } = planned.plan;
    const storedSpaces = new Set(snapshot.spaces.map((s) => s.spaceId));
    const found: Difference[] = [];
    if (!sameValue(facility.doors, doors)) {
      found.push({ field: 'doors', stored: facility.doors, catalogue: doors, updatable: true });
    }
    for (const { space, doorIds } of spaceDoors) {
      if (storedSpaces.has(space.spaceId)) {
        found.push({ field: `${space.spaceId}.doorIds`, stored: space.doorIds, catalogue: doorIds, updatable: true });
      }
    }
    const action: Action = { kind: 'setDoors', facilityId, body: { items }, version: facility.version };
    if (found.length === 0 && spaceDoors.length === 0) return step('doors', facilityId, path, []);
    // what changes is only what this run creates: the doors are set as part of creating it
    if (!stored || found.length === 0) return created('doors', facilityId, path, action);
    step('doors', facilityId, path, found, editIf(found, action));
  }

  function planCompany(entry: CatalogueCompany, path: string) {
    const { companyId, corporateCode, ...body } = entry;
    if (!once('Company', companyId, `${path}.companyId`)) return;
    if (corporateCode !== undefined && once('Corporate code', corporateCode, `${path}.corporateCode`)) {
      const owner = snapshot.codeOwners.get(corporateCode);
      if (owner !== undefined && owner !== companyId) {
        problem(`${path}.corporateCode`, `Corporate code ${corporateCode} is company ${owner}'s`);
      }
    }
    const stored = snapshot.companies.get(companyId);
    if (!stored) {
      return created('company', companyId, path, {
        kind: 'createCompany',
        companyId,
        body,
        ...(corporateCode ? { corporateCode } : {}),
      });
    }
    const found = differences(
      { name: stored.name, corporateCode: stored.corporateCode, monthlyCap: stored.monthlyCap },
      {
        name: body.name,
        corporateCode: corporateCode ?? stored.corporateCode,
        monthlyCap: body.monthlyCap === undefined ? stored.monthlyCap : body.monthlyCap,
      },
      [],
      (field) => field === 'monthlyCap',
    );
    const monthlyCap = body.monthlyCap ?? null;
    step(
      'company',
      companyId,
      path,
      found,
      editIf(found, { kind: 'editCompany', companyId, monthlyCap, version: stored.version ?? 1 }),
    );
  }

  catalogue.partners.forEach((partner, i) => {
    planPartner(partner, `partners.${i}`);
  });
  catalogue.companies.forEach((company, i) => {
    planCompany(company, `companies.${i}`);
  });
  return { steps, problems };
}
