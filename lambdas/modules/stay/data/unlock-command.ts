import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../../../contracts/table';
import type { Instant, UnlockCommand } from '../../../domain/model';
import { instantFromItem, stripStorage } from '../../../platform/dynamo/items';
import { indexKey, isoUtc, itemKey } from '../../../platform/dynamo/keys';
import { type TaggedItem, writtenUnlessConditionFails } from '../../../platform/dynamo/transactions';

const [OF_RESERVATION] = ITEM_TYPES.unlockCommand.indexes;
const commandKey = (commandId: string) => itemKey('unlockCommand', { commandId });

export function commandFromItem(item: Record<string, unknown>): UnlockCommand {
  const stored = stripStorage<Record<string, unknown>>(item);
  for (const field of ['issuedAt', 'expiresAt', 'resultAt']) stored[field] = instantFromItem(stored[field]);
  return stored as unknown as UnlockCommand;
}

/** Unlock commands: recorded before they are published, then given the door's result. */
export class UnlockCommandRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The Put of a new command, to write in the same transaction as the change that issues it. */
  putItem(command: UnlockCommand): TaggedItem {
    return {
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            ...commandKey(command.commandId),
            ...indexKey(OF_RESERVATION, {
              reservationId: command.reservationId,
              utcIssuedAt: isoUtc(command.issuedAt),
            }),
            entity: 'unlockCommand',
            ...command,
            issuedAt: isoUtc(command.issuedAt),
            expiresAt: isoUtc(command.expiresAt),
            resultAt: null,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      onConditionFailed: 'stale',
    };
  }

  async get(commandId: string): Promise<UnlockCommand | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: commandKey(commandId), ConsistentRead: true }),
    );
    return Item ? commandFromItem(Item) : undefined;
  }

  /**
   * Records a door's result on a command still `sent`, reported by the door it was for, as `result` when it
   * arrives (`receivedAt`, the backend's clock; default `at`, for results the backend itself records) before the command's `expiresAt`, else as `expired` with the
   * door's late result kept in `reason`. The backend's clock decides, not the door's `at`: the member has been
   * shown `expired` since `expiresAt` (a `sent` command past it shows so), and a door's clock is not ours.
   * Returns what was recorded, or `null` when there is no such command or it already has a result (a repeated
   * event changes nothing). At most two conditional writes (the second only for a late result).
   */
  async recordResult(
    commandId: string,
    doorId: string,
    result: Exclude<UnlockCommand['status'], 'sent' | 'expired'>,
    at: Instant,
    reason: string | null,
    receivedAt: Instant = at,
  ): Promise<UnlockCommand['status'] | null> {
    const write = (status: UnlockCommand['status'], expiry: string, why: string | null) =>
      writtenUnlessConditionFails(
        this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: commandKey(commandId),
            UpdateExpression: 'SET #status = :result, resultAt = :at, reason = :reason',
            ConditionExpression: `attribute_exists(PK) AND doorId = :doorId AND #status = :sent AND ${expiry}`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':result': status,
              ':at': isoUtc(at),
              ':reason': why,
              ':doorId': doorId,
              ':sent': 'sent',
              ':received': isoUtc(receivedAt),
            },
          }),
        ),
      );
    if (await write(result, 'expiresAt > :received', reason)) return result;
    const late = `late ${result}${reason === null ? '' : `: ${reason}`}`;
    return (await write('expired', 'expiresAt <= :received', late)) ? 'expired' : null;
  }
}
