import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinition } from '../../schemas/table';
import type { StageConfig } from '../config';

/** Props of {@link CoworkingTable}. */
export interface CoworkingTableProps {
  /** Stage settings: removal policy, deletion protection and PITR come from `config.table`. */
  readonly config: StageConfig;
}

/**
 * The single table, built from `tableDefinition` (schemas/table.ts): on-demand, PK/SK, every GSI
 * with ALL projection, TTL, point-in-time recovery.
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
