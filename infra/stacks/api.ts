/**
 * The HTTP API: one Lambda per deployed route group, one API Gateway route per contract route.
 * The route table in shared/api/contract.ts is the only list of routes; this file adds none of its own.
 */
import { DEFAULT_MAIL_IDENTITY } from './mail-identity.js';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type CfnElement, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DEPLOYED_GROUPS, routes, routesOfGroup } from '../../shared/api/contract.js';
import { ApiFunction } from '../constructs/api-function.js';
import type { Auth } from './auth.js';

type DeployedGroup = (typeof DEPLOYED_GROUPS)[number];

/** What each function may do with the table; docs only renders the OpenAPI document. */
const TABLE_ACCESS: Record<DeployedGroup, 'readWrite' | 'none'> = {
  calls: 'readWrite',
  proposals: 'readWrite',
  organisations: 'readWrite',
  matching: 'readWrite',
  associations: 'readWrite',
  subscriptions: 'readWrite',
  sharing: 'readWrite',
  feeds: 'readWrite',
  opendata: 'readWrite',
  programme: 'readWrite',
  questions: 'readWrite',
  files: 'readWrite',
  docs: 'none',
};

export interface ApiProps {
  readonly table: Table;
  readonly auth: Auth;
  readonly tracing?: boolean;
}

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions: Record<DeployedGroup, ApiFunction>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { table, auth } = props;

    // Signs pagination cursors so clients cannot forge or read keys from them. It reaches the functions as a
    // CloudFormation dynamic reference resolved at deploy time, so it shows in the function configuration to
    // anyone allowed lambda:GetFunctionConfiguration. Acceptable for this key: leaking it lets someone craft a
    // cursor, and a cursor only positions a query the caller may already run (authorisation is applied to
    // every query). In exchange there is no Secrets Manager call on cold start and no SDK client for it.
    const cursorSecret = new Secret(this, 'CursorSecret', {
      description: 'HMAC key for pagination cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The value is copied into function configuration at deploy time, so rotation without a redeploy would ' +
        'change nothing; rotate by replacing the secret and redeploying (old cursors then fail, clients restart paging).',
    });

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Innovasjonstorget API (reached through CloudFront at /api/*)',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
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
      CURSOR_SECRET: cursorSecret.secretValue.unsafeUnwrap(),
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
    for (const group of DEPLOYED_GROUPS) {
      const fn = new ApiFunction(this, pascal(group), {
        entry: `functions/http/entries/${group}.ts`,
        description: `Innovasjonstorget API: ${group}`,
        tracing: props.tracing,
        environment: { ...environment, ...(group === 'calls' ? letterEnvironment : {}), POWERTOOLS_SERVICE_NAME: `innovasjonstorget-${group}` },
      });
      if (group === 'calls') {
        fn.function.addToRolePolicy(new PolicyStatement({
          actions: ['ses:SendEmail', 'ses:SendRawEmail'],
          resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: mailIdentity })],
          conditions: { StringEquals: { 'ses:FromAddress': mailFromAddress } },
        }));
      }
      if (TABLE_ACCESS[group] === 'readWrite') {
        table.grantReadWriteData(fn.function);
        Validations.of(fn).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(table.node.defaultChild as CfnElement)}.Arn>/index/*]`,
          reason: 'Queries use the table GSIs; index/* covers exactly the indexes of this one table.',
        });
      }
      functions[group] = fn;

      const integration = new HttpLambdaIntegration(`${pascal(group)}Integration`, fn.function);
      for (const routeId of routesOfGroup(group)) {
        const route = routes[routeId];
        const [apiRoute] = this.httpApi.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          authorizer: route.audience === 'user' ? authorizer : undefined,
        });
        if (route.audience !== 'user' && apiRoute) {
          Validations.of(apiRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${route.method} ${route.path} is ${route.audience} by design (contract.ts): anyone may read it; ` +
              'on optional routes the function itself verifies a token when one is sent.',
          });
        }
      }
    }
    this.functions = functions;
  }

  /** Host name of the API's execute-api endpoint, for the CloudFront origin. */
  get domainName(): string {
    const stack = Stack.of(this);
    return `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }
}

function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
