/**
 * What the back office sets up for partners (api.md "Back office"; domain-rules §1): new facilities, open spaces with
 * their QR values, the doors of a facility and the spaces each opens, companies with their corporate codes. Pure.
 *
 * Choices where api.md is silent:
 * - A new facility takes the publication window given; without one it is published at once. Members find it under
 *   the tabs of its active spaces, with their hours: none until the partner sets a space's calendar.
 * - Door ids are global (the MQTT topics name them): one facility each. A door opens the spaces listed; a space
 *   listed by no door is opened by none (drop-in spaces need none).
 */
import type { FieldProblem } from '../../../../contracts/errors';
import type { DoorsBody } from '../../../../contracts/http/admin';
import type { Door, Facility, Space } from '../../../domain/model';

/** The zone of a facility when none is given: the service runs in Japan. */
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

/** What a facility is before its fields: no doors, no limits, the app's check-in, the basic plan admitted. */
export function newFacilityBase(input: {
  facilityId: string;
  partnerId: string;
  brand: string;
  kind: Facility['kind'];
  timeZone?: string;
  checkInMethod?: Facility['checkInMethod'];
  dailyCheckInLimit?: number | null;
  basicPlanAllowed?: boolean;
}): Facility {
  return {
    facilityId: input.facilityId,
    // the partner's patch function moves it to 1
    version: 0,
    partnerId: input.partnerId,
    name: '',
    brand: input.brand,
    kind: input.kind,
    address: { prefecture: '', city: '', line: '' },
    location: { lat: 0, lng: 0 },
    nearestStations: [],
    amenities: [],
    publishFrom: null,
    publishUntil: null,
    notificationEmails: [],
    checkInMethod: input.checkInMethod ?? 'app',
    dailyCheckInLimit: input.dailyCheckInLimit ?? null,
    basicPlanAllowed: input.basicPlanAllowed ?? true,
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    doors: [],
  };
}

/** A QR value to post at an open space, from 128 random bits (a UUID's hex digits): unguessable, one per space. */
export const qrValueOf = (uuid: string): string => `QR-${uuid.replaceAll('-', '').toUpperCase()}`;

/** A company's corporate code: the 16 digits members link with (domain-rules §1). */
export function corporateCodeOf(digits: string): string {
  if (!/^\d{16}$/.test(digits)) throw new RangeError('A corporate code is 16 digits');
  return digits;
}

/** The doors a facility gets, the doors each of its spaces is then opened by, and the doors it gives up. */
export interface DoorsPlan {
  doors: Door[];
  /** Spaces whose doors change, with their new door ids. */
  spaceDoors: Array<{ space: Space; doorIds: string[] }>;
  released: string[];
}

/**
 * The plan of `PUT …/doors` on a facility and its spaces, or the fields that break a rule (a door listed twice, a
 * space that is not the facility's).
 */
export function planDoors(
  facility: Facility,
  spaces: readonly Space[],
  body: DoorsBody,
): { ok: true; plan: DoorsPlan } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const own = new Set(spaces.map((s) => s.spaceId));
  const seen = new Set<string>();
  body.items.forEach((door, i) => {
    if (seen.has(door.doorId)) problems.push({ field: `body.items.${i}.doorId`, message: 'Listed twice' });
    seen.add(door.doorId);
    door.spaceIds.forEach((spaceId, j) => {
      if (!own.has(spaceId)) {
        problems.push({ field: `body.items.${i}.spaceIds.${j}`, message: `No space ${spaceId} at this facility` });
      }
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  const doors = body.items.map((d) => ({ doorId: d.doorId, name: d.name ?? d.doorId, keyType: d.keyType }));
  const spaceDoors = spaces
    .map((space) => ({
      space,
      doorIds: body.items.filter((d) => d.spaceIds.includes(space.spaceId)).map((d) => d.doorId),
    }))
    .filter(({ space, doorIds }) => doorIds.join('\n') !== space.doorIds.join('\n'));
  const released = facility.doors.map((d) => d.doorId).filter((doorId) => !seen.has(doorId));
  return { ok: true, plan: { doors, spaceDoors, released } };
}
