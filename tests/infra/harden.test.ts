/**
 * Issue 7, finding 7 (the AWS side): least privilege per function, per-route throttles, WAF on CloudFront,
 * no execute-api endpoint, separate signing keys read at run time, no localhost callbacks in production.
 */
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEPLOYED_GROUPS, routes, routeIds } from '../../shared/api/contract.js';
import { buildApp } from '../../infra/bin/build-app.js';
import { CONTENT_SECURITY_POLICY_DIRECTIVES } from '../../shared/csp.js';
import { buildTestStack, cdkContext, testApp } from './test-app.js';

type Resource = { Type: string; Properties: Record<string, any> };
let template: Template;
let edge: Template;
let resources: Record<string, Resource>;

beforeAll(() => {
  const { app, stack } = buildTestStack();
  template = Template.fromStack(stack);
  edge = Template.fromStack(app.node.findChild('InnovasjonstorgetEdge') as never);
  resources = template.toJSON().Resources as Record<string, Resource>;
});

const WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:Scan', 'dynamodb:*'];

/** DynamoDB actions granted to the role of the function of each route group. */
function tableActionsByGroup(): Map<string, Set<string>> {
  const functions = Object.entries(resources).filter(
    ([, r]) => r.Type === 'AWS::Lambda::Function' && String(r.Properties.Description ?? '').startsWith('Innovasjonstorget API: '),
  );
  const out = new Map<string, Set<string>>();
  for (const [, fn] of functions) {
    const group = String(fn.Properties.Description).replace('Innovasjonstorget API: ', '');
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    const actions = new Set<string>();
    for (const r of Object.values(resources)) {
      if (r.Type !== 'AWS::IAM::Policy' || !r.Properties.Roles.some((x: any) => x.Ref === roleId)) continue;
      for (const st of r.Properties.PolicyDocument.Statement) {
        for (const a of [st.Action].flat()) if (String(a).startsWith('dynamodb:')) actions.add(a);
      }
    }
    out.set(group, actions);
  }
  return out;
}

describe('least privilege on the table', () => {
  it('gives every route group only what it uses: no Scan anywhere, read-only groups no write or delete', () => {
    const byGroup = tableActionsByGroup();
    expect([...byGroup.keys()].sort()).toEqual([...DEPLOYED_GROUPS].sort());
    for (const [group, actions] of byGroup) {
      expect([...actions], group).not.toContain('dynamodb:Scan');
      expect([...actions], group).not.toContain('dynamodb:*');
      expect([...actions], group).not.toContain('dynamodb:BatchWriteItem');
    }
    for (const group of ['feeds', 'opendata', 'programme', 'matching', 'docs']) {
      const actions = [...byGroup.get(group)!];
      expect(
        actions.filter((a) => WRITES.includes(a)),
        group,
      ).toEqual([]);
    }
    expect([...byGroup.get('docs')!]).toEqual([]);
    // Groups whose routes never delete get no DeleteItem (calls deletes drafts and releases failed notice claims).
    for (const group of ['associations']) expect([...byGroup.get(group)!], group).not.toContain('dynamodb:DeleteItem');
  });

  it('lets public read-only routes live only in read-only groups', () => {
    const readOnly = new Set(['feeds', 'opendata', 'docs']);
    for (const id of routeIds) {
      const r = routes[id];
      if (readOnly.has(r.group)) expect(r.method, id).toBe('GET');
    }
  });
});

describe('abuse limits', () => {
  it('throttles every deployed route on its own, on top of the stage default', () => {
    const stage = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!;
    const settings = stage.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    const deployed = routeIds.filter((id) => routes[id].audience !== 'dev');
    for (const id of deployed) {
      const s = settings[`${routes[id].method} ${routes[id].path}`];
      expect(s, id).toBeDefined();
      expect(s!.ThrottlingRateLimit, id).toBeLessThanOrEqual(50);
    }
    expect(settings['POST /api/calls/{id}/views']!.ThrottlingRateLimit).toBeLessThan(settings['GET /api/calls']!.ThrottlingRateLimit);
  });

  it('puts a WAF web ACL with a per-IP rate rule and the AWS common rule set in front of CloudFront', () => {
    const acl = Object.values(edge.toJSON().Resources as Record<string, Resource>).find((r) => r.Type === 'AWS::WAFv2::WebACL')!;
    expect(acl.Properties.Scope).toBe('CLOUDFRONT');
    const rules = acl.Properties.Rules as any[];
    expect(rules.some((r) => r.Statement.RateBasedStatement?.AggregateKeyType === 'IP')).toBe(true);
    expect(rules.some((r) => r.Statement.ManagedRuleGroupStatement?.Name === 'AWSManagedRulesCommonRuleSet')).toBe(true);
    const dist = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!;
    expect(dist.Properties.DistributionConfig.WebACLId).toBeDefined();
  });

  it("disables the execute-api endpoint: CloudFront, through the API's own domain, is the only way in", () => {
    const api = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Api')!;
    expect(api.Properties.DisableExecuteApiEndpoint).toBe(true);
    const dist = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::Distribution')!;
    const origins = dist.Properties.DistributionConfig.Origins as any[];
    expect(JSON.stringify(origins)).not.toContain('execute-api');
    expect(origins.map((o) => o.DomainName)).toContain(cdkContext().apiOriginDomain);
  });
});

describe('signing keys', () => {
  it('are two secrets, readable (GetSecretValue) by the functions, in no environment variable', () => {
    const secrets = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::SecretsManager::Secret');
    expect(secrets.map(([id]) => id).sort()).toEqual([expect.stringMatching(/^ApiCursorSecret/), expect.stringMatching(/^ApiLinkSecret/)]);
    expect(JSON.stringify(template.toJSON())).not.toContain('{{resolve:secretsmanager:');
    const policies = Object.values(resources).filter((r) => r.Type === 'AWS::IAM::Policy');
    expect(policies.some((p) => JSON.stringify(p.Properties).includes('secretsmanager:GetSecretValue'))).toBe(true);
  });
});

describe('sign-in callbacks', () => {
  it('allow localhost only in a stack built for development', () => {
    const dev = new App({ context: { ...cdkContext(), devStack: true, 'aws:cdk:bundling-stacks': [] } });
    const devStack = buildApp(dev, { webBuildDir: '/nonexistent' });
    const client = Object.values(Template.fromStack(devStack).toJSON().Resources as Record<string, Resource>).find(
      (r) => r.Type === 'AWS::Cognito::UserPoolClient',
    )!;
    expect(JSON.stringify(client.Properties.CallbackURLs)).toContain('http://localhost:5173/auth/callback');
    const prod = new App({ context: { ...cdkContext(), authCallbackUrls: 'http://localhost:5173/auth/callback', 'aws:cdk:bundling-stacks': [] } });
    expect(() => buildApp(prod, { webBuildDir: '/nonexistent' })).toThrow(/development stack/);
  });
});

describe('one content security policy', () => {
  it('is what CloudFront sends, without unsafe-inline for scripts', () => {
    const policy = Object.values(resources).find((r) => r.Type === 'AWS::CloudFront::ResponseHeadersPolicy')!;
    const csp = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    const scriptSrc = String(JSON.stringify(csp)).match(/script-src [^;]*/)![0];
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY_DIRECTIVES['script-src']).not.toContain("'unsafe-inline'");
  });
});

describe('cdk-nag over both stacks', () => {
  it('has no unacknowledged finding', () => {
    const app = testApp();
    buildApp(app, { webBuildDir: '/nonexistent' });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).not.toThrow();
  });
});
