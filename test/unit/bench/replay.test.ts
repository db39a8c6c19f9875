import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CommandRecorder,
  describeReplay,
  type Replay,
  rename,
  sendReplay,
  unmarshallOutput,
} from '../../../bench/lib/replay';

/** A promise and the function that settles it. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

type Middleware = (
  next: (args: { input: unknown }) => Promise<unknown>,
  context: { commandName: string },
) => (args: { input: unknown }) => Promise<unknown>;

/** A document client whose middleware stack keeps the one middleware added to it. */
function fakeDoc() {
  let middleware: Middleware | undefined;
  const doc = {
    middlewareStack: {
      add: (m: Middleware) => {
        middleware = m;
      },
      remove: () => true,
    },
  } as unknown as DynamoDBDocumentClient;
  /** Sends a command through the middleware; it ends when `end` is called. */
  const send = (commandName: string, input: unknown) => {
    const done = deferred<unknown>();
    const sent = middleware?.(() => done.promise, { commandName })({ input });
    return { end: () => done.resolve({}), sent };
  };
  return { doc, send };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CommandRecorder', () => {
  it('records each command with the one it waited for, and which overlapped the one before', async () => {
    // instants read by the middleware, in order: A sent, B sent, B ends, A ends, C sent, C ends
    const now = vi.spyOn(performance, 'now');
    for (const t of [0, 1, 3, 5, 6, 7]) now.mockReturnValueOnce(t);
    const { doc, send } = fakeDoc();
    const recorder = CommandRecorder.install(doc);
    const a = send('GetItemCommand', { Key: 'a' });
    const b = send('QueryCommand', { Key: 'b' });
    b.end();
    await b.sent;
    a.end();
    await a.sent;
    const c = send('PutItemCommand', { Item: 'c' });
    c.end();
    await c.sent;

    const replay = recorder.take();
    expect(replay.map(({ name, after, overlaps }) => ({ name, after, overlaps }))).toEqual([
      { name: 'GetItemCommand', after: -1, overlaps: false },
      { name: 'QueryCommand', after: -1, overlaps: true },
      // B ended first, A last before C: C waited for A
      { name: 'PutItemCommand', after: 0, overlaps: false },
    ]);
    expect(describeReplay(replay)).toBe('GetItem ∥ Query → PutItem');
    expect(recorder.take()).toEqual([]);
  });

  it('leaves out the door-event handler’s recordings of a door’s answer (another Lambda’s in the cloud)', async () => {
    const { doc, send } = fakeDoc();
    const recorder = CommandRecorder.install(doc);
    const answer = send('UpdateItemCommand', { Key: { PK: { S: 'CMD#c-1' }, SK: { S: '#META' } } });
    const edit = send('UpdateItemCommand', { Key: { PK: { S: 'FACILITY#f-1' }, SK: { S: '#META' } } });
    const put = send('PutItemCommand', { Item: { PK: { S: 'CMD#c-2' } } });
    for (const c of [answer, edit, put]) {
      c.end();
      await c.sent;
    }
    expect(recorder.take().map((c) => [c.name, c.input])).toEqual([
      ['UpdateItemCommand', { Key: { PK: { S: 'FACILITY#f-1' }, SK: { S: '#META' } } }],
      // a command's item written by a call (a stay step's transaction, say) is the call's
      ['PutItemCommand', { Item: { PK: { S: 'CMD#c-2' } } }],
    ]);
  });
});

describe('rename', () => {
  it('replaces every occurrence of an id in the inputs, keys and values alike', () => {
    const replay: Replay = [
      {
        name: 'PutItemCommand',
        input: { Item: { PK: { S: 'FACILITY#a' }, id: { S: 'a' }, other: { S: 'b' } } },
        after: -1,
        overlaps: false,
      },
    ];
    expect(rename(replay, { a: 'z' })[0]?.input).toEqual({
      Item: { PK: { S: 'FACILITY#z' }, id: { S: 'z' }, other: { S: 'b' } },
    });
    // the recording itself is left as it was
    expect(replay[0]?.input).toEqual({ Item: { PK: { S: 'FACILITY#a' }, id: { S: 'a' }, other: { S: 'b' } } });
  });
});

describe('sendReplay', () => {
  it('sends each command when the one it waited for has ended, not before, and side chains at once', async () => {
    const pending = new Map<string, ReturnType<typeof deferred<unknown>>>();
    const order: string[] = [];
    const client = {
      send: (command: { input: { Key: string } }) => {
        order.push(command.input.Key);
        const d = deferred<unknown>();
        pending.set(command.input.Key, d);
        return d.promise;
      },
    } as unknown as DynamoDBClient;
    const replay: Replay = [
      { name: 'GetItemCommand', input: { Key: 'a' }, after: -1, overlaps: false },
      { name: 'GetItemCommand', input: { Key: 'b' }, after: -1, overlaps: true },
      { name: 'GetItemCommand', input: { Key: 'c' }, after: 0, overlaps: false },
    ];
    const done = sendReplay(client, replay);
    await Promise.resolve();
    expect(order).toEqual(['a', 'b']);
    pending.get('a')?.resolve({});
    await vi.waitFor(() => expect(order).toEqual(['a', 'b', 'c']));
    pending.get('c')?.resolve({});
    pending.get('b')?.resolve({});
    await done;
  });

  it('refuses a command the SDK does not have', async () => {
    const client = { send: async () => ({}) } as unknown as DynamoDBClient;
    await expect(
      sendReplay(client, [{ name: 'NoSuchCommand', input: {}, after: -1, overlaps: false }]),
    ).rejects.toThrow('Cannot replay NoSuchCommand');
  });
});

describe('unmarshallOutput', () => {
  it('turns the items of every kind of answer into values, as the document client does', () => {
    const item = { PK: { S: 'SPACE#a' }, capacity: { N: '4' }, tags: { L: [{ S: 'quiet' }] } };
    const value = { PK: 'SPACE#a', capacity: 4, tags: ['quiet'] };
    expect(unmarshallOutput({ Item: item })).toEqual({ Item: value });
    expect(unmarshallOutput({ Items: [item], Count: 1, LastEvaluatedKey: { PK: { S: 'SPACE#a' } } })).toEqual({
      Items: [value],
      Count: 1,
      LastEvaluatedKey: { PK: 'SPACE#a' },
    });
    expect(unmarshallOutput({ Attributes: item })).toEqual({ Attributes: value });
    expect(
      unmarshallOutput({ Responses: { t: [item] }, UnprocessedKeys: { t: { Keys: [{ PK: { S: 'SPACE#b' } }] } } }),
    ).toEqual({ Responses: { t: [value] }, UnprocessedKeys: { t: { Keys: [{ PK: 'SPACE#b' }] } } });
    expect(unmarshallOutput({ Responses: [{ Item: item }, {}] })).toEqual({ Responses: [{ Item: value }, {}] });
    // a write's answer without items is left as it is
    expect(unmarshallOutput({ $metadata: { httpStatusCode: 200 } })).toEqual({ $metadata: { httpStatusCode: 200 } });
  });
});
