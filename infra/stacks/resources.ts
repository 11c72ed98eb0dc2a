import { type CfnElement, Stack } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, type BucketProps } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/** A bucket only IAM reaches: public access blocked, S3-managed encryption, TLS only (what cdk-nag asks of every bucket). */
export const privateBucket = (scope: Construct, id: string, props: BucketProps) =>
  new Bucket(scope, id, { blockPublicAccess: BlockPublicAccess.BLOCK_ALL, encryption: BucketEncryption.S3_MANAGED, enforceSSL: true, ...props });

/** A resource's ARN as cdk-nag spells it in a finding's id (`<LogicalId.Arn>`), to acknowledge one finding exactly. */
export const nagArn = (resource: Construct) => `<${Stack.of(resource).getLogicalId(resource.node.defaultChild as CfnElement)}.Arn>`;
