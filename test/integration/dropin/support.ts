/** What the drop-in tests share: open spaces beside the demo data, members, the clock, reading a space's people. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import type { Facility, Space } from '../../../lambdas/domain/model';
import { FacilityRepository, SpaceRepository } from '../../../lambdas/modules/catalog';
import { SalesLedger } from '../../../lambdas/modules/ledger';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import { itemKey } from '../../../lambdas/platform/dynamo/keys';
import { facilities, spaces } from '../../../lib/local/demo-data';
import type { client } from '../support/local-stack';

const demoFacility = (id: string) => facilities.find((f) => f.facilityId === id) as Facility;
const demoSpace = (id: string) => spaces.find((s) => s.spaceId === id) as Space;

export const REGUS_QR = 'QR-REGUS-MARUNOUCHI';
export const KAIKATSU_QR = 'QR-KAIKATSU-KANDA';

/** An open space like the Regus lounge, of its own facility (so that tests of it do not meet each other). */
export function openSpaceLike(id: string, fields: Partial<Space> = {}, facility: Partial<Facility> = {}) {
  return {
    facility: { ...demoFacility('regus-marunouchi'), facilityId: id, ...facility },
    space: {
      ...demoSpace('regus-marunouchi-lounge'),
      spaceId: `${id}-lounge`,
      facilityId: id,
      qrValue: `QR-${id.toUpperCase()}`,
      ...fields,
    } satisfies Space,
  };
}

/** Writes test facilities and their open spaces (with their QR items) into the running stack's table. */
export async function putOpenSpaces(...list: Array<{ facility: Facility; space: Space }>): Promise<void> {
  const { doc, tableName } = tableContext();
  const facilityRepo = new FacilityRepository(doc, tableName);
  const spaceRepo = new SpaceRepository(doc, tableName);
  for (const { facility, space } of list) {
    await facilityRepo.putFacility(facility);
    await spaceRepo.putSpace(space);
  }
}

/** People (members and guests) counted in a space now, as stored. */
export async function peopleIn(spaceId: string): Promise<number> {
  const { doc, tableName } = tableContext();
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: itemKey('spaceOccupancy', { spaceId }), ConsistentRead: true }),
  );
  return Number(Item?.people ?? 0);
}

export const clockSetter = (api: () => ReturnType<typeof client>) => async (now: string) => {
  const answer = await api().post('/local/clock', { now });
  expect(answer.status).toBe(200);
};

/** The sales ledger of the running stack's table (what a visit's end wrote). */
export function ledger(): SalesLedger {
  const { doc, tableName } = tableContext();
  return new SalesLedger(doc, tableName);
}
