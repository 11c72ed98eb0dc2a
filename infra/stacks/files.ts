/**
 * Call documents and proposal attachments in AWS: a private, encrypted, versioned bucket reached only through
 * presigned URLs the API hands out (length, type and checksum signed), a verifier Lambda on each «Object Created»
 * event (EventBridge), and the SES permission the API functions need to tell stakeholders about corrections,
 * answers and cancellations (the same SES path as the notifications job).
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { nagArn, privateBucket } from './resources.js';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Bucket, type CfnBucket, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ApiFunction } from '../constructs/api-function.js';
import type { Api } from './api.js';
import { DEFAULT_MAIL_IDENTITY } from './mail-identity.js';
import type { Web } from './web.js';

export interface FilesProps {
  readonly table: Table;
  readonly api: Api;
  readonly web: Web;
  readonly tracing?: boolean;
}

export class Files extends Construct {
  readonly bucket: Bucket;
  readonly verifier: ApiFunction;

  constructor(scope: Construct, id: string, props: FilesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { api, web, table } = props;
    const context = <T>(key: string, fallback: T): T => (this.node.tryGetContext(key) as T | undefined) ?? fallback;
    const identity = context('mailFromIdentity', DEFAULT_MAIL_IDENTITY);
    const fromAddress = identity.includes('@') ? identity : `varsel@${identity}`;
    const mailFrom = context('mailFrom', `Innovasjonstorget <${fromAddress}>`);
    const siteOrigin = context('publicBaseUrl', `https://${web.distribution.distributionDomainName}`).replace(/\/+$/, '');

    this.bucket = privateBucket(this, 'Uploads', {
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: web.node.findChild('Logs') as Bucket,
      serverAccessLogsPrefix: 'uploads-bucket/',
      // Browsers PUT to and GET from presigned URLs on the site's origin only.
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedOrigins: [siteOrigin],
          allowedHeaders: ['content-type', 'x-amz-checksum-sha256'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { id: 'unfinished-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Replaced and removed files stay recoverable for 90 days (complaints period), then go.
        { id: 'old-versions', noncurrentVersionExpiration: Duration.days(90), expiredObjectDeleteMarker: true },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // «Object Created» events to EventBridge, set on the bucket itself (CDK's eventBridgeEnabled would add a
    // custom-resource Lambda with an AWS-managed policy to do the same).
    (this.bucket.node.defaultChild as CfnBucket).addPropertyOverride('NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled', true);

    const mailEnv = { MAIL_TRANSPORT: 'ses', MAIL_FROM: mailFrom };
    this.verifier = new ApiFunction(this, 'Verifier', {
      entry: 'functions/jobs/verify-upload.ts',
      description: 'Innovasjonstorget: verify an uploaded document or attachment (size, SHA-256, content type)',
      tracing: props.tracing,
      environment: {
        TABLE_NAME: table.tableName,
        // Keys are read from Secrets Manager once per container (functions/core/secrets.ts), never put in env.
        CURSOR_SECRET_ARN: api.cursorSecret.secretArn,
        LINK_SECRET_ARN: api.linkSecret.secretArn,
        FILES_BUCKET: this.bucket.bucketName,
        PUBLIC_BASE_URL: siteOrigin,
        POWERTOOLS_SERVICE_NAME: 'innovasjonstorget-verify-upload',
        ...mailEnv,
      },
    });
    (this.verifier.function.node.defaultChild as CfnFunction).timeout = Duration.minutes(1).toSeconds();
    (this.verifier.function.node.defaultChild as CfnFunction).memorySize = 512;
    table.grantReadWriteData(this.verifier.function);
    api.cursorSecret.grantRead(this.verifier.function);
    api.linkSecret.grantRead(this.verifier.function);
    this.bucket.grantRead(this.verifier.function);
    this.bucket.grantDelete(this.verifier.function);
    new Rule(this, 'ObjectCreated', {
      description: 'Innovasjonstorget: verify each uploaded file',
      eventPattern: { source: ['aws.s3'], detailType: ['Object Created'], detail: { bucket: { name: [this.bucket.bucketName] } } },
      targets: [new LambdaFunction(this.verifier.function, { retryAttempts: 4, maxEventAge: Duration.hours(1) })],
    });

    // Presigning needs the permission the URL is used with: files puts, gets and deletes; proposals deletes
    // a withdrawn proposal's attachments.
    this.bucket.grantReadWrite(api.functions.files.function);
    this.bucket.grantDelete(api.functions.proposals.function);
    // The calls function reads documents and attachments into the archive package (GET …/archive).
    this.bucket.grantRead(api.functions.calls.function);
    for (const fn of [api.functions.files, api.functions.proposals, api.functions.calls]) fn.function.addEnvironment('FILES_BUCKET', this.bucket.bucketName);

    // Stakeholder notices go out from the use cases that make the change.
    const ses = new PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })],
      conditions: { StringEquals: { 'ses:FromAddress': fromAddress } },
    });
    for (const fn of [api.functions.calls, api.functions.questions, api.functions.files, this.verifier]) {
      fn.function.addToRolePolicy(ses);
      for (const [k, v] of Object.entries(mailEnv)) fn.function.addEnvironment(k, v);
    }

    const bucketArn = `Resource::${nagArn(this.bucket)}/*`;
    const tableIndex = `Resource::${nagArn(table)}/index/*`;
    const ack = (c: Construct, findings: string[], reason: string) => {
      for (const f of findings) Validations.of(c).acknowledge({ id: `AwsSolutions-IAM5[${f}]`, reason });
    };
    const objects = 'Objects of the one uploads bucket (keys are calls/<callId>/…); the grant helpers add the object wildcards.';
    ack(this.verifier, [bucketArn, 'Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*'], objects);
    ack(this.verifier, [tableIndex], 'The verifier reads the stakeholders of a call through the table GSIs; index/* covers only this table.');
    ack(
      api.functions.files,
      [bucketArn, 'Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*'],
      objects,
    );
    ack(api.functions.proposals, [bucketArn, 'Action::s3:DeleteObject*'], objects);
    ack(api.functions.calls, [bucketArn, 'Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*'], objects);
  }
}
