/**
 * The HTTP API: one Lambda per deployed route group, one API Gateway route per contract route.
 * The route table in shared/api/contract.ts is the only list of routes; this file adds none of its own.
 */
import { DEFAULT_MAIL_IDENTITY } from './mail-identity.js';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { nagArn } from './resources.js';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CfnStage, DomainName, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate, CertificateValidation } from 'aws-cdk-lib/aws-certificatemanager';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DEPLOYED_GROUPS, routes, routesOfGroup } from '../../shared/api/contract.js';
import { ApiFunction } from '../constructs/api-function.js';
import { memoryOf, rankWorkersOf } from '../constructs/sizing.js';
import type { Auth } from './auth.js';

type DeployedGroup = (typeof DEPLOYED_GROUPS)[number];

const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
const WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem'] as const;
const DELETE = ['dynamodb:DeleteItem'] as const;

/**
 * Exactly the DynamoDB actions each function's routes use (least privilege, proved by tests/infra/api.test.ts).
 * No function may Scan. The public read-only groups (feeds, open data, matching, programme) get no write and no
 * delete; docs only renders the OpenAPI document and gets nothing.
 */
export const TABLE_ACTIONS: Record<DeployedGroup, readonly string[]> = {
  calls: [...READ, ...WRITE, ...DELETE], // calls, change log, draft counter, Idempotency-Key items, award letters and record; a draft is deleted, a failed notice claim released
  proposals: [...READ, ...WRITE, ...DELETE], // withdraw deletes the proposal
  organisations: [...READ, ...WRITE, ...DELETE], // profile, name claims (a rename releases the old name)
  matching: READ,
  associations: [...READ, ...WRITE], // memberships, promotions, counted views
  subscriptions: [...READ, ...WRITE, ...DELETE], // saved searches, counters, e-mail confirmations, unsubscribe deletes
  sharing: [...READ, ...WRITE, ...DELETE], // outcomes, reuses, drafts, the reuse claim released on failure
  feeds: READ,
  opendata: READ,
  programme: READ, // statistics, phases, the partner slate
  questions: [...READ, ...WRITE, ...DELETE], // questions and answers; a notice claim is released when sending fails
  files: [...READ, ...WRITE, ...DELETE], // documents and attachments, their change log; removals delete
  docs: [],
};

/**
 * Per-route throttles (requests per second, burst) on top of the stage default, so one hot route cannot
 * take the whole API's budget; the per-client limit is the WAF rate rule on CloudFront (web.ts).
 */
export function routeThrottle(method: string, path: string): { rate: number; burst: number } {
  if (path === '/api/calls/{id}/views') return { rate: 20, burst: 40 };
  if (path === '/api/programme/slate' || path === '/api/programme/stats') return { rate: 2, burst: 5 };
  if (path.startsWith('/api/feeds/') || path === '/api/ocds/releases') return { rate: 10, burst: 20 };
  if (method !== 'GET') return { rate: 10, burst: 20 };
  return { rate: 40, burst: 80 };
}

