import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEPLOYED_GROUPS, routes } from '../../shared/api/contract.js';
import { buildTestStack } from './test-app.js';

const contractRoutes = Object.values(routes);
const deployed = contractRoutes.filter((r) => r.audience !== 'dev');
const routeKey = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

type Resource = { Properties: Record<string, unknown> };
let template: Template;
let apiRoutes: Map<string, Resource['Properties']>;
let apiFunctions: Resource['Properties'][];

beforeAll(() => {
  template = Template.fromStack(buildTestStack().stack);
  const found = template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>;
  apiRoutes = new Map(Object.values(found).map((r) => [r.Properties.RouteKey as string, r.Properties]));
  apiFunctions = Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp('^Innovasjonstorget API') },
    }) as Record<string, Resource>,
  ).map((r) => r.Properties);
});

describe('the HTTP API', () => {
  it('has a route for every deployed route in the contract, and no others', () => {
    for (const route of deployed) expect(apiRoutes.has(routeKey(route)), routeKey(route)).toBe(true);
    expect([...apiRoutes.keys()].sort()).toEqual(deployed.map(routeKey).sort());
  });

  it('keeps the dev sign-in routes out of AWS', () => {
    expect(contractRoutes.some((r) => r.audience === 'dev')).toBe(true); // the filter below is tested, not vacuous
    for (const key of apiRoutes.keys()) expect(key).not.toContain('/api/dev');
  });

  it('puts the Cognito JWT authorizer on every route that needs a signed-in user', () => {
    for (const route of deployed.filter((r) => r.audience === 'user')) {
      const props = apiRoutes.get(routeKey(route));
      expect(props?.AuthorizationType, routeKey(route)).toBe('JWT');
      expect(props?.AuthorizerId, routeKey(route)).toBeDefined();
    }
  });

  it('leaves public and optional routes open, so anonymous visitors can browse calls', () => {
    for (const route of deployed.filter((r) => r.audience === 'public' || r.audience === 'optional')) {
      const props = apiRoutes.get(routeKey(route));
      expect(props?.AuthorizationType ?? 'NONE', routeKey(route)).toBe('NONE');
      expect(props?.AuthorizerId, routeKey(route)).toBeUndefined();
    }
  });

  it('accepts only ID tokens from our own user pool client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('^AuthUserPoolWebClient') }],
        Issuer: Match.anyValue(),
      },
    });
    const [authorizer] = Object.values(template.findResources('AWS::ApiGatewayV2::Authorizer')) as Resource[];
    // The region is explicit now (cross-region references to the edge stack need it), so it is written out.
    expect(JSON.stringify((authorizer!.Properties.JwtConfiguration as { Issuer: unknown }).Issuer)).toMatch(/https:\/\/cognito-idp\./);
  });

  it('writes access logs and throttles the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });
});

describe('the API functions', () => {
  it('are one per deployed route group', () => {
    expect(apiFunctions).toHaveLength(DEPLOYED_GROUPS.length);
  });

  it('run Node 22 (or 24) on arm64 with 1 GB and a 10 s timeout, the programme group with two vCPUs', () => {
    for (const fn of apiFunctions) {
      expect(fn.Runtime).toMatch(/^nodejs(22|24)\.x$/);
      expect(fn.Architectures).toEqual(['arm64']);
      expect(fn.MemorySize).toBe(fn.Description === 'Innovasjonstorget API: programme' ? 3584 : 1024);
      expect(fn.Timeout).toBe(10);
    }
  });

  it('tell the programme group to rank a slate on one worker thread beside its own (two vCPUs), and no other group to', () => {
    const workers = (fn: Resource['Properties']) => (fn.Environment as { Variables: Record<string, unknown> }).Variables.RANK_WORKERS;
    expect(apiFunctions.filter((fn) => workers(fn) !== undefined).map((fn) => [fn.Description, workers(fn)])).toEqual([
      ['Innovasjonstorget API: programme', '1'],
    ]);
  });

  it('get the table, the ARNs of their signing keys and Cognito ids from the environment, never a key', () => {
    for (const fn of apiFunctions) {
      const vars = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(vars)).toEqual(
        expect.arrayContaining(['TABLE_NAME', 'CURSOR_SECRET_ARN', 'LINK_SECRET_ARN', 'COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID', 'NODE_OPTIONS']),
      );
      expect(vars.NODE_OPTIONS).toBe('--enable-source-maps');
      // Issue 7: keys are read from Secrets Manager at run time, never resolved into function configuration.
      expect(Object.keys(vars)).not.toContain('CURSOR_SECRET');
      expect(JSON.stringify(vars)).not.toContain('{{resolve:secretsmanager:');
      expect(JSON.stringify(vars.CURSOR_SECRET_ARN)).toContain('ApiCursorSecret');
      expect(JSON.stringify(vars.LINK_SECRET_ARN)).toContain('ApiLinkSecret');
    }
  });

  it('log to their own log groups, kept for a month', () => {
    for (const fn of apiFunctions) expect(fn.LoggingConfig).toMatchObject({ LogGroup: { Ref: expect.any(String) } });
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup') as Record<string, Resource>);
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBe(30);
  });

  it('carry no AWS-managed policy (each role may write only to its own log group)', () => {
    const roles = Object.values(template.findResources('AWS::IAM::Role') as Record<string, Resource>);
    for (const role of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});
