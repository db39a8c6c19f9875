import { describe, expect, it } from 'vitest';
import { inShowingOrder, photosForMembers, type ShownPhoto } from '../../../../lambdas/modules/catalog/rules/photos';

const photo = (photoId: string, createdAt: number, top = false, spaceId?: string): ShownPhoto => ({
  photoId,
  createdAt,
  top,
  ...(spaceId ? { spaceId } : {}),
});

describe('inShowingOrder', () => {
  it.each([
    ['none', [], []],
    ['by creation', [photo('b', 2), photo('a', 1), photo('c', 3)], ['a', 'b', 'c']],
    ['the top photo first, whenever it was made', [photo('a', 1), photo('t', 9, true), photo('b', 2)], ['t', 'a', 'b']],
    [
      'several tops by creation, before the rest',
      [photo('t2', 5, true), photo('a', 1), photo('t1', 4, true)],
      ['t1', 't2', 'a'],
    ],
    ['the id between photos of the same instant', [photo('y', 1), photo('x', 1), photo('z', 1)], ['x', 'y', 'z']],
    ['space photos among the facility’s, by creation', [photo('s', 2, false, 'room'), photo('f', 1)], ['f', 's']],
  ])('orders %s', (_, photos, ids) => {
    expect(inShowingOrder(photos).map((p) => p.photoId)).toEqual(ids);
  });

  it('leaves its input as it was', () => {
    const photos = [photo('b', 2), photo('a', 1)];
    inShowingOrder(photos);
    expect(photos.map((p) => p.photoId)).toEqual(['b', 'a']);
  });
});

describe('photosForMembers', () => {
  const photos = [photo('facility', 1), photo('desk', 2, false, 'desk'), photo('closed', 3, true, 'closed-room')];
  const desk = { spaceId: 'desk', status: 'active' } as const;
  const closedRoom = { spaceId: 'closed-room', status: 'inactive' } as const;

  it.each([
    ['the facility’s and the active spaces’', [desk, closedRoom], ['facility', 'desk']],
    ['only the facility’s when no space is active', [{ ...desk, status: 'inactive' as const }], ['facility']],
    ['only the facility’s for spaces not given', [], ['facility']],
    [
      'all when every space is active',
      [desk, { ...closedRoom, status: 'active' as const }],
      ['facility', 'desk', 'closed'],
    ],
  ])('keeps %s', (_, spaces, ids) => {
    expect(photosForMembers(photos, spaces).map((p) => p.photoId)).toEqual(ids);
  });
});
