import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Company, LocalDate, Member } from '../core/model';
import { stripStorage } from './items';
import { keys } from './keys';

export interface UsesCount {
  used: number;
  held: number;
}

const NO_USES: UsesCount = { used: 0, held: 0 };
const usesOf = (item: Record<string, unknown> | undefined): UsesCount =>
  item ? { used: Number(item.used ?? 0), held: Number(item.held ?? 0) } : NO_USES;

export interface MemberStanding {
  member: Member;
  company: Company | null;
  /** The member's uses in the period. */
  uses: UsesCount;
  /** The whole company's uses in the period (corporate members only). */
  companyUses: UsesCount | null;
}

/** Members, companies and their use counters. */
export class MemberRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

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

  async getMember(memberId: string): Promise<Member | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.member(memberId), ConsistentRead: true }),
    );
    return Item ? stripStorage<Member>(Item) : undefined;
  }

  /**
   * A member's standing for one usage period: profile, then one batch for the member's counter, the company
   * and the company's counter. Two round trips.
   */
  async standing(memberId: string, period: (member: Member) => { memberPeriod: LocalDate; companyMonth: string }) {
    const member = await this.getMember(memberId);
    if (!member) return undefined;
    const { memberPeriod, companyMonth } = period(member);
    const wanted = [keys.memberUses(memberId, memberPeriod)];
    if (member.companyId) wanted.push(keys.company(member.companyId), keys.companyUses(member.companyId, companyMonth));
    const { Responses } = await this.doc.send(
      new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: wanted, ConsistentRead: true } } }),
    );
    const found = Responses?.[this.tableName] ?? [];
    const find = (key: { PK: string; SK: string }) => found.find((item) => item.PK === key.PK && item.SK === key.SK);
    const companyItem = member.companyId ? find(keys.company(member.companyId)) : undefined;
    const standing: MemberStanding = {
      member,
      uses: usesOf(find(keys.memberUses(memberId, memberPeriod))),
      company: companyItem ? stripStorage<Company>(companyItem) : null,
      companyUses: member.companyId ? usesOf(find(keys.companyUses(member.companyId, companyMonth))) : null,
    };
    return standing;
  }
}
