/**
 * Door results as the events handler records them, against DynamoDB Local: an event whose topic carries no
 * valid door id is dropped; a result arriving after its command expired is recorded as `expired`.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnlockCommand } from '../../../lambdas/domain/model';
import { UnlockCommandRepository } from '../../../lambdas/modules/stay';
import { recordDoorEvent } from '../../../lambdas/modules/stay/iot/door-event';
import { tableContext } from '../../../lambdas/platform/dynamo/client';
import type { LocalStack } from '../../../lib/local/stack';
import { client, startTestStack } from '../support/local-stack';

const NOW = '2026-11-24T10:00:00+09:00';
const DOOR = 'h1t-kudanshita-front';

let stack: LocalStack;
let api: ReturnType<typeof client>;
let commands: UnlockCommandRepository;
beforeAll(async () => {
  stack = await startTestStack(NOW);
  api = client(stack.url);
  const { doc, tableName } = tableContext();
  commands = new UnlockCommandRepository(doc, tableName);
});
afterAll(async () => stack?.stop());

/** A `sent` command issued at NOW (expires 30 s later), written straight into the table. */
async function sentCommand(): Promise<UnlockCommand> {
  const issuedAt = Date.parse(NOW);
  const command: UnlockCommand = {
    commandId: randomUUID(),
    doorId: DOOR,
    reservationId: randomUUID(),
    memberId: 'member-door-results',
    purpose: 'entry',
    timeZone: 'Asia/Tokyo',
    issuedAt,
    expiresAt: issuedAt + 30_000,
    status: 'sent',
    resultAt: null,
    reason: null,
  };
  const put = commands.putItem(command).item.Put;
  if (!put) throw new Error('no put');
  await tableContext().doc.send(new PutCommand(put as ConstructorParameters<typeof PutCommand>[0]));
  return command;
}
const event = (command: UnlockCommand, at: string) => ({
  commandId: command.commandId,
  doorId: command.doorId,
  result: 'unlocked',
  at,
});
const setClock = async (now: string) => expect((await api.post('/local/clock', { now })).status).toBe(200);

describe('door events', () => {
  it.each([
    ['absent', undefined],
    ['empty (topic doors//events)', ''],
    ['not a door id', 'h1t kudanshita'],
    ['a wildcard', '+'],
    ['another door', 'h1t-kudanshita-side'],
  ])('are dropped when the topic’s door id is %s', async (_case, topicDoorId) => {
    await setClock(NOW);
    const command = await sentCommand();
    const input = {
      ...event(command, '2026-11-24T10:00:01+09:00'),
      ...(topicDoorId === undefined ? {} : { topicDoorId }),
    };
    expect(await recordDoorEvent(input)).toEqual({ recorded: false });
    expect((await commands.get(command.commandId))?.status).toBe('sent');
  });

  it('record the door’s result when it arrives before the command expires', async () => {
    await setClock('2026-11-24T10:00:29+09:00');
    const command = await sentCommand();
    expect(await recordDoorEvent({ ...event(command, '2026-11-24T10:00:29+09:00'), topicDoorId: DOOR })).toEqual({
      recorded: true,
    });
    expect(await commands.get(command.commandId)).toMatchObject({ status: 'unlocked', reason: null });
  });

  it('record `expired` for a result arriving after the command expired, whatever the door’s `at` says', async () => {
    await setClock('2026-11-24T10:00:30+09:00');
    const command = await sentCommand();
    // The door says it opened in time; the backend received it at the expiry instant: too late.
    expect(await recordDoorEvent({ ...event(command, '2026-11-24T10:00:10+09:00'), topicDoorId: DOOR })).toEqual({
      recorded: true,
    });
    expect(await commands.get(command.commandId)).toMatchObject({ status: 'expired', reason: 'late unlocked' });
    // Final: the same event again changes nothing.
    expect(await recordDoorEvent({ ...event(command, '2026-11-24T10:00:10+09:00'), topicDoorId: DOOR })).toEqual({
      recorded: false,
    });
  });
});
