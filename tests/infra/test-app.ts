/**
 * Builds the real app for assertions: cdk.json's context (so feature flags match `cdk synth`), bundling
 * skipped (no esbuild run per test), and cdk-nag registered exactly as infra/bin/app.ts does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { REPO_ROOT } from '../../infra/constructs/api-function.js';
import { buildApp } from '../../infra/bin/build-app.js';

export const cdkContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

export function testApp(): App {
  return new App({ context: { ...cdkContext(), 'aws:cdk:bundling-stacks': [] } });
}

export function buildTestStack(options: { nag?: boolean; webBuildDir?: string } = {}) {
  const app = testApp();
  const stack = buildApp(app, { webBuildDir: options.webBuildDir ?? join(REPO_ROOT, 'tests', 'infra', 'no-web-build') });
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
