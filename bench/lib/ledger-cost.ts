/**
 * The sales ledger's share of a checkout's write capacity (issue 17 point 8), measured on DynamoDB Local: a checkout
 * writes its sales record (put only if absent) and its facility's day and month totals in its own transaction. For a
 * reservation checkout and a drop-in visit checkout, two checkouts of the same shape are made through the local
 * gateway, one after the other:
 *
 * - the first as the product makes it: its WCU is the checkout's total;
 * - the second with the ledger's items taken out of its `TransactWriteItems` by a bench-only middleware on the shared
 *   document client (recognised by their keys: `salesRecord` and `salesTotal` items of `contracts/table.ts`), and sent
 *   right after, unchanged, as a `TransactWriteItems` of their own: the checkout's WCU without them is *the rest*, that
 *   transaction's WCU is *the ledger's*.
 *
 * Both are what DynamoDB Local reports (`ReturnConsumedCapacity: TOTAL`, table and indexes). *total − rest* (the
 * difference of two real checkouts) is shown beside the ledger's own transaction: Local does not price a transaction
 * as the sum of its items, so the two differ (0 and 8 WCU against 12 in the first runs); the budget bounds the ledger's
 * own transaction. The second checkout's record is written a moment after its checkout rather than with it: the
 * bench's data only, never the product's.
 */
import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ITEM_TYPES } from '../../contracts/table';
import { fillPrefix } from '../../lambdas/platform/dynamo/keys';
import { at, benchSpace, DAY, newMembers, T } from './fixtures';
import type { Floor } from './floor';
import type { Api } from './http';
import type { TableObserver } from './observe';
import type { Progress } from './progress';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface LedgerShare {
  checkout: 'reservation' | 'visit';
  route: string;
  call: string;
  /** The checkout as the product makes it. */
  total: { wcu: number; txItems: number };
  /** A second checkout of the same shape without the ledger's items. */
  rest: { wcu: number; txItems: number };
  /** The ledger's items of that checkout (record, day total, month total) in a transaction of their own. */
  ledger: { wcu: number; txItems: number };
  /** total.wcu − rest.wcu: what the ledger's items add to a real checkout. */
  addedWcu: number;
}

export interface LedgerSection {
  shares: LedgerShare[];
}

const LEDGER_PREFIXES = [ITEM_TYPES.salesRecord.pk, ITEM_TYPES.salesTotal.pk].map((pk) => fillPrefix(pk, {}));

/** The partition key of a transaction's item (document form, as at the `initialize` step). */
function pkOf(item: TransactItem): string {
  const key = item.Put?.Item ?? item.Update?.Key ?? item.Delete?.Key ?? item.ConditionCheck?.Key;
  const pk = (key as Record<string, unknown> | undefined)?.PK;
  return typeof pk === 'string' ? pk : '';
}

const isLedgerItem = (item: TransactItem) => LEDGER_PREFIXES.some((prefix) => pkOf(item).startsWith(prefix));

/**
 * While armed, takes the ledger's items out of the next `TransactWriteItems` holding any and keeps them. Added with a
 * high priority, so it runs before the observer counts what is sent.
 */
class LedgerSplitter {
  private armed = false;
  taken: TransactItem[] = [];

  constructor(private readonly doc: DynamoDBDocumentClient) {
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { TransactItems?: TransactItem[] };
        if (
          this.armed &&
          context.commandName === 'TransactWriteItemsCommand' &&
          input.TransactItems?.some(isLedgerItem)
        ) {
          this.armed = false;
          this.taken = input.TransactItems.filter(isLedgerItem);
          return next({
            ...args,
            input: { ...input, TransactItems: input.TransactItems.filter((i) => !isLedgerItem(i)) },
          });
        }
        return next(args);
      },
      { step: 'initialize', priority: 'high', name: 'benchLedgerSplitter' },
    );
  }

  arm(): void {
    this.taken = [];
    this.armed = true;
  }

  remove(): void {
    this.doc.middlewareStack.remove('benchLedgerSplitter');
  }
}

