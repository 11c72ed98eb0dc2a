/**
 * The one way we make an API Lambda: Node 22 on Graviton, bundled by nodejsBundling, logs kept a month.
 */
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { nodejsBundling } from './bundling.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ApiFunctionProps {
  /** Entry file, relative to the repository root. */
  readonly entry: string;
  readonly description?: string;
  readonly environment?: Record<string, string>;
  /** X-Ray active tracing; off by default because traces cost money per request. */
  readonly tracing?: boolean;
}

export class ApiFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    // Our own log group, so retention is set here rather than by a log-retention custom resource.
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Our own role, so it can write only to that log group (the default role carries the AWS-managed
    // AWSLambdaBasicExecutionRole, which may write to any log group).
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      role,
      logGroup,
      tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      bundling: nodejsBundling,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    });

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Pinned to nodejs22.x on purpose: bundles target node22 (bundling.ts) and the code is tested on 22; ' +
        'move to the newest runtime together with NODE_TARGET after testing, not whenever CDK learns a new one.',
    });
    if (props.tracing) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'xray:PutTraceSegments/PutTelemetryRecords do not support resource-level permissions.',
      });
    }
  }
}
