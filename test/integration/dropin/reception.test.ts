/**
 * Reception and the current-usage screen (api.md "Partner routes"; domain-rules §6; 003 Q1, 001 快活CLUB): staff check a
 * member in by the ticket the member's app shows (forged, expired or reused: 422 TICKET_INVALID, nothing written), and
 * every operator role of the partner sees who is in its open spaces now (company and member number, never the member),
 * another partner nothing.
 */
import { describe, expect, it } from 'vitest';
import { at, newMember } from '../booking/fixtures';
import { partnerStack } from '../partner/support';
import { operatorToken } from '../support/local-stack';
import { clockSetter, KAIKATSU_QR, peopleIn, REGUS_QR } from './support';

const api = partnerStack();
const setClock = clockSetter(api);
const DAY = '2026-11-24';
const LOUNGE = 'regus-marunouchi-lounge';
const regus = (role: 'full' | 'staff' | 'usage') => operatorToken(`op-regus-${role}`, 'partner-regus', role);
const kaikatsu = (role: 'full' | 'staff' | 'usage') => operatorToken(`op-kaikatsu-${role}`, 'partner-kaikatsu', role);

const ticketOf = async (token: string) => {
  const answer = await api().get('/v1/me/ticket', token);
  expect(answer.status).toBe(200);
  return answer.body.ticket as string;
};
const receive = (ticket: string, spaceId = LOUNGE, token = regus('staff')) =>
  api().post('/v1/operator/tickets/check-in', { ticket, spaceId }, token);
const current = async (token: string) => (await api().get('/v1/visits?scope=current', token)).body.items;
const usesOf = async (token: string) => (await api().get('/v1/me', token)).body.uses.used;

describe('check-in by the member’s ticket at reception', () => {
  it('checks the member in: the partner sees the company and member number, the member their visit', async () => {
    await setClock(at(DAY, '10:00'));
    const { token, memberId } = await newMember(api(), 'premium');
    const before = await usesOf(token);
    const answer = await receive(await ticketOf(token));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      spaceId: LOUNGE,
      status: 'in',
      uses: 1,
      companyName: null,
      memberNumber: expect.stringMatching(/^TW9\d{5}$/),
      checkedInAt: '2026-11-24T10:00:00+09:00',
    });
    expect(answer.body).not.toHaveProperty('memberId');
    expect(JSON.stringify(answer.body)).not.toContain(memberId);
    const [mine] = await current(token);
    expect(mine).toMatchObject({ id: answer.body.id, memberId, status: 'in' });
    expect(await usesOf(token)).toBe(before + 1);
    await api().post(`/v1/visits/${answer.body.id}/checkout`, { qrValue: REGUS_QR }, token);
  });

  it('refuses a reused, forged or expired ticket with 422 TICKET_INVALID, writing nothing', async () => {
    await setClock(at(DAY, '10:00'));
    const { token } = await newMember(api(), 'premium');
    const ticket = await ticketOf(token);
    const first = await receive(ticket);
    expect(first.status).toBe(201);
    await api().post(`/v1/visits/${first.body.id}/checkout`, { qrValue: REGUS_QR }, token);
    const used = await usesOf(token);
    const people = await peopleIn(LOUNGE);

    expect((await receive(ticket)).body).toMatchObject({ status: 422, code: 'TICKET_INVALID' });
    const fresh = await ticketOf(token);
    const [version, payload, mac] = fresh.split('.') as [string, string, string];
    const otherMac = mac.startsWith('A') ? `B${mac.slice(1)}` : `A${mac.slice(1)}`;
    expect((await receive(`${version}.${payload}.${otherMac}`)).body).toMatchObject({ code: 'TICKET_INVALID' });
    expect((await receive('not-a-ticket')).body).toMatchObject({ code: 'TICKET_INVALID' });
    await setClock('2026-11-24T10:01:00+09:00');
    expect((await receive(fresh)).body).toMatchObject({ code: 'TICKET_INVALID' });

    expect(await current(token)).toEqual([]);
    expect(await usesOf(token)).toBe(used);
    expect(await peopleIn(LOUNGE)).toBe(people);
  });

  it('keeps a ticket refused for the member’s own reasons unused (usable once they may enter)', async () => {
    await setClock(at(DAY, '10:00'));
    const basic = await newMember(api(), 'basic');
    const ticket = await ticketOf(basic.token);
    // the Regus lounge excludes the basic plan: refused, and the ticket is not spent
    expect((await receive(ticket)).body).toMatchObject({ status: 403, code: 'PLAN_NOT_ELIGIBLE' });
    const kaikatsuSpace = 'kaikatsu-kanda-booths';
    const answer = await receive(ticket, kaikatsuSpace, kaikatsu('staff'));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ spaceId: kaikatsuSpace, uses: 1 });
    await api().post(`/v1/visits/${answer.body.id}/checkout`, { qrValue: KAIKATSU_QR }, basic.token);
  });

  it('is 404 for another partner’s space and 422 for a reservable one, the ticket unspent', async () => {
    await setClock(at(DAY, '10:00'));
    const { token } = await newMember(api(), 'premium');
    const ticket = await ticketOf(token);
    expect((await receive(ticket, 'kaikatsu-kanda-booths', regus('full'))).body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(
      (await receive(ticket, 'tw-shibuya-desk', operatorToken('op-tw-full', 'partner-tw', 'full'))).body,
    ).toMatchObject({ status: 422, code: 'INVALID_SPACE_CONFIG' });
    expect(await current(token)).toEqual([]);
    const taken = await receive(ticket);
    expect(taken.status).toBe(201);
    await api().post(`/v1/visits/${taken.body.id}/checkout`, { qrValue: REGUS_QR }, token);
  });
});

