/**
 * The site: a private bucket behind CloudFront (OAC), the API under /api/* on the same origin (no CORS),
 * strict security headers, and the built SvelteKit app plus a runtime config.json.
 */
import { existsSync } from 'node:fs';
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { nagArn, privateBucket } from './resources.js';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { SPA_FALLBACK_SOURCE } from '../constructs/spa-fallback.js';
import { inlineScriptHashes } from '../constructs/csp-hashes.js';
import { contentSecurityPolicy } from '../../shared/csp.js';
import type { Api } from './api.js';
import type { Auth } from './auth.js';

/** SvelteKit's content-hashed build output. */
const IMMUTABLE = '_app/immutable/*';
/** The published call pages (and drafts' shells) the API writes: utlysninger/<id>.html. */
const CALL_PAGES = 'utlysninger/*';

export interface WebProps {
  readonly api: Api;
  readonly auth: Auth;
  /** Absolute path of the built site (web/build). Skipped with a warning when it does not exist. */
  readonly buildDir: string;
  /** AWS WAF web ACL (scope CLOUDFRONT) in front of everything. */
  readonly webAclArn: string;
}

export class Web extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { api, auth } = props;

    // CloudFront standard logs are delivered with ACLs, so this bucket (alone) keeps ACLs enabled.
    // It holds S3 access logs and CloudFront logs; cdk-nag accepts a log bucket without its own access logs.
    const logs = privateBucket(this, 'Logs', {
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = privateBucket(this, 'Site', {
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Innovasjonstorget security headers',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: siteCsp(auth.hostedUiUrl, props.buildDir), override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()', override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });

    const spaFallback = new CloudFrontFunction(this, 'SpaFallback', {
      code: FunctionCode.fromInline(SPA_FALLBACK_SOURCE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Extension-less paths get the SPA shell /200.html',
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Innovasjonstorget',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Users are in Norway; the cheapest class (Europe and North America) serves them well.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(api.domainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Everything the viewer sent (Authorization, If-Match, query, cookies) except Host, which must be the origin's.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
    acknowledgeDistribution(this.distribution);

    const siteUrl = `https://${this.distribution.distributionDomainName}`;
    auth.allowSignInFrom(siteUrl);
    this.deploySite(props);
    this.allowCallPages(api);
  }

  /**
   * The functions that create, publish, correct, cancel and reuse calls write each call's page
   * (functions/site/): they read the shell (200.html) and write utlysninger/<id>.html, nothing else.
   */
  private allowCallPages(api: Api): void {
    const pages = `Resource::${nagArn(this.bucket)}/utlysninger/*`;
    for (const fn of [api.functions.calls, api.functions.sharing]) {
      fn.function.addEnvironment('SITE_BUCKET', this.bucket.bucketName);
      fn.function.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects('200.html')] }));
      fn.function.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects(CALL_PAGES)] }));
      Validations.of(fn).acknowledge({
        id: `AwsSolutions-IAM5[${pages}]`,
        reason: 'One page per call (utlysninger/<callId>.html); the ids are not known in advance, so the prefix is the narrowest grant.',
      });
    }
  }

  private deploySite({ auth, buildDir }: WebProps): void {
    // Read at runtime by the app, so one build runs in every environment. apiBase '' = same origin.
    const config = Source.jsonData('config.json', {
      apiBase: '',
      auth: {
        mode: 'cognito',
        region: Stack.of(this).region,
        userPoolId: auth.userPool.userPoolId,
        clientId: auth.client.userPoolClientId,
        domain: auth.hostedUiUrl,
      },
    });
    const hasBuild = existsSync(buildDir);
    if (!hasBuild) {
      console.warn(`[web] ${buildDir} not found: deploying config.json only. Run \`npm run build:web\` first to ship the site.`);
    }

    const deployLogs = new LogGroup(this, 'DeployLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role so the copy Lambda gets no AWS-managed policy (it may write to its log group only).
    const role = new Role(this, 'DeployRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    deployLogs.grantWrite(role);

    const common = { destinationBucket: this.bucket, memoryLimit: 512, role, logGroup: deployLogs };

    // HTML and config.json must be revalidated on every load, or a browser keeps an old 200.html that points at
    // assets the deploy just pruned. Hashed files under _app/immutable never change, so they are cached for a
    // year and never pruned (an open tab of the previous version can still lazy-load its chunks).
    // The immutable deployment is created first: the shared handler's CLI layer lives in the first deployment,
    // and the site deployment below waits for this one (new assets before the HTML that references them).
    const assets = hasBuild
      ? new BucketDeployment(this, 'DeployImmutable', {
          ...common,
          sources: [Source.asset(buildDir)],
          exclude: ['*'],
          include: [IMMUTABLE],
          prune: false,
          cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
        })
      : undefined;
    const site = new BucketDeployment(this, 'Deploy', {
      ...common,
      sources: hasBuild ? [Source.asset(buildDir), config] : [config],
      // Call pages are written by the API (functions/site/), not by the build: never uploaded from a local build
      // folder (where e2e runs leave some) and never pruned.
      exclude: [IMMUTABLE, CALL_PAGES],
      // Without a build, keep whatever site is already there instead of pruning it down to config.json.
      prune: hasBuild,
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    if (assets) site.node.addDependency(assets);
    acknowledgeDeployment(site, this.bucket);
  }
}

/**
 * The site's one CSP (shared/csp.js, also used by the local server and SvelteKit), with the hashes of the
 * built pages' inline scripts instead of 'unsafe-inline'. connect-src and form-action add only the hosted UI,
 * whose /oauth2/token endpoint the app calls (web/src/lib/auth/cognito.ts).
 */
function siteCsp(hostedUiUrl: string, buildDir: string): string {
  return contentSecurityPolicy({
    connectSrc: [hostedUiUrl],
    formAction: [hostedUiUrl],
    scriptHashes: inlineScriptHashes(buildDir),
    upgradeInsecureRequests: true,
  });
}

function acknowledgeDistribution(distribution: Distribution): void {
  const acks: Record<string, string> = {
    'AwsSolutions-CFR1': 'No geo restriction: calls are public procurement notices open to bidders from the whole EEA and beyond.',

    'AwsSolutions-CFR4':
      'Uses the default *.cloudfront.net certificate, where CloudFront does not let us raise the viewer TLS minimum; ' +
      'set minimumProtocolVersion TLS_V1_2_2021 when a custom domain and certificate are added.',
  };
  for (const [id, reason] of Object.entries(acks)) Validations.of(distribution).acknowledge({ id, reason });
}

/** The copy-to-bucket custom resource is CDK's own code; we choose its role, log group and memory only. */
function acknowledgeDeployment(deployment: BucketDeployment, site: Bucket): void {
  const stack = Stack.of(deployment);
  // With an explicit region (cross-region references need one) the region is written out, else it is a token.
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const partition = Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
  const assets = `arn:${partition}:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${account}-${region}/*`;
  const siteArn = `${nagArn(site)}/*`;
  const grants: Record<string, string> = {
    'Action::s3:GetObject*': 'reads the staged site archive (grantRead from CDK)',
    'Action::s3:GetBucket*': 'reads the staged site archive (grantRead from CDK)',
    'Action::s3:List*': 'lists the site bucket to prune files the new build no longer has',
    'Action::s3:Abort*': 'uploads to the site bucket in multipart chunks (grantReadWrite from CDK)',
    'Action::s3:DeleteObject*': 'prunes stale files from the site bucket',
    [`Resource::${assets}`]: 'objects in the CDK bootstrap asset bucket, where the site archive is staged',
    [`Resource::${siteArn}`]: 'every object of the site bucket, which this deployment owns',
    'Resource::*': 'cloudfront:CreateInvalidation/GetInvalidation do not support resource-level permissions',
  };
  for (const [finding, why] of Object.entries(grants)) {
    Validations.of(deployment.handlerRole).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: `CDK BucketDeployment ${why}.` });
  }
  // The handler is a singleton at stack level (shared by every BucketDeployment), not inside our construct.
  for (const child of stack.node.children) {
    if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
      Validations.of(child).acknowledge({
        id: 'AwsSolutions-L1',
        reason: 'CDK BucketDeployment handler: aws-cdk-lib picks and updates its runtime; upgrading aws-cdk-lib moves it.',
      });
    }
  }
}
