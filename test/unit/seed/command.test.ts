/** The edges of `npm run seed`: the table a stage names, and the lines the command prints. */
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../../lib/seed/catalogue';
import { planSeed } from '../../../lib/seed/plan';
import { outcomeCounts, problemLines, stepLines } from '../../../lib/seed/report';
import { resolveTarget, type Sender, tableOfStack, UsageError } from '../../../lib/seed/target';
import { demoJson, demoSnapshot, demoSpacesWith, EMPTY, NOW, parsed } from './support';

describe('the target of a stage', () => {
  const stacks = (outputs: Array<{ OutputKey: string; OutputValue: string }>): Sender & { asked: unknown[] } => {
    const asked: unknown[] = [];
    return {
      asked,
      send: async (command: unknown) => {
        asked.push(command);
        return { Stacks: [{ Outputs: outputs }] };
      },
    };
  };

  it("is the table of the stage's data stack, in the region lib/config.ts pins", async () => {
    const cloudFormation = stacks([{ OutputKey: 'TableName', OutputValue: 'coworking-dev-Table-1' }]);
    const regions: string[] = [];
    const target = await resolveTarget({ stage: 'dev' }, (region) => {
      regions.push(region);
      return cloudFormation;
    });
    expect(target).toEqual({
      stage: 'dev',
      tableName: 'coworking-dev-Table-1',
      region: 'ap-northeast-1',
      from: 'stack Coworking-dev-Data',
    });
    expect(regions).toEqual(['ap-northeast-1']);
    expect(cloudFormation.asked[0]).toBeInstanceOf(DescribeStacksCommand);
    expect((cloudFormation.asked[0] as DescribeStacksCommand).input).toEqual({ StackName: 'Coworking-dev-Data' });
  });

  it('says so when the stack has no table output or cannot be read', async () => {
    await expect(tableOfStack(stacks([]), 'Coworking-dev-Data', 'ap-northeast-1')).rejects.toThrow(
      'Stack Coworking-dev-Data has no TableName output: deploy the stage first',
    );
    const failing: Sender = {
      send: () => Promise.reject(new Error('Stack with id Coworking-dev-Data does not exist')),
    };
    await expect(tableOfStack(failing, 'Coworking-dev-Data', 'ap-northeast-1')).rejects.toThrow(
      'Stack Coworking-dev-Data does not exist in ap-northeast-1: deploy the stage first',
    );
  });

  it('is the local stack for local, another DynamoDB Local or table when told; a deployed stage takes neither', async () => {
    expect(await resolveTarget({ stage: 'local', endpoint: 'http://127.0.0.1:9', table: 't' })).toMatchObject({
      tableName: 't',
      endpoint: 'http://127.0.0.1:9',
    });
    expect((await resolveTarget({ stage: 'local' })).tableName).toBe('coworking-local');
    await expect(resolveTarget({ stage: 'dev', table: 't' })).rejects.toBeInstanceOf(UsageError);
    await expect(resolveTarget({ stage: 'staging' })).rejects.toThrow(
      'Unknown stage staging: expected dev, prod, local',
    );
  });
});

describe('what the command prints', () => {
  it('a line per step, the fields that differ under it with what becomes of them, and the counts', () => {
    const snapshot = demoSnapshot({ spaces: demoSpacesWith('tw-shibuya-desk', { price15: 180, capacity: 3 }) });
    const json = demoJson();
    json.partners = json.partners?.filter((p) => p.partnerId === 'partner-tw');
    json.companies = [{ companyId: 'example-corp', name: 'Example KK' }];
    const reported = planSeed(parsed(json), snapshot, { now: NOW, update: false });
    expect(stepLines(reported, { dryRun: false })).toEqual([
      '  unchanged  partner   partner-tw',
      '  unchanged  facility  tw-shibuya',
      '  unchanged  space     tw-shibuya-room-a',
      '  unchanged  hours     tw-shibuya-room-a',
      '  differs    space     tw-shibuya-desk',
      '               capacity: 3 → 4 (kept: --update changes it)',
      '               price15: 180 → 150 (kept: --update changes it)',
      '  unchanged  hours     tw-shibuya-desk',
      '  unchanged  doors     tw-shibuya',
      '  differs    company   example-corp',
      '               name: "Example Corp" → "Example KK" (no route changes it: kept)',
    ]);
    expect(outcomeCounts(reported)).toBe('0 create, 6 unchanged, 2 differs');
    const updated = planSeed(parsed(json), snapshot, { now: NOW, update: true });
    expect(stepLines(updated, { dryRun: true })).toContain('               capacity: 3 → 4 (to be changed)');
    expect(stepLines(updated, { dryRun: false })).toContain('               capacity: 3 → 4 (changed)');
  });

  it('the field and what is wrong, for each problem', () => {
    const json = demoJson();
    const [partner] = json.partners ?? [];
    if (partner) partner.payoutRatePercent = 170;
    const outcome = parseCatalogue(json);
    expect(outcome.ok ? [] : problemLines(outcome.problems)).toEqual([
      '  partners.0.payoutRatePercent: Too big: expected number to be <=100',
    ]);
    expect(outcomeCounts(planSeed(parsed({}), EMPTY, { now: NOW, update: false }))).toBe(
      '0 create, 0 unchanged, 0 differs',
    );
  });
});
