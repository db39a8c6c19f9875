/**
 * Congestion of open spaces (api.md "Partner routes": congestion; domain-rules §6; 004 §3-1): set by the partner's
 * full and staff operators with no If-Match (the last write wins), shown at once on the member's facility (per open
 * space, and as the facility's level for the map) and in search; refused for another partner's space (404), for a
 * reservable space (422) and for bad input (400), each leaving it as it was; the space's version never moves.
 */
import { describe, expect, it } from 'vitest';
import { operatorToken } from '../support/local-stack';
import { member, partnerStack, tw } from './support';

const FACILITY = 'regus-marunouchi';
const LOUNGE = 'regus-marunouchi-lounge';
const path = (spaceId: string) => `/v1/operator/spaces/${spaceId}/congestion`;
const regus = (role: 'full' | 'staff') => operatorToken(`op-regus-${role}`, 'partner-regus', role);
const kaikatsu = operatorToken('op-kaikatsu-staff', 'partner-kaikatsu', 'staff');

const stackApi = partnerStack();

const setCongestion = (body: unknown, token = regus('staff'), spaceId = LOUNGE) =>
  stackApi().put(path(spaceId), body, token);
const memberFacility = async () => {
  const answer = await stackApi().get(`/v1/facilities/${FACILITY}`, member);
  expect(answer.status).toBe(200);
  return answer.body;
};
const memberLounge = async () =>
  (await memberFacility()).spaces.find((s: { spaceId: string }) => s.spaceId === LOUNGE).congestion;
const searched = async () => {
  const answer = await stackApi().get('/v1/facilities', member);
  expect(answer.status).toBe(200);
  return answer.body.items.find((f: { facilityId: string }) => f.facilityId === FACILITY);
};
const spaceVersion = async () => (await stackApi().get(`/v1/operator/spaces/${LOUNGE}`, regus('full'))).body.version;

describe('an open space’s congestion', () => {
  it('is null on the open space until staff set it (plenty for the map); reservable spaces have none', async () => {
    expect(await memberLounge()).toBeNull();
    expect((await memberFacility()).congestion).toBe('plenty');
    expect((await searched()).congestion).toBe('plenty');
    const tw = (await stackApi().get('/v1/facilities/tw-shibuya', member)).body;
    expect(tw.congestion).toBeUndefined();
    for (const space of tw.spaces) expect(space).not.toHaveProperty('congestion');
  });

  it('set by staff without If-Match, shows at once on the facility and in search; the version stays', async () => {
    const version = await spaceVersion();
    const answer = await setCongestion({ level: 'crowded', comment: '窓側は満席です' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      spaceId: LOUNGE,
      level: 'crowded',
      comment: '窓側は満席です',
      updatedAt: expect.stringMatching(/^2026-11-24T\d\d:\d\d:\d\d(\.\d+)?\+09:00$/),
    });
    const { spaceId: _, ...shown } = answer.body;
    expect(await memberLounge()).toEqual(shown);
    // the partner's own view of the space shows it too
    expect((await stackApi().get(`/v1/operator/spaces/${LOUNGE}`, regus('staff'))).body.congestion).toEqual(shown);
    expect((await memberFacility()).congestion).toBe('crowded');
    expect((await searched()).congestion).toBe('crowded');
    expect(await spaceVersion()).toBe(version);
  });

  it('takes the last write (a full operator after staff), a comment left out is none', async () => {
    await setCongestion({ level: 'plenty', comment: '空いています' }, regus('staff'));
    const answer = await setCongestion({ level: 'full' }, regus('full'));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ level: 'full', comment: null });
    expect(await memberLounge()).toMatchObject({ level: 'full', comment: null });
    expect((await searched()).congestion).toBe('full');
  });

  it('survives an edit of the space’s settings (they are written apart)', async () => {
    await setCongestion({ level: 'crowded', comment: '混んでいます' });
    const current = await stackApi().get(`/v1/operator/spaces/${LOUNGE}`, regus('full'));
    const edit = await stackApi().patch(`/v1/operator/spaces/${LOUNGE}`, { intro: '丸の内のラウンジ' }, regus('full'), {
      'if-match': String(current.etag),
    });
    expect(edit.status).toBe(200);
    expect(await memberLounge()).toMatchObject({ level: 'crowded', comment: '混んでいます' });
  });
});

describe('setting congestion is refused, leaving it as it was', () => {
  const unchanged = async (attempt: () => Promise<{ status: number; body: { code?: string } }>) => {
    const before = { lounge: await memberLounge(), version: await spaceVersion() };
    const answer = await attempt();
    expect({ lounge: await memberLounge(), version: await spaceVersion() }).toEqual(before);
    return answer;
  };

  it('for another partner’s open space: 404', async () => {
    const answer = await unchanged(() => setCongestion({ level: 'plenty' }, kaikatsu));
    expect(answer).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('for a usage operator and a member: 403', async () => {
    for (const token of [tw('usage'), member]) {
      expect((await unchanged(() => setCongestion({ level: 'plenty' }, token))).status).toBe(403);
    }
  });

  it('for a reservable space: 422 INVALID_SPACE_CONFIG', async () => {
    const answer = await stackApi().put(path('tw-shibuya-desk'), { level: 'plenty' }, tw('staff'));
    expect(answer).toMatchObject({ status: 422, body: { code: 'INVALID_SPACE_CONFIG' } });
    const desk = (await stackApi().get('/v1/facilities/tw-shibuya', member)).body.spaces.find(
      (s: { spaceId: string }) => s.spaceId === 'tw-shibuya-desk',
    );
    expect(desk).not.toHaveProperty('congestion');
  });

  it.each([
    ['an unknown level', { level: 'empty' }, 'body.level'],
    ['no level', { comment: '空いています' }, 'body.level'],
    ['a comment over 200 characters', { level: 'plenty', comment: 'あ'.repeat(201) }, 'body.comment'],
    ['an unknown field', { level: 'plenty', updatedAt: '2026-11-24T09:00:00+09:00' }, 'body.updatedAt'],
  ])('for %s: 400 naming the field', async (_, body, field) => {
    const answer = await unchanged(() => setCongestion(body));
    expect(answer.status).toBe(400);
    expect((answer.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toContain(field);
  });
});
