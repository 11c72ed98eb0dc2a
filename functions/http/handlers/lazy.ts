/**
 * Helpers some routes of several groups need, imported on first use like the use cases (see handlers/calls.ts):
 * both reach the DynamoDB or S3 client, which a function's entry module must not load at import.
 */
type Idempotent = typeof import('../../core/idempotency.js').idempotent;
type WriteCallPage = typeof import('../../site/render-call-page.js').writeCallPage;

export const idempotent: Idempotent = async (...args) => (await import('../../core/idempotency.js')).idempotent(...args);
export const writeCallPage: WriteCallPage = async (...args) => (await import('../../site/render-call-page.js')).writeCallPage(...args);
