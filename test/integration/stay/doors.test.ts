import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../../lib/local/stack';
import { at, newMember } from '../booking/fixtures';
import { type Answer, client, startTestStack } from '../support/local-stack';

// Tuesday 2026-11-24, 10:00 in Tokyo.
const NOW = '2026-11-24T10:00:00+09:00';
const TODAY = '2026-11-24';

let stack: LocalStack;
let api: ReturnType<typeof client>;
let watcher: mqtt.MqttClient;
const published: Array<{ topic: string; message: Record<string, unknown> }> = [];

beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = client(stack.url);
  watcher = await mqtt.connectAsync(stack.mqttUrl, { protocolVersion: 4, clientId: 'test-watcher' });
  await watcher.subscribeAsync('doors/+/unlock', { qos: 1 });
  watcher.on('message', (topic, payload) => published.push({ topic, message: JSON.parse(payload.toString()) }));
});
afterAll(async () => {
  await watcher?.endAsync();
  await stack?.stop();
});

const setClock = (now: string) => api.post('/local/clock', { now });
const book = (token: string, spaceId: string, start: string, end: string) =>
  api.post('/v1/reservations', { spaceId, start, end }, token);
const post = (path: string, token: string, doorId: string) => api.post(path, { doorId }, token);

/** Waits until the command shows `status` (the door answers over MQTT, asynchronously). */
async function commandStatus(token: string, commandId: string, wanted: string): Promise<Answer> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const answer = await api.get(`/v1/unlock-commands/${commandId}`, token);
    if (answer.body?.status === wanted || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('check-in, re-entry and checkout through a real door controller', () => {
  it('opens the door at check-in, again on re-entry, once more on checkout, and never after', async () => {
    const { token } = await newMember(api, 'basic');
    const created = await book(token, 'h1t-kudanshita-room', at(TODAY, '14:00'), at(TODAY, '16:00'));
    const id = created.body.id;
    await setClock(at(TODAY, '13:55'));

    const checkIn = await post(`/v1/reservations/${id}/check-in`, token, 'h1t-kudanshita-front');
    expect(checkIn).toMatchObject({
      status: 200,
      body: {
        status: 'checkedIn',
        checkedInAt: '2026-11-24T13:55:00+09:00',
        unlock: { doorId: 'h1t-kudanshita-front', purpose: 'entry', status: 'sent' },
      },
    });
    expect(checkIn.body.unlock.expiresAt).toBe('2026-11-24T13:55:30+09:00');
    expect((await commandStatus(token, checkIn.body.unlock.commandId, 'unlocked')).body.status).toBe('unlocked');

    await setClock(at(TODAY, '14:20'));
    const reentry = await post(`/v1/reservations/${id}/unlock`, token, 'h1t-kudanshita-side');
    expect(reentry).toMatchObject({
      status: 202,
      body: { doorId: 'h1t-kudanshita-side', purpose: 'reentry', reservationId: id },
    });
    expect((await commandStatus(token, reentry.body.commandId, 'unlocked')).body.status).toBe('unlocked');

    const checkout = await post(`/v1/reservations/${id}/checkout`, token, 'h1t-kudanshita-front');
    expect(checkout).toMatchObject({
      status: 200,
      body: { status: 'checkedOut', checkedOutAt: '2026-11-24T14:20:00+09:00', unlock: { purpose: 'exit' } },
    });
    expect((await commandStatus(token, checkout.body.unlock.commandId, 'unlocked')).body.status).toBe('unlocked');
    const topicsBefore = published.length;

    const after = await post(`/v1/reservations/${id}/unlock`, token, 'h1t-kudanshita-front');
    expect(after).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(published.length).toBe(topicsBefore);
    expect(published.map((p) => p.message.purpose)).toEqual(expect.arrayContaining(['entry', 'reentry', 'exit']));
    for (const { topic, message } of published) expect(topic).toBe(`doors/${message.doorId}/unlock`);

    // The rest of the booking is free from the next 15-minute boundary; the uses are consumed.
    const slots = (await api.get(`/v1/spaces/h1t-kudanshita-room/availability?date=${TODAY}`, token)).body.slots;
    const remaining = (time: string) => slots.find((s: { start: string }) => s.start === at(TODAY, time)).remaining;
    expect([remaining('14:15'), remaining('14:30'), remaining('15:45')]).toEqual([0, 1, 1]);
    const me = await api.get('/v1/me', token);
    expect(me.body.uses).toMatchObject({ used: 4, held: 0 });
    await setClock(NOW);
  });

  it('opens check-in 5 minutes before an H1T start, not 6', async () => {
    const { token } = await newMember(api, 'basic');
    const created = await book(token, 'h1t-kudanshita-box', at(TODAY, '15:00'), at(TODAY, '16:00'));
    await setClock(at(TODAY, '14:54'));
    const early = await post(`/v1/reservations/${created.body.id}/check-in`, token, 'h1t-kudanshita-front');
    expect(early).toMatchObject({ status: 422, body: { code: 'CHECK_IN_NOT_OPEN' } });
    await setClock(at(TODAY, '14:55'));
    const onTime = await post(`/v1/reservations/${created.body.id}/check-in`, token, 'h1t-kudanshita-front');
    expect(onTime.status).toBe(200);
    await setClock(NOW);
  });

  it('opens いいオフィス only from the start', async () => {
    const { token } = await newMember(api, 'basic');
    const created = await book(token, 'iioffice-shinjuku-private', at(TODAY, '16:00'), at(TODAY, '17:00'));
    await setClock(at(TODAY, '15:59'));
    const early = await post(`/v1/reservations/${created.body.id}/check-in`, token, 'iioffice-shinjuku-door');
    expect(early.body.code).toBe('CHECK_IN_NOT_OPEN');
    await setClock(at(TODAY, '16:00'));
    const onTime = await post(`/v1/reservations/${created.body.id}/check-in`, token, 'iioffice-shinjuku-door');
    expect(onTime.status).toBe(200);
    await setClock(NOW);
  });

  it('refuses a door of another space, and hides someone else’s reservation and commands', async () => {
    const { token } = await newMember(api, 'basic');
    const other = await newMember(api, 'basic');
    const created = await book(token, 'h1t-ryogoku-box', at(TODAY, '10:00'), at(TODAY, '11:00'));
    const wrongDoor = await post(`/v1/reservations/${created.body.id}/check-in`, token, 'h1t-kudanshita-front');
    expect(wrongDoor).toMatchObject({ status: 422, body: { code: 'UNKNOWN_DOOR' } });
    const notYours = await post(`/v1/reservations/${created.body.id}/check-in`, other.token, 'h1t-ryogoku-front');
    expect(notYours.status).toBe(404);
    const checkIn = await post(`/v1/reservations/${created.body.id}/check-in`, token, 'h1t-ryogoku-front');
    expect(checkIn.status).toBe(200);
    const foreign = await api.get(`/v1/unlock-commands/${checkIn.body.unlock.commandId}`, other.token);
    expect(foreign.status).toBe(404);
    const twice = await post(`/v1/reservations/${created.body.id}/check-in`, token, 'h1t-ryogoku-front');
    expect(twice).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
  });

  it('shows a command to a door that is not connected as expired after 30 seconds', async () => {
    const { token } = await newMember(api, 'premium');
    await stack.doors.get('solotime-shibuya-door')?.stop();
    const created = await book(token, 'solotime-shibuya-room', at(TODAY, '10:00'), at(TODAY, '11:00'));
    const checkIn = await post(`/v1/reservations/${created.body.id}/check-in`, token, 'solotime-shibuya-door');
    const commandId = checkIn.body.unlock.commandId;
    expect((await api.get(`/v1/unlock-commands/${commandId}`, token)).body.status).toBe('sent');
    await setClock('2026-11-24T10:00:29+09:00');
    expect((await api.get(`/v1/unlock-commands/${commandId}`, token)).body.status).toBe('sent');
    await setClock('2026-11-24T10:00:30+09:00');
    expect((await api.get(`/v1/unlock-commands/${commandId}`, token)).body.status).toBe('expired');
    await setClock(NOW);
  });
});
