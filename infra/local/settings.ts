import { resolve } from 'node:path';

/** What the local runtime reads from env, once. */
export interface LocalSettings {
  port: number;
  dataDir: string;
  /** When set, use this DynamoDB (e.g. AWS's DynamoDB Local) instead of the embedded engine. */
  dynamodbEndpoint?: string;
  tableName: string;
  webDir: string;
  seed: boolean;
  /** SEED=national (or five, ostfold): a generated market on top of the demo data (infra/local/seed-market.ts). */
  market?: 'national' | 'five' | 'ostfold';
}

export function localSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  return {
    port: env.PORT ? Number(env.PORT) : 3000,
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    tableName: env.TABLE_NAME ?? 'innovasjonstorget',
    webDir: resolve(env.WEB_DIR ?? 'web/build'),
    seed: env.SEED !== 'false',
    ...(env.SEED === 'national' || env.SEED === 'five' || env.SEED === 'ostfold' ? { market: env.SEED } : {}),
  };
}
