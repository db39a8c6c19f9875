/**
 * Floors by recording: the DynamoDB commands a route call sends through the stack's shared client are recorded
 * (marshalled, as they leave the document client) with when each started and ended, then sent again, bare, through
 * the floor's client to the same DynamoDB Local. Commands that overlapped in the call are sent at the same time
 * again. Used for the routes whose floor is not built from the repositories in `floor.ts`: a read sends the same
 * inputs again as they are; a write is replayed on a twin of its items (`rename`: every occurrence of the route's
 * ids replaced by the twin's), so that its conditions hold as they did for the route.
 */
import * as dynamodb from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface RecordedCommand {
  name: string;
  input: unknown;
  startedAt: number;
  endedAt: number;
}

/** Commands in waves: each wave's commands were in flight together; a wave starts when the one before it ended. */
export type Replay = Array<Array<{ name: string; input: unknown }>>;

export class CommandRecorder {
  private recorded: RecordedCommand[] = [];
  private removed = false;

  private constructor(private readonly doc: DynamoDBDocumentClient) {}

  /** Adds the middleware (after the document client has marshalled the input); `remove()` takes it away. */
  static install(doc: DynamoDBDocumentClient): CommandRecorder {
    const recorder = new CommandRecorder(doc);
    doc.middlewareStack.add(
      (next, context) => async (args) => {
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

  /** What was recorded since the last `take()`, in waves. */
  take(): Replay {
    const commands = this.recorded.sort((a, b) => a.startedAt - b.startedAt);
    this.recorded = [];
    const waves: Replay = [];
    let waveEnd = Number.NEGATIVE_INFINITY;
    for (const c of commands) {
      const wave = waves[waves.length - 1];
      if (wave && c.startedAt < waveEnd) {
        wave.push({ name: c.name, input: c.input });
        waveEnd = Math.max(waveEnd, c.endedAt);
      } else {
        waves.push([{ name: c.name, input: c.input }]);
        waveEnd = c.endedAt;
      }
    }
    return waves;
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    this.doc.middlewareStack.remove('benchCommandRecorder');
  }
}

/** `GetItem → Query ∥ Query → TransactWriteItems` */
export function describeReplay(replay: Replay): string {
  return replay
    .map((wave) => {
      const counted = new Map<string, number>();
      for (const c of wave) {
        const name = c.name.replace(/Command$/, '');
        counted.set(name, (counted.get(name) ?? 0) + 1);
      }
      return [...counted.entries()].map(([name, n]) => (n > 1 ? `${n}× ${name}` : name)).join(' ∥ ');
    })
    .join(' → ');
}

/** The replay with every occurrence of each key of `names` (an id) replaced by its value. */
export function rename(replay: Replay, names: Record<string, string>): Replay {
  const entries = Object.entries(names);
  return replay.map((wave) =>
    wave.map((c) => {
      let text = JSON.stringify(c.input);
      for (const [from, to] of entries) text = text.split(from).join(to);
      return { name: c.name, input: JSON.parse(text) as unknown };
    }),
  );
}

type CommandClass = new (input: unknown) => dynamodb.DynamoDBClient extends { send(c: infer C): unknown } ? C : never;

/** Sends a replay through `client`, wave after wave. A conditional write that fails now fails the floor. */
export async function sendReplay(client: dynamodb.DynamoDBClient, replay: Replay): Promise<void> {
  for (const wave of replay) {
    await Promise.all(
      wave.map((c) => {
        const Command = (dynamodb as unknown as Record<string, CommandClass | undefined>)[c.name];
        if (!Command) throw new Error(`Cannot replay ${c.name}`);
        return client.send(new Command(c.input));
      }),
    );
  }
}
