import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDoorClient } from '../../../iot/door-client';
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
/** What the backend published on `doors/+/codes`. */
const codes: Array<{ topic: string; message: Record<string, unknown> }> = [];

beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = client(stack.url);
  watcher = await mqtt.connectAsync(stack.mqttUrl, { protocolVersion: 4, clientId: 'test-watcher' });
  await watcher.subscribeAsync('doors/+/unlock', { qos: 1 });
  await watcher.subscribeAsync('doors/+/codes', { qos: 1 });
  watcher.on('message', (topic, payload) => {
    const entry = { topic, message: JSON.parse(payload.toString()) };
    (topic.endsWith('/codes') ? codes : published).push(entry);
  });
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

  it('is never locked in: an exit unlock within 5 minutes after checkout opens the door when the first one expired', async () => {
    const { token } = await newMember(api, 'basic');
    const doorId = 'h1t-ryogoku-front';
    const created = await book(token, 'h1t-ryogoku-box', at(TODAY, '12:00'), at(TODAY, '13:00'));
    const id = created.body.id;
    await setClock(at(TODAY, '12:00'));
    const checkIn = await post(`/v1/reservations/${id}/check-in`, token, doorId);
    expect((await commandStatus(token, checkIn.body.unlock.commandId, 'unlocked')).body.status).toBe('unlocked');
    const exitWhileIn = await api.post(`/v1/reservations/${id}/unlock`, { doorId, purpose: 'exit' }, token);
    expect(exitWhileIn).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });

    // The door's controller goes away: the exit command of the checkout expires unanswered.
    await stack.doors.get(doorId)?.stop();
    await setClock(at(TODAY, '12:30'));
    const checkout = await post(`/v1/reservations/${id}/checkout`, token, doorId);
    expect(checkout).toMatchObject({ status: 200, body: { status: 'checkedOut', unlock: { purpose: 'exit' } } });
    await setClock('2026-11-24T12:30:30+09:00');
    const first = await api.get(`/v1/unlock-commands/${checkout.body.unlock.commandId}`, token);
    expect(first.body.status).toBe('expired');

    // The controller is back (a fresh session: nothing queued for it); the member asks again from outside.
    const opens: number[] = [];
    const door = startDoorClient({
      doorId,
      clientId: `${doorId}-back`,
      url: stack.mqttUrl,
      lock: { open: async (holdMs) => void opens.push(holdMs) },
      holdMs: 0,
      now: () => stack.clock.now(),
    });
    try {
      await door.connected;
      await setClock(at(TODAY, '12:31'));
      const reentry = await post(`/v1/reservations/${id}/unlock`, token, doorId);
      expect(reentry).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
      const exit = await api.post(`/v1/reservations/${id}/unlock`, { doorId, purpose: 'exit' }, token);
      expect(exit).toMatchObject({ status: 202, body: { doorId, purpose: 'exit', reservationId: id, status: 'sent' } });
      expect((await commandStatus(token, exit.body.commandId, 'unlocked')).body.status).toBe('unlocked');
      expect(opens).toEqual([0]);

      await setClock(at(TODAY, '12:35'));
      const late = await api.post(`/v1/reservations/${id}/unlock`, { doorId, purpose: 'exit' }, token);
      expect(late).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
      expect(opens).toEqual([0]);
    } finally {
      await door.stop();
      await setClock(NOW);
    }
  });
});

describe('keypad doors', () => {
  const doorId = 'iioffice-shinjuku-door';
  const codesFor = (reservationId: string): Array<Record<string, string>> =>
    codes
      .filter((c) => c.message.reservationId === reservationId)
      .map((c) => ({ topic: c.topic, ...(c.message as Record<string, string>) }));
  const waitForCodes = async (reservationId: string, count: number) => {
    const deadline = Date.now() + 5_000;
    while (codesFor(reservationId).length < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return codesFor(reservationId);
  };

  it('check-in issues a six-digit code the door keeps and opens for until checkout withdraws it', async () => {
    const { token } = await newMember(api, 'basic');
    const created = await book(token, 'iioffice-shinjuku-private', at(TODAY, '18:00'), at(TODAY, '19:00'));
    const id = created.body.id;
    await setClock(at(TODAY, '18:00'));
    const checkIn = await post(`/v1/reservations/${id}/check-in`, token, doorId);
    const keypad = {
      doorId,
      code: expect.stringMatching(/^[0-9]{6}$/),
      validFrom: '2026-11-24T18:00:00+09:00',
      validUntil: '2026-11-24T19:05:00+09:00',
    };
    expect(checkIn).toMatchObject({ status: 200, body: { status: 'checkedIn', keypad } });
    const code: string = checkIn.body.keypad.code;
    expect(checkIn.body.keypadCode).toBe(code);
    expect((await api.get(`/v1/reservations/${id}`, token)).body).toMatchObject({ keypadCode: code, keypad });
    const add = { topic: `doors/${doorId}/codes`, action: 'add', code, reservationId: id };
    expect(await waitForCodes(id, 1)).toEqual([{ ...add, validFrom: keypad.validFrom, validUntil: keypad.validUntil }]);

    const door = stack.doors.get(doorId);
    if (!door) throw new Error(`no controller for ${doorId}`);
    for (let i = 0; i < 100 && !door.hasCode(code); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await door.enterCode(code)).toEqual({ outcome: 'unlocked', reservationId: id });

    await setClock(at(TODAY, '18:40'));
    const checkout = await post(`/v1/reservations/${id}/checkout`, token, doorId);
    expect(checkout.status).toBe(200);
    expect(checkout.body.keypadCode).toBeUndefined();
    expect(checkout.body.keypad).toBeUndefined();
    expect((await waitForCodes(id, 2))[1]).toMatchObject({ ...add, action: 'remove' });
    for (let i = 0; i < 100 && door.hasCode(code); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await door.enterCode(code)).toEqual({ outcome: 'rejected', reason: 'unknown-code' });
    expect((await api.get(`/v1/reservations/${id}`, token)).body.keypadCode).toBeUndefined();
    await setClock(NOW);
  });

  it('the forced checkout withdraws the code', async () => {
    const { token } = await newMember(api, 'basic');
    const created = await book(token, 'iioffice-shinjuku-private', at(TODAY, '19:00'), at(TODAY, '20:00'));
    const id = created.body.id;
    await setClock(at(TODAY, '19:10'));
    const checkIn = await post(`/v1/reservations/${id}/check-in`, token, doorId);
    const code: string = checkIn.body.keypadCode;
    expect(code).toMatch(/^[0-9]{6}$/);
    await setClock(at(TODAY, '20:05'));
    const after = await api.get(`/v1/reservations/${id}`, token);
    expect(after.body).toMatchObject({ status: 'forcedCheckout' });
    expect(after.body.keypadCode).toBeUndefined();
    expect((await waitForCodes(id, 2)).map((c) => [c.action, c.code])).toEqual([
      ['add', code],
      ['remove', code],
    ]);
    await setClock(NOW);
  });

  it('a smart-lock door issues no code', async () => {
    const { token } = await newMember(api, 'premium');
    const created = await book(token, 'solotime-shibuya-room', at(TODAY, '13:00'), at(TODAY, '14:00'));
    await setClock(at(TODAY, '13:00'));
    const checkIn = await post(`/v1/reservations/${created.body.id}/check-in`, token, 'solotime-shibuya-door');
    expect(checkIn.status).toBe(200);
    expect(checkIn.body.keypadCode).toBeUndefined();
    expect(codesFor(created.body.id)).toEqual([]);
    await setClock(NOW);
  });
});
