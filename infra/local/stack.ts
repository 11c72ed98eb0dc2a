import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalHandler } from '../../functions/http/local-api.js';
import { resetConfig } from '../../functions/core/config.js';
import { resetSiteWriter } from '../../functions/site/site-writer.js';
import { resetDb } from '../../functions/data/client.js';
import { invalidatePublishedSnapshot } from '../../functions/data/published-snapshot.js';
import { resetMatchIndex } from '../../functions/matching/match-index-cache.js';
import { verifyDevToken } from '../../functions/dev/tokens.js';
import { apiGateway, type Handler } from './api-gateway.js';
import { startDynalite } from './dynalite.js';
import { localSecrets } from './secrets.js';
import { staticSite } from './static-site.js';
import { LOCAL_FILES_PREFIX, localFiles } from './files-route.js';
import { resetFileStore } from '../../functions/files/storage.js';
import { join } from 'node:path';
import { ensureTable } from '../../functions/data/table-setup.js';
import { seedDemoData } from './seed.js';
import { seedMarket } from './seed-market.js';
import type { LocalSettings } from './settings.js';

export interface LocalStack {
  url: string;
  endpoint: string;
  close: () => Promise<void>;
}

/**
 * The whole marketplace on one machine: DynamoDB (embedded or DYNAMODB_ENDPOINT), the table, demo
 * data once, and one HTTP origin serving /api/* through the Lambda handler and everything else from
 * the static web build.
 */
export async function startLocalStack(settings: LocalSettings, log: (msg: string) => void = console.log): Promise<LocalStack> {
  const embedded = settings.dynamodbEndpoint ? undefined : await startDynalite(settings.dataDir);
  const endpoint = settings.dynamodbEndpoint ?? embedded!.endpoint;
  const secrets = localSecrets(settings.dataDir);

  // The functions read their configuration from env, exactly as in Lambda.
  Object.assign(process.env, {
    TABLE_NAME: settings.tableName,
    DYNAMODB_ENDPOINT: endpoint,
    CURSOR_SECRET: secrets.cursorSecret,
    LINK_SECRET: secrets.linkSecret,
    DEV_TOKEN_SECRET: secrets.devTokenSecret,
    AWS_REGION: process.env.AWS_REGION ?? 'eu-north-1',
    // EMF metric lines are for CloudWatch; locally they would only drown the log.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    // Uploaded documents and attachments (S3 in AWS).
    FILES_DIR: join(settings.dataDir, 'files'),
    // The match index snapshot (S3 in AWS): cold starts load it instead of every profile.
    MATCH_SNAPSHOT_DIR: settings.dataDir,
    // Published call pages are rendered into the folder the local server serves (the site bucket in AWS).
    SITE_ROOT: settings.webDir,
  });
  delete process.env.FILES_BUCKET;
  resetFileStore();
  resetConfig();
  resetSiteWriter();
  resetDb();
  invalidatePublishedSnapshot();
  resetMatchIndex();

  const table = await ensureTable(settings.tableName);
  log(`DynamoDB ${embedded ? `embedded (dynalite) in ${settings.dataDir}` : `at ${endpoint}`}: table ${settings.tableName} ${table}`);
  if (settings.seed) {
    const seeded = await seedDemoData();
    log(seeded ? 'Demo data seeded.' : 'Demo data already present.');
  }
  if (settings.market) await seedMarket(settings.market, log);

  const api = apiGateway(createLocalHandler(verifyDevToken) as unknown as Handler, verifyDevToken);
  const site = staticSite(settings.webDir, { demo: settings.seed });
  const inFlight = new Set<Promise<void>>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = path.startsWith(LOCAL_FILES_PREFIX) ? localFiles : path === '/api' || path.startsWith('/api/') ? api : site;
    const work = Promise.resolve(route(req, res))
      .catch((e: unknown) => {
        console.error(e);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Unexpected error in the local server.' }));
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(settings.port, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    endpoint,
    close: async () => {
      // Stop taking requests, let the ones under way finish, and only then close the database.
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      server.closeIdleConnections();
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 5000))]);
      server.closeAllConnections();
      await closed;
      resetDb();
      await embedded?.close();
    },
  };
}
