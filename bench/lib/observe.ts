/**
 * A middleware the bench adds, in its own process only, to the stack's shared document client
 * (`tableContext().doc`): it asks DynamoDB (Local) for `ReturnConsumedCapacity: 'TOTAL'` on every command
 * that takes it, sums what comes back, and tells when the door-event handler has recorded a door's answer.
 * The product's clients do not ask for consumed capacity; nothing here changes what they send otherwise.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Commands that accept `ReturnConsumedCapacity`. */
const CAPACITY_COMMANDS = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
]);
const READS = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** Capacity and commands of one window. */
export interface Usage {
  rcu: number;
  wcu: number;
  commands: string[];
  /** Items written by transactions (AWS bills each at least 2 WCU). */
  txItems: number;
}

const emptyUsage = (): Usage => ({ rcu: 0, wcu: 0, commands: [], txItems: 0 });

/** `TransactWriteItemsCommand` → `TransactWrite`, `GetItemCommand` → `Get`. */
const short = (name: string) => name.replace(/Command$/, '').replace(/Items?$/, '');

/** The string value of a key attribute, marshalled (`{ S }`) or not. */
function keyString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { S?: unknown }).S === 'string') {
    return (value as { S: string }).S;
  }
  return undefined;
}

/** The unlock command's key (`CMD#…`) an `UpdateItem` writes, marshalled or not: the door-event handler's command. */
function doorEventKey(name: string, input: unknown): string | undefined {
  if (name !== 'UpdateItemCommand') return undefined;
  const pk = keyString((input as { Key?: { PK?: unknown } } | undefined)?.Key?.PK);
  return pk?.startsWith('CMD#') ? pk : undefined;
}

/**
 * Whether a command is the door-event handler's recording of a door's answer: an `UpdateItem` on an unlock command
 * (`CMD#…`), its input marshalled or not. Such a command goes through the shared client at any moment, but is another
 * Lambda's in the cloud, not a route call's.
 */
export const isDoorEventCommand = (name: string, input: unknown): boolean => doorEventKey(name, input) !== undefined;

export class TableObserver {
  /** Commands of route calls (everything but the door-event recordings). */
  main = emptyUsage();
  /** The door-event handler's recordings (`UpdateItem` on an unlock command). */
  doorEvents = emptyUsage();
  private readonly recordedListeners = new Set<(commandId: string, at: number) => void>();
  private removed = false;

  private constructor(private readonly doc: DynamoDBDocumentClient) {}

  /** Adds the middleware; `remove()` takes it away again. */
  static install(doc: DynamoDBDocumentClient): TableObserver {
    const observer = new TableObserver(doc);
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        const name = String(context.commandName);
        const input = args.input as Record<string, unknown>;
        if (CAPACITY_COMMANDS.has(name)) input.ReturnConsumedCapacity = 'TOTAL';
        const doorEventPk = doorEventKey(name, input);
        const doorEvent = doorEventPk !== undefined;
        const result = await next(args);
        const usage = doorEvent ? observer.doorEvents : observer.main;
        usage.commands.push(short(name));
        if (name === 'TransactWriteItemsCommand')
          usage.txItems += (input.TransactItems as unknown[] | undefined)?.length ?? 0;
        const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
        for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
          if (c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined) {
            usage.rcu += c.ReadCapacityUnits ?? 0;
            usage.wcu += c.WriteCapacityUnits ?? 0;
          } else if (READS.has(name)) {
            usage.rcu += c.CapacityUnits ?? 0;
          } else {
            usage.wcu += c.CapacityUnits ?? 0;
          }
        }
        if (doorEventPk) {
          const at = performance.now();
          for (const listener of observer.recordedListeners) listener(doorEventPk.slice('CMD#'.length), at);
        }
        return result;
      },
      { step: 'initialize', name: 'benchTableObserver' },
    );
    return observer;
  }

  /** Calls `listener` with a command id each time the door-event handler has written a door's answer. */
  onRecorded(listener: (commandId: string, at: number) => void): () => void {
    this.recordedListeners.add(listener);
    return () => this.recordedListeners.delete(listener);
  }

  /** The usage since the last `take()`, and a fresh window. */
  take(): { main: Usage; doorEvents: Usage } {
    const taken = { main: this.main, doorEvents: this.doorEvents };
    this.main = emptyUsage();
    this.doorEvents = emptyUsage();
    return taken;
  }

  remove(): void {
    if (this.removed) return;
    this.removed = true;
    this.doc.middlewareStack.remove('benchTableObserver');
  }
}
