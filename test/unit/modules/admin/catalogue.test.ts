import { describe, expect, it } from 'vitest';
import {
  corporateCodeOf,
  newFacilityBase,
  planDoors,
  qrValueOf,
} from '../../../../lambdas/modules/admin/rules/catalogue';
import { makeFacility, makeSpace } from '../../../fixtures/domain';

describe('planDoors', () => {
  const facility = makeFacility({
    doors: [
      { doorId: 'front', name: 'Front', keyType: 'smartLock' },
      { doorId: 'old', name: 'Old', keyType: 'keypad' },
    ],
  });
  const box = makeSpace({ spaceId: 'box', doorIds: ['front'] });
  const room = makeSpace({ spaceId: 'room', doorIds: ['front', 'old'] });

  it('gives the facility its doors, each space the doors listing it, and gives up the doors not listed', () => {
    const planned = planDoors(facility, [box, room], {
      items: [
        { doorId: 'front', keyType: 'smartLock', spaceIds: ['box', 'room'] },
        { doorId: 'room-door', name: '会議室', keyType: 'keypad', spaceIds: ['room'] },
      ],
    });
    expect(planned).toEqual({
      ok: true,
      plan: {
        doors: [
          { doorId: 'front', name: 'front', keyType: 'smartLock' },
          { doorId: 'room-door', name: '会議室', keyType: 'keypad' },
        ],
        // the box keeps its doors: only the room changes
        spaceDoors: [{ space: room, doorIds: ['front', 'room-door'] }],
        released: ['old'],
      },
    });
  });

  it('names a door listed twice and a space that is not the facility’s', () => {
    const planned = planDoors(facility, [box], {
      items: [
        { doorId: 'front', keyType: 'smartLock', spaceIds: ['box'] },
        { doorId: 'front', keyType: 'smartLock', spaceIds: ['elsewhere'] },
      ],
    });
    expect(planned.ok).toBe(false);
    if (!planned.ok) {
      expect(planned.problems.map((p) => p.field)).toEqual(['body.items.1.doorId', 'body.items.1.spaceIds.0']);
    }
  });
});

describe('codes and defaults', () => {
  it('makes a QR value of a UUID’s 128 random bits, and refuses a corporate code that is not 16 digits', () => {
    expect(qrValueOf('0f8e7d6c-5b4a-4321-8fed-cba987654321')).toBe('QR-0F8E7D6C5B4A43218FEDCBA987654321');
    expect(corporateCodeOf('0123456789012345')).toBe('0123456789012345');
    expect(() => corporateCodeOf('123')).toThrow(RangeError);
  });

  it('starts a facility in Japan, with the app’s check-in, no limit, the basic plan admitted and no door', () => {
    expect(newFacilityBase({ facilityId: 'f', partnerId: 'p', brand: 'B', kind: 'dropin' })).toMatchObject({
      timeZone: 'Asia/Tokyo',
      checkInMethod: 'app',
      dailyCheckInLimit: null,
      basicPlanAllowed: true,
      doors: [],
      publishFrom: null,
    });
  });
});
