/**
 * The single DynamoDB table, shaped by TABLE_SCHEMA (the same data the local runtime uses, so they cannot drift).
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../../functions/data/table-schema.js';

const str = (name: string) => ({ name, type: AttributeType.STRING });

export class Data extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    // No fixed tableName: CloudFormation names it, so two stages can share an account and a replacement
    // cannot collide. The functions get the name through TABLE_NAME.
    this.table = new Table(this, 'Table', {
      partitionKey: str(TABLE_SCHEMA.partitionKey),
      sortKey: str(TABLE_SCHEMA.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // This is the only copy of every call and proposal: neither a stack delete nor a console click removes it.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Derived items (call postings, statistics counters, the match snapshot) follow the stream: infra/stacks/derived.ts.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
    });

    for (const index of TABLE_SCHEMA.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: str(index.partitionKey),
        sortKey: str(index.sortKey),
      });
    }
  }
}
