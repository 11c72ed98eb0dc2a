import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPA_FALLBACK_SOURCE } from '../../infra/constructs/spa-fallback.js';
import { PRERENDERED_PAGES } from '../../shared/site-pages.js';
import { buildTestStack } from './test-app.js';

// AWS managed policies, ids fixed by CloudFront.
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

interface DistributionConfig {
  DefaultRootObject: string;
  CustomErrorResponses?: unknown;
  Origins: { OriginAccessControlId?: unknown; S3OriginConfig?: unknown }[];
  DefaultCacheBehavior: { ResponseHeadersPolicyId?: unknown; FunctionAssociations?: { EventType: string }[] };
  CacheBehaviors: {
    PathPattern: string;
    CachePolicyId: string;
    OriginRequestPolicyId: string;
    ResponseHeadersPolicyId?: unknown;
    FunctionAssociations?: unknown;
  }[];
}

let template: Template;
let config: DistributionConfig;
beforeAll(() => {
  template = Template.fromStack(buildTestStack().stack);
  const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
  config = (distribution as { Properties: { DistributionConfig: DistributionConfig } }).Properties.DistributionConfig;
});

describe('the site', () => {
  it('reads a private bucket through Origin Access Control', () => {
    const s3Origins = config.Origins.filter((o) => o.S3OriginConfig);
    expect(s3Origins).toHaveLength(1);
    expect(s3Origins[0]?.OriginAccessControlId).toBeDefined();
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('refuses plain HTTP to its buckets', () => {
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const policy of policies) {
      expect(JSON.stringify(policy)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('answers client-side routes with the SPA shell without hiding API 404s', () => {
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
  });

  it('sends /api/* to the HTTP API uncached, with everything the viewer sent but Host', () => {
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    expect(api?.CachePolicyId).toBe(CACHING_DISABLED);
    expect(api?.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
    expect(api?.FunctionAssociations).toBeUndefined();
  });

  it('adds strict security headers to every response', () => {
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toBeDefined();
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentSecurityPolicy: Match.objectLike({ Override: true }),
        }),
      }),
    });
    const [policy] = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = JSON.stringify(policy);
    for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) {
      expect(csp).toContain(directive);
    }
  });

  it('lets the calls and sharing functions write call pages into the site bucket, and nothing more', () => {
    const [siteId] = Object.keys(
      template.findResources('AWS::S3::Bucket', { Properties: { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } } }),
    ).filter((id) => id.includes('WebSite'));
    expect(siteId).toBeDefined();
    const functions = template.findResources('AWS::Lambda::Function');
    const withSite = Object.entries(functions).filter(([, f]) => JSON.stringify(f).includes('"SITE_BUCKET"'));
    expect(withSite.map(([id]) => id).sort()).toEqual([expect.stringContaining('Calls'), expect.stringContaining('Sharing')]);
    for (const [, f] of withSite) {
      expect((f as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment.Variables.SITE_BUCKET).toEqual({
        Ref: siteId,
      });
    }
    const objectArn = (key: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [siteId, 'Arn'] }, `/${key}`]] });
    // CDK merges statements with the same action (the calls function also reads uploads), so look inside.
    const grants = (role: string) =>
      Object.values(template.findResources('AWS::IAM::Policy'))
        .filter((p) => JSON.stringify((p as { Properties: { Roles: unknown } }).Properties.Roles).includes(`Api${role}`))
        .flatMap(
          (p) =>
            (p as { Properties: { PolicyDocument: { Statement: { Action: unknown; Effect: string; Resource: unknown }[] } } }).Properties.PolicyDocument
              .Statement,
        )
        .filter((st) => st.Effect === 'Allow')
        .flatMap((st) => [st.Action].flat().flatMap((action) => [st.Resource].flat().map((resource) => JSON.stringify([action, resource]))));
    for (const role of ['Calls', 'Sharing']) {
      expect(grants(role)).toEqual(
        expect.arrayContaining([JSON.stringify(['s3:GetObject', objectArn('200.html')]), JSON.stringify(['s3:PutObject', objectArn('utlysninger/*')])]),
      );
      // Nothing else on the site bucket: no delete, no listing, no other keys.
      expect(
        grants(role)
          .filter((g) => g.includes(`"${siteId}"`))
          .sort(),
      ).toEqual([JSON.stringify(['s3:GetObject', objectArn('200.html')]), JSON.stringify(['s3:PutObject', objectArn('utlysninger/*')])].sort());
    }
    // Besides those two, only the deployment's own role may touch the site bucket's objects.
    const granted = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p).includes(`"${siteId}","Arn"`))
      .flatMap((p) => (p as { Properties: { Roles: { Ref: string }[] } }).Properties.Roles.map((r) => r.Ref));
    expect(granted.sort()).toEqual([expect.stringMatching(/^ApiCalls/), expect.stringMatching(/^ApiSharing/), expect.stringMatching(/^WebDeployRole/)]);
  });

  it('logs viewer requests', () => {
    expect(JSON.stringify(config)).toContain('"Logging"');
  });

  it('deploys only config.json, without pruning, when the web app has not been built', () => {
    template.resourceCountIs('Custom::CDKBucketDeployment', 1);
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      Prune: false,
      SourceObjectKeys: Match.arrayEquals([Match.anyValue()]),
      DistributionPaths: ['/*'],
    });
  });
});

