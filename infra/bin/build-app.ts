/**
 * Builds the stacks into an app, reading settings from CDK context (cdk.json or -c key=value).
 * Kept apart from app.ts so tests build exactly the same app.
 */
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { REPO_ROOT } from '../constructs/api-function.js';
import { CALLBACK_PATH } from '../stacks/auth.js';
import { InnovasjonstorgetStack } from '../stacks/innovasjonstorget-stack.js';

/** The SvelteKit dev server; the deployed site's own URL is added by the stack. */
const LOCAL_ORIGIN = 'http://localhost:5173';

export function buildApp(app: App, overrides: { webBuildDir?: string } = {}): InnovasjonstorgetStack {
  const context = <T>(key: string, fallback: T): T => (app.node.tryGetContext(key) as T | undefined) ?? fallback;
  return new InnovasjonstorgetStack(app, context('stackName', 'Innovasjonstorget'), {
    // Environment-agnostic unless the CLI knows an account (then region-specific lookups would work too).
    env: process.env.CDK_DEFAULT_ACCOUNT
      ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION }
      : undefined,
    description: 'Innovasjonstorget: marketplace for municipal innovation calls',
    authDomainPrefix: context('authDomainPrefix', 'innovasjonstorget'),
    authCallbackUrls: list(context<string | string[]>('authCallbackUrls', [`${LOCAL_ORIGIN}${CALLBACK_PATH}`])),
    authLogoutUrls: list(context<string | string[]>('authLogoutUrls', [`${LOCAL_ORIGIN}/`])),
    webBuildDir: overrides.webBuildDir ?? join(REPO_ROOT, 'web', 'build'),
    tracing: String(context<unknown>('tracing', false)) === 'true',
  });
}

/** `-c key=a,b` arrives as a string; cdk.json can hold a real array. */
function list(value: string | string[]): string[] {
  return Array.isArray(value) ? value : value.split(',').map((s) => s.trim()).filter(Boolean);
}
