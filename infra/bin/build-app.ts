/**
 * Builds the stacks into an app, reading settings from CDK context (cdk.json or -c key=value).
 * Kept apart from app.ts so tests build exactly the same app.
 */
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { REPO_ROOT } from '../constructs/api-function.js';
import { CALLBACK_PATH } from '../stacks/auth.js';
import { InnovasjonstorgetStack } from '../stacks/innovasjonstorget-stack.js';
import { EdgeStack } from '../stacks/edge.js';

/** The SvelteKit dev server; the deployed site's own URL is added by the stack. */
const LOCAL_ORIGIN = 'http://localhost:5173';

export function buildApp(app: App, overrides: { webBuildDir?: string } = {}): InnovasjonstorgetStack {
  const context = <T>(key: string, fallback: T): T => (app.node.tryGetContext(key) as T | undefined) ?? fallback;
  const stackName = context('stackName', 'Innovasjonstorget');
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = context('region', process.env.CDK_DEFAULT_REGION ?? 'eu-north-1');
  // CloudFront web ACLs must live in us-east-1: a small stack there, referenced across regions.
  const edge = new EdgeStack(app, `${stackName}Edge`, {
    env: { account, region: 'us-east-1' },
    crossRegionReferences: true,
    description: 'Innovasjonstorget: AWS WAF web ACL for the CloudFront distribution (us-east-1)',
  });
  // Localhost sign-in callbacks only in a stack built for development (-c devStack=true).
  const dev = String(context<unknown>('devStack', false)) === 'true';
  const callbacks = list(context<string | string[]>('authCallbackUrls', dev ? [`${LOCAL_ORIGIN}${CALLBACK_PATH}`] : []));
  const logouts = list(context<string | string[]>('authLogoutUrls', dev ? [`${LOCAL_ORIGIN}/`] : []));
  if (!dev && [...callbacks, ...logouts].some((u) => /^http:\/\/(localhost|127\.)/.test(u))) {
    throw new Error('localhost sign-in callbacks are for a development stack only: build it with -c devStack=true');
  }
  const stack = new InnovasjonstorgetStack(app, stackName, {
    env: { account, region },
    crossRegionReferences: true,
    description: 'Innovasjonstorget: marketplace for municipal innovation calls',
    authDomainPrefix: context('authDomainPrefix', 'innovasjonstorget'),
    authCallbackUrls: callbacks,
    authLogoutUrls: logouts,
    webBuildDir: overrides.webBuildDir ?? join(REPO_ROOT, 'web', 'build'),
    tracing: String(context<unknown>('tracing', false)) === 'true',
    apiOriginDomain: context('apiOriginDomain', 'api-origin.innovasjonstorget.no'),
    apiOriginCertificateArn: context<string | undefined>('apiOriginCertificateArn', undefined),
    webAclArn: edge.webAclArn,
  });
  // The cross-region reference (webAclArn) already makes this stack depend on the edge stack.
  return stack;
}

/** `-c key=a,b` arrives as a string; cdk.json can hold a real array. */
function list(value: string | string[]): string[] {
  return Array.isArray(value)
    ? value
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