export interface ApiProps {
  readonly table: Table;
  readonly auth: Auth;
  readonly tracing?: boolean;
  /** The API's origin-only domain (CloudFront connects to it; point its DNS at `regionalDomainName`). */
  readonly originDomainName: string;
  /** A regional ACM certificate for it; without one, a DNS-validated certificate is requested. */
  readonly originCertificateArn?: string;
}

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: Record<DeployedGroup, ApiFunction>;
  readonly cursorSecret: Secret;
  readonly linkSecret: Secret;
  /** Where the origin domain's DNS record must point (a CNAME or alias). */
  readonly regionalDomainName: string;
  private readonly originDomainName: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { table, auth } = props;

    // Two signing keys: one for pagination cursors (and the visitor cookie), one for links in e-mails
    // (unsubscribe, address confirmation). The functions get only the ARNs and read the values from Secrets
    // Manager once per container (functions/core/secrets.ts), so no key sits in function configuration.
    this.cursorSecret = new Secret(this, 'CursorSecret', {
      description: 'HMAC key for pagination cursors and the visitor cookie',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    this.linkSecret = new Secret(this, 'LinkSecret', {
      description: 'HMAC key for links in e-mails (unsubscribe, address confirmation)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    for (const secret of [this.cursorSecret, this.linkSecret]) {
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'Rotated by hand, as docs/status.md describes (put a new random value; containers read it as they recycle): ' +
          'a rotation Lambda would add a function with table-independent rights for a key whose only effect on ' +
          'rotation is that old cursors or links stop verifying (400).',
      });
    }

    // CloudFront is the only way in: the default execute-api endpoint is disabled and the API answers on its
    // own domain (an origin-only name such as api-origin.example.no), which the distribution uses as origin.
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Innovasjonstorget API (reached through CloudFront at /api/*)',
      createDefaultStage: false,
      disableExecuteApiEndpoint: true,
    });
    this.originDomainName = props.originDomainName;
    const certificate = props.originCertificateArn
      ? Certificate.fromCertificateArn(this, 'OriginCertificate', props.originCertificateArn)
      : new Certificate(this, 'OriginCertificate', { domainName: props.originDomainName, validation: CertificateValidation.fromDns() });
    const domain = new DomainName(this, 'OriginDomain', { domainName: props.originDomainName, certificate });
    this.regionalDomainName = domain.regionalDomainName;
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      domainMapping: { domainName: domain },
      // A small marketplace: this caps what a runaway client or a flood can cost, well above real traffic.
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            responseLength: '$context.responseLength',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    // ID tokens (aud = client id) are what the web app sends; access tokens carry client_id, not aud.
    const authorizer = new HttpJwtAuthorizer('CognitoIdToken', auth.issuer, {
      jwtAudience: [auth.client.userPoolClientId],
    });

    const environment = {
      TABLE_NAME: table.tableName,
      CURSOR_SECRET_ARN: this.cursorSecret.secretArn,
      LINK_SECRET_ARN: this.linkSecret.secretArn,
      // 'optional' routes have no authorizer; the functions verify a bearer token there themselves.
      COGNITO_USER_POOL_ID: auth.userPool.userPoolId,
      COGNITO_CLIENT_ID: auth.client.userPoolClientId,
    };

    // award issue: the calls group sends letters (selection, award, withdrawal) through SES, from the same
    // identity and address as the notifications job (context mailFromIdentity / mailFrom / publicBaseUrl).
    const mailIdentity = (this.node.tryGetContext('mailFromIdentity') as string | undefined) ?? DEFAULT_MAIL_IDENTITY;
    const mailFromAddress = mailIdentity.includes('@') ? mailIdentity : `varsel@${mailIdentity}`;
    const publicBaseUrl = this.node.tryGetContext('publicBaseUrl') as string | undefined;
    const letterEnvironment = {
      MAIL_TRANSPORT: 'ses',
      MAIL_FROM: (this.node.tryGetContext('mailFrom') as string | undefined) ?? `Innovasjonstorget <${mailFromAddress}>`,
      ...(publicBaseUrl ? { PUBLIC_BASE_URL: publicBaseUrl } : {}),
    };

    const functions = {} as Record<DeployedGroup, ApiFunction>;
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const group of DEPLOYED_GROUPS) {
      const fn = new ApiFunction(this, pascal(group), {
        entry: `functions/http/entries/${group}.ts`,
        description: `Innovasjonstorget API: ${group}`,
        tracing: props.tracing,
        memorySize: memoryOf(group),
        environment: {
          ...environment,
          ...(group === 'calls' ? letterEnvironment : {}),
          // How many worker threads the partner slate may start (sizing.ts); only where there is a second vCPU.
          ...(rankWorkersOf(group) > 0 ? { RANK_WORKERS: String(rankWorkersOf(group)) } : {}),
          POWERTOOLS_SERVICE_NAME: `innovasjonstorget-${group}`,
        },
      });
      if (group === 'calls') {
        fn.function.addToRolePolicy(
          new PolicyStatement({
            actions: ['ses:SendEmail', 'ses:SendRawEmail'],
            resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: mailIdentity })],
            conditions: { StringEquals: { 'ses:FromAddress': mailFromAddress } },
          }),
        );
      }
      const actions = TABLE_ACTIONS[group];
      if (actions.length > 0) {
        table.grant(fn.function, ...actions);
        Validations.of(fn).acknowledge({
          id: `AwsSolutions-IAM5[Resource::${nagArn(table)}/index/*]`,
          reason: 'Queries use the table GSIs; index/* covers exactly the indexes of this one table.',
        });
      }
      // Every function verifies or signs something (cursors, cookies, links): read access to the two keys only.
      if (group !== 'docs') {
        this.cursorSecret.grantRead(fn.function);
        this.linkSecret.grantRead(fn.function);
      }
      functions[group] = fn;

      const integration = new HttpLambdaIntegration(`${pascal(group)}Integration`, fn.function);
      for (const routeId of routesOfGroup(group)) {
        const route = routes[routeId];
        const t = routeThrottle(route.method, route.path);
        routeSettings[`${route.method} ${route.path}`] = { ThrottlingRateLimit: t.rate, ThrottlingBurstLimit: t.burst };
        const [apiRoute] = this.httpApi.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          authorizer: route.audience === 'user' ? authorizer : undefined,
        });
        if (route.audience !== 'user' && apiRoute) {
          Validations.of(apiRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason:
              `${route.method} ${route.path} is ${route.audience} by design (contract.ts): anyone may read it; ` +
              'on optional routes the function itself verifies a token when one is sent.',
          });
        }
      }
    }
    this.functions = functions;
    (stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
  }

  /** Host name CloudFront connects to: the API's own (origin-only) domain; execute-api is disabled. */
  get domainName(): string {
    return this.originDomainName;
  }
}

function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
