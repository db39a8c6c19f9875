import {
  AttributeType,
  BillingMode,
  type ITable,
  ProjectionType,
  StreamViewType,
  Table,
} from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { tableDefinition } from '../../contracts/table';
import type { TableAction } from '../../lambdas/routes';
import type { StageConfig } from '../config';

/** The table actions that read an index: of the actions handlers use, only Query. */
const INDEX_ACTIONS: readonly TableAction[] = ['dynamodb:Query'];

/**
 * What a statement of table actions covers: the table, and each index of the table definition by name
 * (no `index/*` wildcard) when the actions include one that reads an index.
 */
export function tableResourceArns(table: ITable, actions: readonly TableAction[]): string[] {
  const readsIndexes = actions.some((action) => INDEX_ACTIONS.includes(action));
  const indexes = readsIndexes
    ? tableDefinition.globalSecondaryIndexes.map((i) => `${table.tableArn}/index/${i.indexName}`)
    : [];
  return [table.tableArn, ...indexes];
}

/** The one statement granting a handler its table actions, on {@link tableResourceArns}. */
export function tableAccessStatement(sid: string, table: ITable, actions: readonly TableAction[]): PolicyStatement {
  if (actions.length === 0) throw new Error(`${sid}: no table actions`);
  return new PolicyStatement({
    sid,
    effect: Effect.ALLOW,
    actions: [...new Set(actions)],
    resources: tableResourceArns(table, actions),
  });
}

/** Props of {@link CoworkingTable}. */
export interface CoworkingTableProps {
  /** Stage settings: removal policy, deletion protection and PITR come from `config.table`. */
  readonly config: StageConfig;
}

/**
 * The single table, built from `tableDefinition` (contracts/table.ts): on-demand, PK/SK, every GSI
 * with ALL projection, TTL, point-in-time recovery, its stream of new images (the outbox consumer reads it).
 */
export class CoworkingTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: CoworkingTableProps) {
    super(scope, id);
    const { table: settings } = props.config;

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: tableDefinition.ttlAttribute,
      stream: StreamViewType[tableDefinition.streamViewType],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: settings.pointInTimeRecovery },
      deletionProtection: settings.deletionProtection,
      removalPolicy: settings.removalPolicy,
    });

    for (const index of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