describe('who is in now (GET /v1/operator/usage/current)', () => {
  it('lists the partner’s members in, with guests, for every role; another partner sees none of them', async () => {
    await setClock(at(DAY, '11:00'));
    const a = await newMember(api(), 'premium');
    const b = await newMember(api(), 'premium');
    const visitA = (await api().post('/v1/visits', { qrValue: REGUS_QR }, a.token)).body;
    await setClock(at(DAY, '11:30'));
    const visitB = (await api().post('/v1/visits', { qrValue: REGUS_QR }, b.token)).body;
    await api().post(`/v1/visits/${visitB.id}/guests`, { count: 2 }, b.token);
    const other = await newMember(api(), 'premium');
    const kaikatsuVisit = (await api().post('/v1/visits', { qrValue: KAIKATSU_QR }, other.token)).body;

    for (const role of ['full', 'staff', 'usage'] as const) {
      const answer = await api().get('/v1/operator/usage/current', regus(role));
      expect(answer.status, role).toBe(200);
      const mine = answer.body.items.filter((i: { visitId: string }) => [visitA.id, visitB.id].includes(i.visitId));
      expect(mine, role).toEqual([
        {
          visitId: visitA.id,
          number: visitA.number,
          companyName: null,
          memberNumber: expect.stringMatching(/^TW9/),
          facilityId: 'regus-marunouchi',
          spaceId: LOUNGE,
          checkedInAt: '2026-11-24T11:00:00+09:00',
          limitEndsAt: '2026-11-24T15:00:00+09:00',
          guests: 0,
        },
        expect.objectContaining({ visitId: visitB.id, checkedInAt: '2026-11-24T11:30:00+09:00', guests: 2 }),
      ]);
      expect(JSON.stringify(answer.body)).not.toContain(a.memberId);
      expect(answer.body.items.map((i: { visitId: string }) => i.visitId)).not.toContain(kaikatsuVisit.id);
    }
    const filtered = await api().get('/v1/operator/usage/current?facilityId=regus-marunouchi', regus('usage'));
    expect(filtered.body.items.map((i: { visitId: string }) => i.visitId)).toEqual(
      expect.arrayContaining([visitA.id, visitB.id]),
    );
    const theirs = await api().get('/v1/operator/usage/current', kaikatsu('usage'));
    expect(theirs.body.items.map((i: { visitId: string }) => i.visitId)).toEqual([kaikatsuVisit.id]);
    expect((await api().get('/v1/operator/usage/current?facilityId=kaikatsu-kanda', regus('full'))).status).toBe(404);

    // out of the list at checkout, and at the limit's end
    await api().post(`/v1/visits/${visitB.id}/checkout`, { qrValue: REGUS_QR }, b.token);
    await setClock(at(DAY, '15:00'));
    const after = (await api().get('/v1/operator/usage/current', regus('staff'))).body.items;
    expect(after.map((i: { visitId: string }) => i.visitId)).not.toEqual(expect.arrayContaining([visitA.id]));
    expect(after.map((i: { visitId: string }) => i.visitId)).not.toContain(visitB.id);
    await api().post(`/v1/visits/${kaikatsuVisit.id}/checkout`, { qrValue: KAIKATSU_QR }, other.token);
  });
});
