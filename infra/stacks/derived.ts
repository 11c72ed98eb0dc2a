/**
 * Derived data in AWS: the table's stream (NEW_AND_OLD_IMAGES) drives one function that keeps the
 * published-calls index postings and the statistics counters in step with every write that moves them (calls, proposals, outcomes, promotions,
 * memberships, company SME flags)
 * (functions/jobs/table-stream.ts; locally the data layer runs the same code inline), and rewrites the
 * match index snapshot in its bucket when company profiles change (docs/matching.md).
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { nagArn, privateBucket } from './resources.js';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ApiFunction } from '../constructs/api-function.js';

/** The one snapshot object (the same key as functions/matching/snapshot-store.ts SNAPSHOT_KEY). */
export const SNAPSHOT_OBJECT = 'match-index/v2.bin.gz';

/** Item types whose writes and removals move derived items (postings, statistics counters). */
export const DERIVING_TYPES = ['call', 'proposal', 'outcome', 'promotion', 'membership'] as const;

export interface DerivedProps {
  readonly table: Table;
  /** Every function that writes the table: they leave derived writes to the stream. */
  readonly writers: readonly ApiFunction[];
  readonly tracing?: boolean;
}

export class Derived extends Construct {
  readonly function: ApiFunction;
  readonly snapshots: Bucket;

  constructor(scope: Construct, id: string, props: DerivedProps) {
    super(scope, id);
    this.snapshots = privateBucket(this, 'MatchSnapshots', {
      // A snapshot is rebuilt from the table at any time: nothing here needs keeping.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(1) }],
    });
    Validations.of(this.snapshots).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Derived, rebuildable match index snapshots; access logs would cost more than they tell.',
    });

    this.function = new ApiFunction(this, 'Stream', {
      entry: 'functions/jobs/table-stream.ts',
      description: 'Innovasjonstorget: call postings, statistics counters and the match snapshot from the table stream',
      tracing: props.tracing,
      environment: {
        TABLE_NAME: props.table.tableName,
        MATCH_SNAPSHOT_BUCKET: this.snapshots.bucketName,
        POWERTOOLS_SERVICE_NAME: 'innovasjonstorget-derived',
      },
    });
    (this.function.function.node.defaultChild as CfnFunction).timeout = Duration.minutes(1).toSeconds();
    // Postings (BatchWrite), statistics: a call's contribution (conditional Put/Delete), counters (UpdateItem
    // ADD), the facts around a call (Get/Query) and proposers' SME flags (BatchGet).
    props.table.grant(
      this.function.function,
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:BatchWriteItem',
      'dynamodb:PutItem',
      'dynamodb:DeleteItem',
      'dynamodb:UpdateItem',
    );
    // One object, named exactly (functions/matching/snapshot-store.ts SNAPSHOT_KEY): no wildcard actions or keys.
    // ListBucket lets a missing snapshot read as 404 (NoSuchKey) rather than 403, so the loader falls back to the table.
    const snapshotObject = this.snapshots.arnForObjects(SNAPSHOT_OBJECT);
    const listBucket = new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.snapshots.bucketArn] });
    this.function.function.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [snapshotObject] }));
    this.function.function.addToRolePolicy(listBucket);
    Validations.of(this.function).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagArn(props.table)}/index/*]`,
      reason: 'Reads the company-changes index to rebuild the match snapshot; index/* covers only this table.',
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: "dynamodb:ListStreams, added by the DynamoDB event source, has no resource-level permissions; reading records is limited to this table's stream.",
    });

    const dlq = new Queue(this, 'Failed', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(dlq).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter destination of the stream consumer.' });
    this.function.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        onFailure: new SqsDlq(dlq),
        // Only items whose changes derive something (functions/data/table-stream.ts): calls, proposals, outcomes,
        // promotions and memberships move the statistics counters, organisations the SME share and the match
        // snapshot. Two patterns (the limit is five per event source): written or changed, and removed.
        filters: [
          FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: FilterRule.or(...DERIVING_TYPES, 'organisation') } } } }),
          FilterCriteria.filter({ dynamodb: { OldImage: { type: { S: FilterRule.or(...DERIVING_TYPES) } } } }),
        ],
      }),
    );

    for (const writer of props.writers) {
      writer.function.addEnvironment('DERIVED_WRITES', 'stream');
      writer.function.addEnvironment('MATCH_SNAPSHOT_BUCKET', this.snapshots.bucketName);
      writer.function.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [snapshotObject] }));
      writer.function.addToRolePolicy(listBucket);
    }
  }
}
