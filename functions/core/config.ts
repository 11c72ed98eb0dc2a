import { DEFAULT_TABLE_NAME } from '../data/table-schema.js';

/** Environment, read once per process. Every other module asks here instead of process.env. */
export interface Config {
  tableName: string;
  /** Unset in AWS (the SDK uses the regional endpoint); set locally and for DynamoDB Local. */
  dynamodbEndpoint?: string;
  region: string;
  /** Set in AWS: lets 'optional'-audience routes verify a bearer token that API Gateway did not. */
  cognito?: { userPoolId: string; clientId: string };
  /** Most open calls held in memory (5,000 at national size, ~15 MB); 0 turns the copy off. */
  publishedSnapshotMax: number;
  /**
   * Who writes derived items (call postings, statistics counters): `inline`, the data layer right after
   * each write (local, tests); `stream`, the table's stream handler (AWS).
   */
  derivedWrites: 'inline' | 'stream';
  /** Where the match index snapshot lives: an S3 bucket (AWS) or a folder (local). */
  matchSnapshot?: { bucket: string } | { dir: string };
}

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const env = process.env;
  cached = {
    tableName: env.TABLE_NAME ?? DEFAULT_TABLE_NAME,
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'eu-north-1',
    cognito: env.COGNITO_USER_POOL_ID && env.COGNITO_CLIENT_ID ? { userPoolId: env.COGNITO_USER_POOL_ID, clientId: env.COGNITO_CLIENT_ID } : undefined,
    publishedSnapshotMax: Number(env.PUBLISHED_SNAPSHOT_MAX ?? 20_000),
    derivedWrites: env.DERIVED_WRITES === 'stream' ? 'stream' : 'inline',
    matchSnapshot: env.MATCH_SNAPSHOT_BUCKET ? { bucket: env.MATCH_SNAPSHOT_BUCKET } : env.MATCH_SNAPSHOT_DIR ? { dir: env.MATCH_SNAPSHOT_DIR } : undefined,
  };
  return cached;
}

/** Tests and the local server change env between runs in one process. */
export function resetConfig(): void {
  cached = undefined;
}

const DEFAULT_PUBLIC_BASE_URL = 'http://localhost:3000';
const read = (name: string): string | undefined => process.env[name] || undefined;

/**
 * The rest of the environment, read each time it is asked for (never cached here): the modules that build a
 * client or a store from it (file store, site writer, mailer, secrets) cache what they build, and tests and
 * the local server change env between runs in one process. Every `process.env` read outside infra/ and
 * the tests is in this file.
 */
export const env = {
  /** Where the public web app lives, without a trailing slash: links in feeds, OCDS, e-mails and call pages. */
  publicBaseUrl: (): string => (read('PUBLIC_BASE_URL') ?? DEFAULT_PUBLIC_BASE_URL).replace(/\/+$/, ''),
  /** The publisher's registered OCDS ocid prefix; undefined means the demo prefix. */
  ocidPrefix: (): string | undefined => read('OCDS_OCID_PREFIX'),
  /** The local server's data folder. */
  dataDir: (): string => read('DATA_DIR') ?? '.data',
  /** Uploaded files: an S3 bucket in AWS, else a folder (FILES_DIR, or DATA_DIR/files). */
  filesBucket: (): string | undefined => read('FILES_BUCKET'),
  filesDir: (): string | undefined => read('FILES_DIR'),
  /** Prerendered call pages: an S3 bucket in AWS, a folder locally, or neither (no pages written). */
  siteBucket: (): string | undefined => read('SITE_BUCKET'),
  siteRoot: (): string | undefined => read('SITE_ROOT'),
  /** E-mail: MAIL_TRANSPORT ses|file (file by default), MAIL_FROM, and the file outbox (OUTBOX_DIR). */
  mailTransport: (): string => read('MAIL_TRANSPORT') ?? 'file',
  mailFrom: (): string | undefined => read('MAIL_FROM'),
  outboxDir: (): string | undefined => read('OUTBOX_DIR'),
  /** Signing keys: Secrets Manager ARNs in AWS, plain values locally. */
  secretArns: (): { cursor?: string; link?: string } => ({ cursor: read('CURSOR_SECRET_ARN'), link: read('LINK_SECRET_ARN') }),
  cursorSecret: (): string | undefined => read('CURSOR_SECRET'),
  linkSecret: (): string | undefined => read('LINK_SECRET'),
  /** The local sign-in's token key (the local server sets it; never in AWS). */
  devTokenSecret: (): string | undefined => read('DEV_TOKEN_SECRET'),
  /** Credentials for a local DynamoDB endpoint (any value works there; AWS uses the role's). */
  localCredentials: () => ({ accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local' }),
  serviceName: (): string => process.env.POWERTOOLS_SERVICE_NAME ?? 'innovasjonstorget',
};
