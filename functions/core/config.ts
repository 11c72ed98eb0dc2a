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
    cognito:
      env.COGNITO_USER_POOL_ID && env.COGNITO_CLIENT_ID
        ? { userPoolId: env.COGNITO_USER_POOL_ID, clientId: env.COGNITO_CLIENT_ID }
        : undefined,
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
