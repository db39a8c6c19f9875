import { randomUUID } from 'node:crypto';
import type { Facility, Space } from '../../../lambdas/domain/model';
import { FacilityRepository, SpaceRepository } from '../../../lambdas/modules/catalog';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { facilities, spaces } from '../../../lib/local/demo-data';
import { adminToken, type client, memberToken } from '../support/local-stack';

const demoFacility = (id: string) => facilities.find((f) => f.facilityId === id) as Facility;
const demoSpace = (id: string) => spaces.find((s) => s.spaceId === id) as Space;

/** Facilities beside the demo data that show rules the demo data does not reach. */
export const testFacilities: Array<{ facility: Facility; spaces: Space[] }> = [
  {
    facility: {
      ...demoFacility('h1t-ryogoku'),
      facilityId: 'test-closure',
      dailyCheckInLimit: null,
    },
    spaces: [
      {
        ...demoSpace('h1t-ryogoku-box'),
        spaceId: 'test-closure-seat',
        facilityId: 'test-closure',
        calendar: {
          ...demoSpace('h1t-ryogoku-box').calendar,
          closures: [{ date: '2026-11-25', from: '13:00', to: '15:00' }],
          specialOpenDays: [],
        },
        // The last bookable start: 2026-11-26 (until 2026-11-27 00:00 Tokyo).
        bookableUntil: Date.parse('2026-11-27T00:00:00+09:00'),
      },
    ],
  },
  {
    facility: {
      ...demoFacility('h1t-ryogoku'),
      facilityId: 'test-premium-only',
      basicPlanAllowed: false,
      dailyCheckInLimit: null,
    },
    spaces: [{ ...demoSpace('h1t-ryogoku-box'), spaceId: 'test-premium-only-seat', facilityId: 'test-premium-only' }],
  },
  {
    facility: {
      ...demoFacility('h1t-ryogoku'),
      facilityId: 'test-hidden',
      publishUntil: Date.parse('2026-11-01T00:00:00+09:00'),
    },
    spaces: [{ ...demoSpace('h1t-ryogoku-box'), spaceId: 'test-hidden-seat', facilityId: 'test-hidden' }],
  },
  {
    // The older H1T guide (002): extension from 15 minutes before the end, a space setting the demo H1T
    // spaces no longer use (the current guide has no in-app extension).
    facility: { ...demoFacility('h1t-kudanshita'), facilityId: 'test-extension', dailyCheckInLimit: null },
    spaces: [
      {
        ...demoSpace('h1t-kudanshita-box'),
        spaceId: 'test-extension-box',
        facilityId: 'test-extension',
        extension: { allowed: true, opensMinutesBeforeEnd: 15 },
      },
      {
        ...demoSpace('h1t-kudanshita-room'),
        spaceId: 'test-extension-room',
        facilityId: 'test-extension',
        extension: { allowed: true, opensMinutesBeforeEnd: 15 },
        // A bookable period given as date-times (004 p.4) and an option without a maximum (004 §2-5-5).
        bookableFrom: Date.parse('2026-11-24T00:00:00+09:00'),
        bookableUntil: Date.parse('2026-11-28T12:00:00+09:00'),
        options: [{ optionId: 'water', name: '水', unitPrice: 100, maxQuantity: null }],
      },
      {
        ...demoSpace('h1t-kudanshita-box'),
        spaceId: 'test-extension-linked',
        facilityId: 'test-extension',
        extension: { allowed: true, opensMinutesBeforeEnd: null },
        externalLink: true,
      },
    ],
  },
];

/** Writes the test facilities into the stack's table (the stack runs in this process). */
export async function putTestFacilities(): Promise<void> {
  const { doc, tableName } = tableContext();
  const repo = new FacilityRepository(doc, tableName);
  const spaces = new SpaceRepository(doc, tableName);
  for (const { facility, spaces: own } of testFacilities) {
    await repo.putFacility(facility);
    for (const space of own) await spaces.putSpace(space);
  }
}

/** A new member of a plan, created through `/local/members`; returns its id and token. */
export async function newMember(
  api: ReturnType<typeof client>,
  plan: 'basic' | 'premium',
  contractStart = '2026-11-10',
) {
  const memberId = `m-${randomUUID().slice(0, 12)}`;
  const created = await api.post('/local/members', { memberId, plan, contractStart });
  if (created.status !== 201) throw new Error(`could not create a member: ${JSON.stringify(created.body)}`);
  return { memberId, token: memberToken(memberId) };
}

/** A fresh member without a plan (a sign-up that entered no code and bought nothing). */
export async function memberWithoutPlan(api: ReturnType<typeof client>) {
  const memberId = `m-${randomUUID().slice(0, 12)}`;
  const created = await api.post('/local/members', { memberId });
  if (created.status !== 201) throw new Error(`could not create a member: ${JSON.stringify(created.body)}`);
  return { memberId, token: memberToken(memberId) };
}

/** A fresh member who bought `plan` at `paidAt` (through the admin route the payment provider calls). */
export async function memberWithBoughtPlan(api: ReturnType<typeof client>, plan: 'basic' | 'premium', paidAt: string) {
  const member = await memberWithoutPlan(api);
  const bought = await api.post(
    `/v1/admin/members/${member.memberId}/purchases`,
    { plan, paidAt, amount: plan === 'basic' ? 9800 : 19800 },
    adminToken(),
  );
  if (bought.status !== 201) throw new Error(`could not buy a plan: ${JSON.stringify(bought.body)}`);
  return { ...member, purchase: bought.body };
}

/** `2026-11-24T14:00:00+09:00` from a date and a time in Tokyo. */
export const at = (date: string, time: string) => `${date}T${time}:00+09:00`;
