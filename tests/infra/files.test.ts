import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/api/contract.js';
import { buildTestStack } from './test-app.js';

let template: Template;
beforeAll(() => {
  template = Template.fromStack(buildTestStack({ nag: true }).stack);
});

type Resource = { Properties: Record<string, any> };
const uploads = () => {
  const buckets = Object.entries(template.findResources('AWS::S3::Bucket') as Record<string, Resource>).filter(([id]) => id.includes('Uploads'));
  expect(buckets).toHaveLength(1);
  return buckets[0]!;
};

describe('the uploads bucket', () => {
  it('is private, encrypted, versioned, logged and aborts unfinished uploads', () => {
    const [, b] = uploads();
    expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(b.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(b.Properties.LoggingConfiguration).toBeDefined();
    expect(b.Properties.LifecycleConfiguration.Rules).toContainEqual(expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }));
    expect(b.Properties.NotificationConfiguration).toEqual({ EventBridgeConfiguration: { EventBridgeEnabled: true } });
  });

  it('refuses plain HTTP (TLS only)', () => {
    const [id] = uploads();
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy') as Record<string, Resource>).filter((p) =>
      JSON.stringify(p.Properties.Bucket).includes(id),
    );
    const deny = policies.flatMap((p) => p.Properties.PolicyDocument.Statement).find((s: any) => s.Effect === 'Deny');
    expect(deny.Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
  });

  it('sends every «Object Created» event of the bucket to the verifier Lambda', () => {
    const [id] = uploads();
    const rules = Object.values(template.findResources('AWS::Events::Rule') as Record<string, Resource>).filter((r) =>
      JSON.stringify(r.Properties.EventPattern).includes(id),
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties.EventPattern['detail-type']).toEqual(['Object Created']);
    expect(JSON.stringify(rules[0]!.Properties.Targets)).toContain('Verifier');
  });
});

describe('the local file routes', () => {
  it('are not routed in AWS: no API route serves /api/dev/files or any upload URL', () => {
    const keys = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>).map((r) => String(r.Properties.RouteKey));
    expect(keys.length).toBe(Object.values(routes).filter((r) => r.audience !== 'dev').length);
    expect(keys.some((k) => k.includes('/api/calls/{id}/documents'))).toBe(true); // the check below looks at real keys
    for (const k of keys) {
      expect(k).not.toContain('/api/dev');
      expect(k).not.toContain('/files/');
    }
  });
});
