/**
 * Floors by recording: the DynamoDB commands a route call sends through the stack's shared client are recorded
 * (marshalled, as they leave the document client) with when each started and ended, then sent again, bare, through
 * the floor's client to the same DynamoDB Local (answers unmarshalled as the document client does), each when the command it waited for in the call has ended (`Replay`). Used for the routes whose floor is not built from the repositories in `floor.ts`: a read sends the same
 * inputs again as they are; a write is replayed on a twin of its items (`rename`: every occurrence of the route's
 * ids replaced by the twin's), so that its conditions hold as they did for the route.
 */
import * as dynamodb from '@aws-sdk/client-dynamodb';
import { type SFNClient, StartExecutionCommand, type StartExecutionCommandInput } from '@aws-sdk/client-sfn';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { isDoorEventCommand } from './observe';

export interface RecordedCommand {
  name: string;
  input: unknown;
  startedAt: number;
  endedAt: number;
}

/**
 * A call's commands in the order they were sent, each with the command it waited for: the one that ended last before
 * it was sent (-1: none, it went out first or beside the first). Sent again, each command goes out when that one has
 * ended, so that two chains the handler ran side by side (`Promise.all`) run side by side again.
 */
export type Replay = Array<{ name: string; input: unknown; after: number; overlaps: boolean }>;

export class CommandRecorder {
  private recorded: RecordedCommand[] = [];
  private removed = false;

  private constructor(private readonly doc: DynamoDBDocumentClient) {}

  /**
   * Adds the middleware (after the document client has marshalled the input); `remove()` takes it away. The door-event
   * handler's recordings (`UpdateItem` on an unlock command: a door's answer to a command an earlier stay step sent) go
   * through the same shared client at any moment, but are another Lambda's in the cloud, not the call's: not recorded.
   */
  static install(doc: DynamoDBDocumentClient): CommandRecorder {
    const recorder = new CommandRecorder(doc);
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        if (isDoorEventCommand(String(context.commandName), args.input)) return next(args);
        const startedAt = performance.now();
        const input = structuredClone(args.input);
        const result = await next(args);
        recorder.recorded.push({ name: String(context.commandName), input, startedAt, endedAt: performance.now() });
        return result;
      },
      { step: 'build', name: 'benchCommandRecorder' },
    );
    return recorder;
  }

  /**
   * Records a call the route made beside the table, through another client (`StartExecution` of a timer): replayed
   * with the table's commands, in its place among them ({@link sendReplay}).
   */
  note(name: string, input: unknown, startedAt: number, endedAt: number): void {
    if (!this.removed) this.recorded.push({ name, input: structuredClone(input), startedAt, endedAt });
  }

  /** What was recorded since the last `take()`. */
  take(): Replay {
    const commands = this.recorded.sort((a, b) => a.startedAt - b.startedAt);
    this.recorded = [];
    return commands.map((c, i) => {
      let after = -1;
      for (let j = 0; j < i; j++) {
        const before = commands[j] as RecordedCommand;
        if (
          before.endedAt <= c.startedAt &&
          (after < 0 || before.endedAt > (commands[after] as RecordedCommand).endedAt)
        )
          after = j;
      }
      const previous = commands[i - 1];
      return {
        name: c.name,
        input: c.input,
        after,
        overlaps: previous !== undefined && previous.endedAt > c.startedAt,
      };
    });
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    this.doc.middlewareStack.remove('benchCommandRecorder');
  }
}

/** `GetItem ∥ Query → PutItem`: in the order sent, ∥ before a command sent while the one before it was in flight. */
export function describeReplay(replay: Replay): string {
  return replay.map((c, i) => `${i === 0 ? '' : c.overlaps ? ' ∥ ' : ' → '}${c.name.replace(/Command$/, '')}`).join('');
}

/** The replay with every occurrence of each key of `names` (an id) replaced by its value. */
export function rename(replay: Replay, names: Record<string, string>): Replay {
  const entries = Object.entries(names);
  return replay.map((c) => {
    let text = JSON.stringify(c.input);
    for (const [from, to] of entries) text = text.split(from).join(to);
    return { ...c, input: JSON.parse(text) as unknown };
  });
}

type CommandClass = new (input: unknown) => dynamodb.DynamoDBClient extends { send(c: infer C): unknown } ? C : never;

type Marshalled = Record<string, dynamodb.AttributeValue>;

/**
 * A command's answer with its items unmarshalled, as the document client gives them to the product (and to the floors
 * of `floor.ts`, which read through one): `Item`, `Items`, `Attributes`, `LastEvaluatedKey`, a batch's `Responses` and
 * `UnprocessedKeys`, a `TransactGetItems`'s `Responses`. Turning the attribute maps into values is work every read of
 * the product does, so a floor does it too.
 */
export function unmarshallOutput(output: unknown): Record<string, unknown> {
  const out = { ...(output as Record<string, unknown>) };
  for (const field of ['Item', 'Attributes', 'LastEvaluatedKey'] as const) {
    if (out[field]) out[field] = unmarshall(out[field] as Marshalled);
  }
  if (Array.isArray(out.Items)) out.Items = (out.Items as Marshalled[]).map((item) => unmarshall(item));
  const responses = out.Responses;
  if (Array.isArray(responses)) {
    out.Responses = (responses as Array<{ Item?: Marshalled }>).map((r) => (r.Item ? { Item: unmarshall(r.Item) } : r));
  } else if (responses && typeof responses === 'object') {
    out.Responses = Object.fromEntries(
      Object.entries(responses as Record<string, Marshalled[]>).map(([table, items]) => [
        table,
        items.map((item) => unmarshall(item)),
      ]),
    );
  }
  const unprocessed = out.UnprocessedKeys as Record<string, { Keys?: Marshalled[] }> | undefined;
  if (unprocessed) {
    out.UnprocessedKeys = Object.fromEntries(
      Object.entries(unprocessed).map(([table, request]) => [
        table,
        { ...request, Keys: (request.Keys ?? []).map((key) => unmarshall(key)) },
      ]),
    );
  }
  return out;
}

/**
 * Sends a replay through `client`, each command when the one it waited for has ended, its answer unmarshalled as the
 * product's document client does ({@link unmarshallOutput}); a `StartExecution` (a timer the call started) through
 * `others.sfn`. A failed command fails it.
 */
export async function sendReplay(
  client: dynamodb.DynamoDBClient,
  replay: Replay,
  others: { sfn?: SFNClient } = {},
): Promise<void> {
  const sent: Array<Promise<unknown>> = [];
  for (const c of replay) {
    const waitFor = c.after < 0 ? Promise.resolve() : (sent[c.after] as Promise<unknown>);
    if (c.name === 'StartExecution') {
      const { sfn } = others;
      if (!sfn) throw new Error('Cannot replay StartExecution without a Step Functions client');
      sent.push(waitFor.then(() => sfn.send(new StartExecutionCommand(c.input as StartExecutionCommandInput))));
      continue;
    }
    const Command = (dynamodb as unknown as Record<string, CommandClass | undefined>)[c.name];
    if (!Command) throw new Error(`Cannot replay ${c.name}`);
    sent.push(waitFor.then(async () => unmarshallOutput(await client.send(new Command(c.input)))));
  }
  await Promise.all(sent);
}
