import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Company, LocalDate, Member } from '../../../domain/model';
import { stripStorage } from '../../../platform/dynamo/items';
import { keys } from '../../../platform/dynamo/keys';

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

export interface MemberStanding {
  member: Member;
  /** Version of the member's holds; bookings of one member are serialized on it. */
  holdsVersion: number;
  company: Company | null;
  /** The member's uses in the period. */
  uses: UsesCount;
  /** The whole company's uses in the month (corporate members only). */
  companyUses: UsesCount | null;
  /** The member's uses at the selected facility on the selected day. */
  usedThatDay: number;
}

/** Members, companies and their use counters. */
export class MemberRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Creates a member unless one with that id exists; false when it did (a repeated trigger). */
  async createMember(member: Member): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.member(member.memberId), entity: 'member', ...member },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  /** The next member number, `TW` and six digits, from an atomic counter. */
  async nextMemberNumber(): Promise<string> {
    const { Attributes } = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.counter('memberNumber'),
        UpdateExpression: 'ADD #value :one',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return `TW${String(Attributes?.value ?? 0).padStart(6, '0')}`;
  }

  async putMember(member: Member): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.member(member.memberId), entity: 'member', ...member },
      }),
    );
  }

  async putCompany(company: Company): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.company(company.companyId), entity: 'company', ...company },
      }),
    );
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.corporateCode(company.corporateCode), entity: 'corporateCode', companyId: company.companyId },
      }),
    );
  }

  async getMember(memberId: string): Promise<{ member: Member; holdsVersion: number } | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.member(memberId), ConsistentRead: true }),
    );
    return Item ? { member: stripStorage<Member>(Item), holdsVersion: Number(Item.holdsVersion ?? 0) } : undefined;
  }

  /** The company a corporate code belongs to. */
  async companyOfCode(code: string): Promise<Company | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.corporateCode(code) }));
    if (!Item) return undefined;
    const company = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.company(String(Item.companyId)) }),
    );
    return company.Item ? stripStorage<Company>(company.Item) : undefined;
  }

  /** Links a member to a company once: refused (false) when the member already belongs to one. */
  async linkCompany(memberId: string, company: Company): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.member(memberId),
          UpdateExpression: 'SET #plan = :corporate, companyId = :companyId, companyName = :companyName',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(companyId) OR companyId = :null)',
          ExpressionAttributeNames: { '#plan': 'plan' },
          ExpressionAttributeValues: {
            ':corporate': 'corporate',
            ':companyId': company.companyId,
            ':companyName': company.name,
            ':null': null,
          },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  /** Counters for an already loaded member: one batch read of the member's, the company's and the day's. */
  async countersOf(member: Member, selection: CounterSelection) {
    const wanted = [keys.memberUses(member.memberId, selection.memberPeriod)];
    if (member.companyId) {
      wanted.push(keys.company(member.companyId), keys.companyUses(member.companyId, selection.companyMonth));
    }
    if (selection.daily) {
      wanted.push(keys.memberDailyUses(member.memberId, selection.daily.facilityId, selection.daily.date));
    }
    const { Responses } = await this.doc.send(
      new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: wanted, ConsistentRead: true } } }),
    );
    const found = Responses?.[this.tableName] ?? [];
    const find = (key: { PK: string; SK: string }) => found.find((item) => item.PK === key.PK && item.SK === key.SK);
    const companyItem = member.companyId ? find(keys.company(member.companyId)) : undefined;
    const dailyItem = selection.daily
      ? find(keys.memberDailyUses(member.memberId, selection.daily.facilityId, selection.daily.date))
      : undefined;
    return {
      uses: usesOf(find(keys.memberUses(member.memberId, selection.memberPeriod))),
      company: companyItem ? stripStorage<Company>(companyItem) : null,
      companyUses: member.companyId ? usesOf(find(keys.companyUses(member.companyId, selection.companyMonth))) : null,
      usedThatDay: Number(dailyItem?.total ?? 0),
    };
  }

  /** A member's standing: the profile, then one batch of counters chosen from it. Two round trips. */
  async standing(memberId: string, select: (member: Member) => CounterSelection): Promise<MemberStanding | undefined> {
    const found = await this.getMember(memberId);
    if (!found) return undefined;
    return { ...found, ...(await this.countersOf(found.member, select(found.member))) };
  }
}