describe('the site with a web build', () => {
  let buildDir: string;
  beforeAll(() => {
    buildDir = mkdtempSync(join(tmpdir(), 'web-build-'));
    writeFileSync(join(buildDir, 'index.html'), '<!doctype html><title>t</title>');
  });
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

  it('deploys the build with config.json, revalidated on every load, and prunes stale files', () => {
    const built = Template.fromStack(buildTestStack({ webBuildDir: buildDir }).stack);
    built.resourceCountIs('Custom::CDKBucketDeployment', 2);
    built.hasResourceProperties('Custom::CDKBucketDeployment', {
      Prune: true,
      SourceObjectKeys: Match.arrayEquals([Match.anyValue(), Match.anyValue()]),
      // Call pages come from the API: a local build's leftovers are not uploaded, the API's pages not pruned.
      Exclude: ['_app/immutable/*', 'utlysninger/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/*'],
    });
    // Hashed assets: cached for a year and kept, so a tab still running the previous version can load its chunks.
    built.hasResourceProperties('Custom::CDKBucketDeployment', {
      Prune: false,
      Include: ['_app/immutable/*'],
      SystemMetadata: { 'cache-control': Match.stringLikeRegexp('max-age=31536000.*immutable') },
    });
  });
});

describe('the SPA fallback function', () => {
  const handler = new Function(`${SPA_FALLBACK_SOURCE}; return handler;`)() as (e: { request: { uri: string } }) => { uri: string };
  const rewrite = (uri: string) => handler({ request: { uri } }).uri;

  it('sends extension-less paths to /200.html', () => {
    expect(rewrite('/calls/01HZY')).toBe('/200.html');
    expect(rewrite('/calls/')).toBe('/200.html');
  });

  it('serves the prerendered pages from their HTML files', () => {
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/om')).toBe('/om.html');
    expect(rewrite('/om/apne-data')).toBe('/om/apne-data.html');
    expect(rewrite('/personvern')).toBe('/personvern.html');
    for (const path of PRERENDERED_PAGES) expect(rewrite(path)).toBe(path === '/' ? '/index.html' : `${path}.html`);
    // Only those: another path under /om is a client-side route.
    expect(rewrite('/om/noe-annet')).toBe('/200.html');
  });

  it("serves a call's address from the page the API writes, and other call routes from the shell", () => {
    expect(rewrite('/utlysninger/01KDVED3Q0A50R2BWX0ND6BGDE')).toBe('/utlysninger/01KDVED3Q0A50R2BWX0ND6BGDE.html');
    expect(rewrite('/utlysninger/ny')).toBe('/200.html');
    expect(rewrite('/utlysninger/01KDVED3Q0A50R2BWX0ND6BGDE/rediger')).toBe('/200.html');
    expect(rewrite('/utlysninger/01kdved3q0a50r2bwx0nd6bgde')).toBe('/200.html');
    expect(rewrite('/utlysninger/../200')).toBe('/200.html');
  });

  it('leaves files alone', () => {
    expect(rewrite('/config.json')).toBe('/config.json');
    expect(rewrite('/_app/immutable/entry/start.Bx1.js')).toBe('/_app/immutable/entry/start.Bx1.js');
  });
});
