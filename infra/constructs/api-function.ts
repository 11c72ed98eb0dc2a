/**
 * The one way we make an API Lambda: Node 22 on Graviton, bundled by bundleFunction (bundling.ts) on this
 * machine (no Docker), logs kept a month.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundleFunction } from './bundling.js';
import { DEFAULT_MEMORY_MB } from './sizing.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ApiFunctionProps {
  /** Entry file, relative to the repository root. */
  readonly entry: string;
  readonly description?: string;
  readonly environment?: Record<string, string>;
  /** X-Ray active tracing; off by default because traces cost money per request. */
  readonly tracing?: boolean;
  /** MB (sizing.ts); Lambda gives CPU in proportion (one vCPU at 1,769 MB). Default 1,024. */
  readonly memorySize?: number;
}

export class ApiFunction extends Construct {
  readonly function: LambdaFunction;

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

    const entry = join(REPO_ROOT, props.entry);
    this.function = new LambdaFunction(this, 'Function', {
      // As NodejsFunction does: the asset is hashed by what the bundler wrote, not by the source tree.
      code: Code.fromAsset(REPO_ROOT, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // CDK caches staged assets by their options, and a tryBundle closure does not serialise: without the
          // entry among the options every function would get the first function's bundle (bundling.test.ts).
          environment: { BUNDLE_ENTRY: props.entry },
          // Required by the type; never pulled, since local bundling always succeeds.
          image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
          local: {
            tryBundle(outputDir) {
              bundleFunction(entry, outputDir, REPO_ROOT);
              return true;
            },
          },
        },
      }),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? DEFAULT_MEMORY_MB,
      timeout: Duration.seconds(10),
      role,
      logGroup,
      tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
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
