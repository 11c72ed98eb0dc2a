import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildTestStack, testApp } from './test-app.js';

describe('cdk-nag (AWS Solutions)', () => {
  it('finds nothing unacknowledged in the stack', () => {
    const { stack } = buildTestStack({ nag: true });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  it('finds nothing unacknowledged when the web build is deployed too', () => {
    const webBuildDir = mkdtempSync(join(tmpdir(), 'web-build-'));
    try {
      writeFileSync(join(webBuildDir, '200.html'), '<!doctype html>');
      const { stack } = buildTestStack({ nag: true, webBuildDir });
      expect(() => Template.fromStack(stack)).not.toThrow();
    } finally {
      rmSync(webBuildDir, { recursive: true, force: true });
    }
  });

  it('gives a real reason for every acknowledged finding', () => {
    const { stack } = buildTestStack({ nag: true });
    const reasons = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.values(m.data as Record<string, string>));
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(40);
  });

  it('actually bites: an unlogged, plain-HTTP bucket fails synthesis', () => {
    const app = testApp();
    const stack = new Stack(app, 'Throwaway');
    new Bucket(stack, 'Careless');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => Template.fromStack(stack)).toThrow(/AwsSolutions-S1\b[\s\S]*AwsSolutions-S10|AwsSolutions-S10[\s\S]*AwsSolutions-S1\b/);
  });
});