/**
 * Two reservation checkouts and two visit checkouts, each pair of one shape; `doc` is the stack's shared document
 * client (`tableContext().doc`) that `observer` watches.
 */
export async function measureLedgerCost(
  api: Api,
  floor: Floor,
  doc: DynamoDBDocumentClient,
  observer: TableObserver,
  progress: Progress,
): Promise<LedgerSection> {
  progress.step("DynamoDB cost: the sales ledger's share of a checkout");
  const splitter = new LedgerSplitter(doc);
  try {
    const members = await newMembers(floor.doc, floor.tableName, 4);
    const [a, b, c, d] = members.map((m) => m.token) as [string, string, string, string];

    // Reservations: an hour from now on a bench seat, checked in; then the checkout.
    const door = { doorId: 'h1t-kudanshita-front' };
    const stayOf = async (token: string) => {
      let last: unknown;
      for (let seat = 31; seat >= 0; seat--) {
        const booked = await api.post(
          '/v1/reservations',
          { spaceId: benchSpace(seat).spaceId, start: T, end: at(DAY, '12:30') },
          token,
        );
        last = booked.body;
        if (booked.status !== 201) continue;
        const id = String(booked.body.id);
        await api.expect(200, api.post(`/v1/reservations/${id}/check-in`, door, token), 'check-in (ledger cost)');
        return id;
      }
      throw new Error(`ledger cost: no bench seat free for an hour from now (${JSON.stringify(last).slice(0, 300)})`);
    };
    const [first, second] = [await stayOf(a), await stayOf(b)];

    // Visits at the Regus lounge with two guests, one of them out before the member.
    const qr = { qrValue: 'QR-REGUS-MARUNOUCHI' };
    const visitOf = async (token: string) => {
      const visit = await api.expect(201, api.post('/v1/visits', qr, token), 'check-in-visit (ledger cost)');
      const id = String(visit.body.id);
      await api.expect(201, api.post(`/v1/visits/${id}/guests`, { count: 2 }, token), 'add-guests (ledger cost)');
      await api.expect(200, api.post(`/v1/visits/${id}/guests/g1/checkout`, {}, token), 'checkout-guest (ledger cost)');
      return id;
    };
    const [third, fourth] = [await visitOf(c), await visitOf(d)];

    const window = async (what: string, send: () => Promise<unknown>) => {
      observer.take();
      await send();
      const { main } = observer.take();
      return { wcu: main.wcu, txItems: main.txItems, what };
    };
    const pair = async (
      checkout: LedgerShare['checkout'],
      route: string,
      call: string,
      send: (which: 'first' | 'second') => Promise<unknown>,
    ): Promise<LedgerShare> => {
      const total = await window(call, () => send('first'));
      splitter.arm();
      const rest = await window(call, () => send('second'));
      if (splitter.taken.length === 0) throw new Error(`ledger cost: the ${route} call wrote no sales record`);
      const items = splitter.taken;
      const ledger = await window('ledger items', () => doc.send(new TransactWriteCommand({ TransactItems: items })));
      return {
        checkout,
        route,
        call,
        total: { wcu: total.wcu, txItems: total.txItems },
        rest: { wcu: rest.wcu, txItems: rest.txItems },
        ledger: { wcu: ledger.wcu, txItems: ledger.txItems },
        addedWcu: total.wcu - rest.wcu,
      };
    };

    const shares = [
      await pair('reservation', 'checkout', 'POST checkout of a 1 h bench-seat stay', (which) =>
        api.expect(
          200,
          api.post(`/v1/reservations/${which === 'first' ? first : second}/checkout`, door, which === 'first' ? a : b),
          'checkout (ledger cost)',
        ),
      ),
      await pair(
        'visit',
        'checkout-visit',
        'POST checkout of a Regus lounge visit, a guest out with the member',
        (which) =>
          api.expect(
            200,
            api.post(`/v1/visits/${which === 'first' ? third : fourth}/checkout`, qr, which === 'first' ? c : d),
            'checkout-visit (ledger cost)',
          ),
      ),
    ];
    return { shares };
  } finally {
    splitter.remove();
  }
}
