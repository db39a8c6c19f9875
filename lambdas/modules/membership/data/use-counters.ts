/**
 * Use counters: a member's uses per contract period, a company's per month, and a member's at one facility
 * per day. Each holds `held` and `used` (and `total` = both, what the limits look at). Written only in the
 * transactions of the bookings that move them (through {@link UseCounterRepository.updates}), read here.
 */
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Company, LocalDate, Member, UsesLedger } from '../../../domain/model';
import { itemKey } from '../../../platform/dynamo/keys';
import type { ConditionMeaning, TaggedItem } from '../../../platform/dynamo/transactions';
import { updateExpression } from '../../../platform/dynamo/update';
import { companyFromItem, companyKey } from './company';

const memberUsesKey = (memberId: string, periodStart: LocalDate) => itemKey('memberUses', { memberId, periodStart });
const companyUsesKey = (companyId: string, month: string) => itemKey('companyUses', { companyId, month });
const dailyUsesKey = (memberId: string, facilityId: string, date: LocalDate) =>
  itemKey('memberDailyUses', { memberId, facilityId, date });

export interface UsesCount {
  used: number;
  held: number;
}

const NO_USES: UsesCount = { used: 0, held: 0 };
const usesOf = (item: Record<string, unknown> | undefined): UsesCount =>
  item ? { used: Number(item.used ?? 0), held: Number(item.held ?? 0) } : NO_USES;

/** Which counters to read for a member: their usage period, the company month, and a facility day. */
export interface CounterSelection {
  memberPeriod: LocalDate;
  companyMonth: string;
  daily?: { facilityId: string; date: LocalDate };
}

/** The counters of a member, with their company (corporate members). */
export interface MemberCounters {
  company: Company | null;
  /** The member's uses in the period. */
  uses: UsesCount;
  /** The whole company's uses in the month (corporate members only). */
  companyUses: UsesCount | null;
  /** The member's uses at the selected facility on the selected day. */
  usedThatDay: number;
  /** The member's drop-in check-ins at the selected facility on the selected day (see {@link UseCounterRepository.checkIn}). */
  checkInsThatDay: number;
}

/** A member with their counters. */
export interface MemberStanding extends MemberCounters {
  member: Member;
  /** Version of the member's holds; bookings of one member are serialized on it. */
  holdsVersion: number;
}

/** How a change moves a reservation's counters. */
export interface CounterDelta {
  held: number;
  used: number;
  /** Counts toward limits: held + used. */
  total: number;
}

/** Limits the counters of a write must respect; `null` = no condition. */
export interface CounterLimits {
  member: number | null;
  company: number | null;
  daily: number | null;
}

export const NO_LIMITS: CounterLimits = { member: null, company: null, daily: null };

const tickets = (detail: string): ConditionMeaning => ({ code: 'INSUFFICIENT_TICKETS', detail });

export class UseCounterRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Counters for an already loaded member: one batch read of the member's, the company's and the day's. */
  async countersOf(member: Member, selection: CounterSelection): Promise<MemberCounters> {
    const memberUses = memberUsesKey(member.memberId, selection.memberPeriod);
    const company = member.companyId ? companyKey(member.companyId) : undefined;
    const companyUses = member.companyId ? companyUsesKey(member.companyId, selection.companyMonth) : undefined;
    const daily = selection.daily
      ? dailyUsesKey(member.memberId, selection.daily.facilityId, selection.daily.date)
      : undefined;
    const wanted = [memberUses, company, companyUses, daily].filter((key) => key !== undefined);
    const { Responses } = await this.doc.send(
      new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: wanted, ConsistentRead: true } } }),
    );
    const found = Responses?.[this.tableName] ?? [];
    const find = (key: { PK: string; SK: string } | undefined) =>
      key ? found.find((item) => item.PK === key.PK && item.SK === key.SK) : undefined;
    const companyItem = find(company);
    return {
      uses: usesOf(find(memberUses)),
      company: companyItem ? companyFromItem(companyItem) : null,
      companyUses: companyUses ? usesOf(find(companyUses)) : null,
      usedThatDay: Number(find(daily)?.total ?? 0),
      checkInsThatDay: Number(find(daily)?.checkIns ?? 0),
    };
  }

  /**
   * A drop-in check-in on the member's day at a facility: one more check-in, and its uses toward the day's total (what
   * a booking's daily limit reads). Within `limit` check-ins a day (快活CLUB 1) when given: DAILY_LIMIT_REACHED.
   */
  checkIn(
    { memberId, facilityId, date }: { memberId: string; facilityId: string; date: LocalDate },
    uses: number,
    limit: number | null,
  ): TaggedItem {
    const add: Record<string, number> = uses > 0 ? { checkIns: 1, total: uses } : { checkIns: 1 };
    return {
      item: {
        Update: {
          TableName: this.tableName,
          Key: dailyUsesKey(memberId, facilityId, date),
          ...updateExpression(
            { add },
            limit === null ? {} : { names: { '#checkIns': 'checkIns' }, values: { ':max': limit - 1 } },
          ),
          ...(limit === null ? {} : { ConditionExpression: 'attribute_not_exists(#checkIns) OR #checkIns <= :max' }),
        },
      },
      onConditionFailed: { code: 'DAILY_LIMIT_REACHED', detail: `This facility allows ${limit} check-ins a day.` },
    };
  }

  /**
   * Updates of the member's, company's and day's counters by `delta` for a reservation's ledger; adding
   * `adding` uses stays within `limits` (a failed limit is the refusal its counter names).
   */
  updates(
    { memberId, facilityId, ledger }: { memberId: string; facilityId: string; ledger: UsesLedger },
    delta: CounterDelta,
    adding: number,
    limits: CounterLimits,
  ): TaggedItem[] {
    const update = (
      key: { PK: string; SK: string },
      fields: Partial<CounterDelta>,
      limit: number | null,
      meaning: ConditionMeaning,
    ): TaggedItem => {
      const add = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== 0));
      const guarded = limit !== null && adding > 0;
      return {
        item: {
          Update: {
            TableName: this.tableName,
            Key: key,
            ...updateExpression(
              { add },
              guarded ? { names: { '#total': 'total' }, values: { ':max': limit - adding } } : {},
            ),
            ...(guarded ? { ConditionExpression: 'attribute_not_exists(#total) OR #total <= :max' } : {}),
          },
        },
        onConditionFailed: meaning,
      };
    };
    const items: TaggedItem[] = [];
    if (delta.held !== 0 || delta.used !== 0 || delta.total !== 0) {
      items.push(
        update(
          memberUsesKey(memberId, ledger.memberPeriod),
          delta,
          limits.member,
          tickets('Your plan has not enough uses left.'),
        ),
      );
      if (ledger.companyId && ledger.companyMonth) {
        items.push(
          update(
            companyUsesKey(ledger.companyId, ledger.companyMonth),
            delta,
            limits.company,
            tickets('Your company has used its monthly uses.'),
          ),
        );
      }
    }
    if (ledger.dailyDate && delta.total !== 0) {
      items.push(
        update(dailyUsesKey(memberId, facilityId, ledger.dailyDate), { total: delta.total }, limits.daily, {
          code: 'DAILY_LIMIT_REACHED',
          detail: 'The daily limit of this facility would be passed.',
        }),
      );
    }
    return items;
  }
}
